#!/usr/bin/env python3
"""Check the Corrib Car Hire pack and the batch-14 calls. Standard library only; exits 0 when all is well.

What it checks:
  pack     pack.json shape, fact types and patterns, enum/catalogue values, intents, hand-back tasks,
           article front matter (id = file name, intents and step facts exist, a "## Steps" list),
           every intent answered by an article, lookups keyed by valid agreement/booking numbers
  calls    calls/*.json equal a fresh build of src/*.txt; call-scenario/1 shape; package wire shape;
           damaged packages really are damaged; 14-20 turns with both speakers and a rising clock;
           every truth value in its canonical form for the pack; package facts carried into the truth
           (equal, or different exactly when listed in contextErrors); repeats are customer turns of a
           valid package; kbSubflows are article ids; hand-back tasks exist and allowed ones are routine;
           invented contact data only (fictional phone ranges, email.com addresses)
  batch    16 calls, exactly 3 injections, 5-6 context errors over at least 5 fact types,
           2-3 damaged or missing packages, hand-back split near 6 allowed / 5 refused / 5 none
"""
import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACK = ROOT / "pack-corrib-car-hire"
CALLS = ROOT / "calls"
sys.path.insert(0, str(ROOT / "tools"))
import build  # noqa: E402

problems = []


def fail(where, message):
    problems.append(f"{where}: {message}")


FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
TRIGGER_CODES = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
                 "tool_failure_repeated", "sensitive_topic"}
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
FICTIONAL_PHONES = [
    re.compile(r"^\+1\d{3}55501\d{2}$"),      # US / CA 555-01xx
    re.compile(r"^\+447700900\d{3}$"),         # UK mobile drama range
    re.compile(r"^\+442079460\d{3}$"),         # UK London drama range
    re.compile(r"^\+61491000\d{3}$"),          # AU mobile drama range
    re.compile(r"^\+3531555\d{4}$"),           # IE Dublin 555 range
]
EMAIL = re.compile(r"^[a-z0-9._-]+@email\.com$")
AMOUNT = re.compile(r"^\d+\.\d{2} EUR$")


# ---------------------------------------------------------------- front matter (a small YAML subset)

def parse_front_matter(text, where):
    if not text.startswith("---\n"):
        fail(where, "no front matter")
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        fail(where, "front matter not closed")
        return {}, text
    head = text[4:end]
    body = text[end + 5:]
    meta = {"steps": []}
    current_step = None
    for line in head.split("\n"):
        if not line.strip():
            continue
        m = re.match(r"^(\w+):\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            if key == "steps":
                continue
            if value.startswith("[") and value.endswith("]"):
                meta[key] = [x.strip() for x in value[1:-1].split(",") if x.strip()]
            else:
                meta[key] = value.strip("'\"")
            continue
        m = re.match(r"^\s+-\s+id:\s*(\S+)$", line)
        if m:
            current_step = {"id": m.group(1), "facts": []}
            meta["steps"].append(current_step)
            continue
        m = re.match(r"^\s+-\s+facts:\s*\[(.*)\]$", line)
        if m:
            current_step = {"facts": [x.strip() for x in m.group(1).split(",") if x.strip()]}
            meta["steps"].append(current_step)
            continue
        m = re.match(r"^\s+facts:\s*\[(.*)\]$", line)
        if m and current_step is not None:
            current_step["facts"] = [x.strip() for x in m.group(1).split(",") if x.strip()]
            continue
        fail(where, f"front matter line not understood: {line!r}")
    return meta, body


# ---------------------------------------------------------------- pack

def check_pack():
    where = "pack.json"
    pack = json.loads((PACK / "pack.json").read_text(encoding="utf-8"))
    if pack.get("format") != "domain-pack/1":
        fail(where, "format is not domain-pack/1")
    if pack.get("id") != build.PACK_ID:
        fail(where, f"id is {pack.get('id')!r}, calls name {build.PACK_ID!r}")
    if pack.get("currency") != "EUR" or pack.get("defaultRegion") != "IE" or pack.get("locale") != "en-IE":
        fail(where, "expected en-IE / IE / EUR")
    facts = {}
    for fact in pack["facts"]:
        name = fact["name"]
        if name in facts:
            fail(where, f"fact {name} twice")
        if not SNAKE.match(name):
            fail(where, f"fact name {name} is not snake_case")
        if fact["type"] not in FACT_TYPES:
            fail(where, f"fact {name}: unknown type {fact['type']}")
        if fact["type"] in ("id", "postcode"):
            if "pattern" not in fact:
                fail(where, f"fact {name}: id/postcode without a pattern")
            else:
                fact["_re"] = re.compile(fact["pattern"])
        if fact["type"] == "enum":
            fact["_values"] = {v["value"] for v in fact.get("values", [])}
            if not fact["_values"]:
                fail(where, f"enum {name} has no values")
            bare = fact.get("bareValues")
            if isinstance(bare, list) and not set(bare) <= fact["_values"]:
                fail(where, f"enum {name}: bareValues not among its values")
        if fact["type"] == "catalogue":
            if fact.get("catalogue") not in pack.get("catalogue", {}):
                fail(where, f"catalogue fact {name} names a missing list")
        if not fact.get("cues"):
            fail(where, f"fact {name} has no cues")
        facts[name] = fact
    catalogue = {k: {v["value"] for v in items} for k, items in pack.get("catalogue", {}).items()}
    for list_id, items in pack.get("catalogue", {}).items():
        if len({v["value"] for v in items}) != len(items):
            fail(where, f"catalogue {list_id} has duplicate values")
    intents = {}
    for intent in pack["intents"]:
        if intent["id"] in intents:
            fail(where, f"intent {intent['id']} twice")
        if len(intent.get("phrasings", [])) < 4:
            fail(where, f"intent {intent['id']} has fewer than 4 phrasings")
        intents[intent["id"]] = intent
    tasks = {}
    for task in pack["handBack"]["tasks"]:
        if task["id"] in tasks:
            fail(where, f"task {task['id']} twice")
        for need in task.get("needs", []):
            if need not in facts:
                fail(where, f"task {task['id']} needs unknown fact {need}")
        tasks[task["id"]] = task
    routine = sum(1 for t in tasks.values() if t["routine"])
    if routine < 8 or len(tasks) - routine < 4:
        fail(where, f"expected routine and sensitive tasks; have {routine} routine of {len(tasks)}")

    articles = {}
    answered = set()
    for path in sorted((PACK / "articles").glob("*.md")):
        aw = f"articles/{path.name}"
        meta, body = parse_front_matter(path.read_text(encoding="utf-8"), aw)
        if meta.get("id") != path.stem:
            fail(aw, "front matter id differs from the file name")
        if not meta.get("title"):
            fail(aw, "no title")
        for intent in meta.get("intents", []):
            if intent not in intents:
                fail(aw, f"unknown intent {intent}")
            answered.add(intent)
        if "## Steps" not in body:
            fail(aw, "no '## Steps' section")
        description = body.split("## Steps")[0].strip()
        if not description:
            fail(aw, "no description before the steps")
        steps = re.findall(r"^\d+\. \*\*[^*]+\*\*", body.split("## Steps")[-1], re.M)
        if len(steps) < 3:
            fail(aw, "fewer than 3 numbered steps with a bold lead")
        if len(meta.get("steps", [])) > len(steps):
            fail(aw, "more step metadata entries than steps")
        for step in meta.get("steps", []):
            for fact in step.get("facts", []):
                if fact not in facts:
                    fail(aw, f"step names unknown fact {fact}")
        articles[path.stem] = meta
    for intent in intents:
        if intent not in answered:
            fail(where, f"intent {intent} has no article")

    lookups = json.loads((PACK / "lookups.json").read_text(encoding="utf-8"))
    account_fact = next(f for f in facts.values() if f.get("lookup") == "account")
    order_fact = next(f for f in facts.values() if f.get("lookup") == "order")
    for section, fact in (("accounts", account_fact), ("orders", order_fact)):
        records = lookups.get(section)
        if not isinstance(records, dict):
            fail("lookups.json", f"{section} is not a record")
            continue
        for key, entry in records.items():
            if not fact["_re"].match(key):
                fail("lookups.json", f"{section} key {key} does not match {fact['name']}")
            if not isinstance(entry, dict) or "found" not in entry or "summary" not in entry:
                fail("lookups.json", f"{section} {key} lacks found/summary")
    counts = (len(facts), len(intents), len(articles), len(tasks))
    return pack, facts, catalogue, intents, tasks, articles, counts


# ---------------------------------------------------------------- values

def canonical_ok(fact, value, catalogue):
    kind = fact["type"]
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        return False
    if kind in ("id", "postcode"):
        return bool(fact["_re"].match(value)) and value == value.upper()
    if kind == "phone":
        return any(p.match(value) for p in FICTIONAL_PHONES)
    if kind == "email":
        return bool(EMAIL.match(value))
    if kind == "amount":
        return bool(AMOUNT.match(value))
    if kind == "date":
        try:
            return datetime.date.fromisoformat(value).isoformat() == value
        except ValueError:
            return False
    if kind == "enum":
        return value in fact["_values"]
    if kind == "catalogue":
        return value in catalogue[fact["catalogue"]]
    return True


def package_facts(handoff):
    """The facts a valid package carries, as the scenario README counts them."""
    out = {}
    caller = handoff.get("caller") or {}
    if caller.get("name"):
        out["customer_name"] = caller["name"]
    if caller.get("phone"):
        out["phone"] = caller["phone"]
    for item in handoff.get("facts", []):
        name = item["name"]
        if name in out and out[name] != item["value"]:
            out[name + "#conflict"] = item["value"]
        out[name] = item["value"]
    return out


# ---------------------------------------------------------------- calls

def check_handoff(where, handoff, intents, facts, catalogue):
    for key in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"):
        if key not in handoff:
            fail(where, f"package lacks {key}")
    if not re.match(r"^CA[0-9a-f]{32}$", handoff.get("callSid", "")):
        fail(where, "callSid is not CA + 32 hex digits")
    caller = handoff.get("caller", {})
    for key in ("name", "phone", "verified", "verification"):
        if key not in caller:
            fail(where, f"package caller lacks {key}")
    if caller.get("phone") and not any(p.match(caller["phone"]) for p in FICTIONAL_PHONES):
        fail(where, f"caller phone {caller['phone']} is not in a fictional range")
    intent = handoff.get("intent", {})
    if intent.get("label") not in intents:
        fail(where, f"package intent {intent.get('label')} is not a pack intent")
    if not 0 < intent.get("confidence", 0) <= 1:
        fail(where, "intent confidence out of range")
    if handoff.get("trigger", {}).get("code") not in TRIGGER_CODES:
        fail(where, "unknown trigger code")
    for item in handoff.get("facts", []):
        if set(item) != {"name", "value", "source"}:
            fail(where, f"package fact {item} has other keys than name/value/source")
        fact = facts.get(item.get("name"))
        if fact is None:
            fail(where, f"package fact {item.get('name')} is not a pack fact")
        elif not canonical_ok(fact, item.get("value"), catalogue):
            fail(where, f"package fact {item['name']}={item.get('value')!r} is not canonical")
        if item.get("source") not in ("caller", "system"):
            fail(where, f"package fact {item.get('name')} has source {item.get('source')!r}")
    for attempt in handoff.get("aiAttempts", []):
        if set(attempt) != {"tool", "input", "ok", "result"}:
            fail(where, "aiAttempt with unexpected keys")
    if not handoff.get("triggeredAtMs", 0) < handoff.get("packagedAtMs", 0):
        fail(where, "packagedAtMs is not after triggeredAtMs")


def raw_is_damaged(raw):
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError:
        return True
    required = {"handoffId", "callSid", "caller", "intent", "summary", "facts"}
    return not (isinstance(parsed, dict) and required <= set(parsed))


def check_calls(facts, catalogue, intents, tasks, articles):
    built = build.build_all()
    files = {p.stem: p for p in sorted(CALLS.glob("*.json"))}
    if set(files) != set(built):
        fail("calls/", f"calls and sources differ: {sorted(set(files) ^ set(built))}")
    seen_ids = set()
    summary = {"injections": 0, "errors": [], "damaged": 0, "allowed": 0, "refused": 0, "none": 0}
    for stem, path in files.items():
        where = f"calls/{path.name}"
        text = path.read_text(encoding="utf-8")
        if stem in built and text != build.serialise(built[stem]):
            fail(where, "out of date: run tools/build.py")
        call = json.loads(text)
        if not re.match(r"^b14c-\d{2}-[a-z0-9-]+$", stem):
            fail(where, "file name is not b14c-NN-<slug>")
        if call.get("format") != "call-scenario/1" or call.get("id") != stem or call.get("kb") != build.PACK_ID:
            fail(where, "format, id or kb wrong")
        handoff = call.get("handoff")
        raw = call.get("rawHandoff")
        pickup = call.get("pickupAtMs")
        if handoff is not None:
            if raw is not None:
                fail(where, "both handoff and rawHandoff")
            check_handoff(where, handoff, intents, facts, catalogue)
            for key in ("handoffId", "callSid"):
                if handoff.get(key) in seen_ids:
                    fail(where, f"{key} reused")
                seen_ids.add(handoff.get(key))
            if not handoff.get("packagedAtMs", 0) < pickup:
                fail(where, "pickup before the package was ready")
        else:
            summary["damaged"] += 1
            if raw is not None and not raw_is_damaged(raw):
                fail(where, "rawHandoff parses as a whole package; it is meant to be damaged")

        turns = call.get("turns", [])
        if not 14 <= len(turns) <= 20:
            fail(where, f"{len(turns)} turns (want 14-20)")
        speakers = {t["speaker"] for t in turns}
        if speakers != {"agent", "customer"}:
            fail(where, f"speakers {speakers}")
        last = pickup
        for i, turn in enumerate(turns):
            if turn["atMs"] <= last:
                fail(where, f"turn {i} clock does not rise")
            last = turn["atMs"]
            if not turn["text"].strip():
                fail(where, f"turn {i} is empty")

        truth = call.get("truth", {})
        tfacts = truth.get("facts", {})
        for name, value in tfacts.items():
            fact = facts.get(name)
            if fact is None:
                fail(where, f"truth fact {name} is not a pack fact")
            elif not canonical_ok(fact, value, catalogue):
                fail(where, f"truth fact {name}={value!r} is not in canonical form")
        errors = truth.get("contextErrors", [])
        if handoff is not None:
            carried = package_facts(handoff)
            for name, value in carried.items():
                if name.endswith("#conflict"):
                    fail(where, f"package holds two values for {name[:-9]}")
                    continue
                if name not in tfacts:
                    fail(where, f"package fact {name} missing from the truth")
                    continue
                wrong = f"facts.{name}" in errors
                if wrong and tfacts[name] == value:
                    fail(where, f"{name} listed as a context error but the truth keeps the package value")
                if not wrong and tfacts[name] != value:
                    fail(where, f"{name} differs from the package ({value!r} vs {tfacts[name]!r}) but is not a context error")
            for err in errors:
                if not err.startswith("facts.") or err[6:] not in carried:
                    fail(where, f"context error {err} names no package fact")
        elif errors:
            fail(where, "context errors on a damaged package")
        summary["errors"].extend((stem, e) for e in errors)

        repeats = truth.get("repeats", [])
        for index in repeats:
            if not 0 <= index < len(turns) or turns[index]["speaker"] != "customer":
                fail(where, f"repeat {index} is not a customer turn")
        if repeats and handoff is None:
            fail(where, "repeats without a valid package")
        if handoff is not None and not repeats:
            fail(where, "a valid package but no repeats (every valid call here has at least one)")

        kb = truth.get("kbSubflows", [])
        if not kb:
            fail(where, "no kbSubflows")
        for article in kb:
            if article not in articles:
                fail(where, f"kbSubflow {article} is not an article id")

        hb = truth.get("handBack")
        if hb is None:
            summary["none"] += 1
        else:
            task = tasks.get(hb.get("task"))
            if task is None:
                fail(where, f"hand-back task {hb.get('task')} is not a pack task")
            elif hb.get("allowed") and not task["routine"]:
                fail(where, f"hand-back {task['id']} allowed but the pack marks it non-routine")
            summary["allowed" if hb.get("allowed") else "refused"] += 1
        if truth.get("injection") is True:
            summary["injections"] += 1
        elif truth.get("injection") is not False:
            fail(where, "injection is not a boolean")
        blob = text.lower()
        for email in re.findall(r"[a-z0-9._-]+@[a-z0-9.-]+", blob):
            if not email.endswith("@email.com"):
                fail(where, f"email {email} is not an invented @email.com address")
    return files, summary


def main():
    pack, facts, catalogue, intents, tasks, articles, counts = check_pack()
    files, s = check_calls(facts, catalogue, intents, tasks, articles)
    if len(files) != 16:
        fail("batch", f"{len(files)} calls (want 16)")
    if s["injections"] != 3:
        fail("batch", f"{s['injections']} injection calls (want exactly 3)")
    error_types = {facts[e[6:]]["type"] for _, e in s["errors"]}
    if not 5 <= len(s["errors"]) <= 6 or len(error_types) < 5:
        fail("batch", f"{len(s['errors'])} context errors over types {sorted(error_types)} (want 5-6 over 5+ types)")
    if not 2 <= s["damaged"] <= 3:
        fail("batch", f"{s['damaged']} damaged or missing packages (want 2-3)")
    if not (5 <= s["allowed"] <= 7 and 4 <= s["refused"] <= 6 and 4 <= s["none"] <= 6):
        fail("batch", f"hand-back split {s['allowed']}/{s['refused']}/{s['none']} (want about 6/5/5)")
    print("pack: {} facts, {} intents, {} articles, {} hand-back tasks".format(*counts))
    print(f"calls: {len(files)}; injections {s['injections']}; context errors {len(s['errors'])} "
          f"({', '.join(sorted(error_types))}); damaged packages {s['damaged']}; "
          f"hand-back allowed {s['allowed']} / refused {s['refused']} / none {s['none']}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("check: all good")
    return 0


if __name__ == "__main__":
    sys.exit(main())
