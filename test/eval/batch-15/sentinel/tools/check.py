#!/usr/bin/env python3
"""Check the Sentinel Homeguard pack and the 16 escalated calls written for it.

Standard-library Python 3 only. Exit 0 when everything holds, 1 with a list of problems.

Pack: manifest shape, fact schema (20-28 facts, patterns compile, enum and catalogue values),
every intent answered by an article, article front matter and steps, hand-back tasks and
sensitive topics, lookups.json keys, LICENSE.

Calls: the JSON in calls/ is exactly what tools/build.py makes from src/; call-scenario/1 shape
and package wire shape; 14-20 turns in time order; truth facts named by the pack and written in
its canonical forms; package facts agree with the truth except the ones labelled as context
errors (which must differ); repeats point at customer turns of calls with a valid package;
damaged packages really are unreadable; and the batch-wide mix the brief asks for.
"""
import datetime
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACK_DIR = os.path.join(ROOT, "pack-sentinel-homeguard")
CALLS = os.path.join(ROOT, "calls")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import build  # noqa: E402

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
SNAKE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
KEBAB = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
# Fictional ranges only: AU +61 4 9100 0xxx, UK +44 7700 900xxx, US +1 AAA 555 01xx.
FICTIONAL_PHONE = re.compile(r"^(\+61491000\d{3}|\+447700900\d{3}|\+1\d{3}55501\d{2})$")
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
AMOUNT = re.compile(r"^\d+\.\d{2} AUD$")
CALL_DAY = datetime.date(2026, 6, 15)


# ---------------------------------------------------------------- pack

def parse_front_matter(text, where):
    """A small reader for the front matter these articles use (flat keys, inline lists,
    a steps list of mappings). It is not a YAML parser; it refuses what it does not know."""
    if not text.startswith("---\n"):
        problem(where, "no front matter")
        return None, text
    end = text.find("\n---\n", 4)
    if end < 0:
        problem(where, "front matter not closed")
        return None, text
    fm_lines, body = text[4:end].split("\n"), text[end + 5:]
    fm, steps, in_steps, current = {}, [], False, None

    def inline_list(value):
        value = value.split(" #")[0].strip()
        if not (value.startswith("[") and value.endswith("]")):
            problem(where, f"expected an inline list, got {value!r}")
            return []
        inner = value[1:-1].strip()
        if inner.startswith("["):  # signals: [[a, b], [c]]
            return [[x.strip() for x in grp.split(",") if x.strip()]
                    for grp in re.findall(r"\[([^\[\]]*)\]", inner)]
        return [x.strip() for x in inner.split(",") if x.strip()]

    for line in fm_lines:
        if not line.strip():
            continue
        if in_steps and line.startswith("  "):
            stripped = line.strip()
            if stripped.startswith("- "):
                current = {}
                steps.append(current)
                stripped = stripped[2:]
            key, _, value = stripped.partition(":")
            if current is None:
                problem(where, f"step line outside a step: {line!r}")
                continue
            key, value = key.strip(), value.strip()
            current[key] = value if key == "id" else inline_list(value)
            continue
        in_steps = False
        key, sep, value = line.partition(":")
        if not sep:
            problem(where, f"bad front matter line {line!r}")
            continue
        key, value = key.strip(), value.strip()
        if key == "steps":
            in_steps, current = True, None
            continue
        if key == "title" and ": " in value and not (value.startswith("'") or value.startswith('"')):
            problem(where, "a title with ': ' must be quoted")
        fm[key] = inline_list(value) if key == "intents" else value.strip("'\"")
    fm["steps"] = steps
    return fm, body


def check_pack():
    where = "pack.json"
    try:
        with open(os.path.join(PACK_DIR, "pack.json"), encoding="utf-8") as f:
            pack = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        problem(where, f"cannot read: {e}")
        return None
    expect = {"format": "domain-pack/1", "id": "sentinel-homeguard", "locale": "en-AU",
              "defaultRegion": "AU", "currency": "AUD"}
    for key, value in expect.items():
        if pack.get(key) != value:
            problem(where, f"{key} should be {value!r}, is {pack.get(key)!r}")
    if not re.match(r"^\d+\.\d+\.\d+$", str(pack.get("version", ""))):
        problem(where, "version is not semver")

    facts = pack.get("facts", [])
    if not 20 <= len(facts) <= 28:
        problem(where, f"{len(facts)} facts, want 20-28")
    by_name = {}
    catalogue = pack.get("catalogue", {})
    for fact in facts:
        name = fact.get("name", "")
        fw = f"{where} fact {name}"
        if not SNAKE.match(name):
            problem(fw, "name not snake_case")
        if name in by_name:
            problem(fw, "duplicate name")
        by_name[name] = fact
        if fact.get("type") not in FACT_TYPES:
            problem(fw, f"unknown type {fact.get('type')!r}")
        if not fact.get("label"):
            problem(fw, "no label")
        if not fact.get("cues"):
            problem(fw, "no cues")
        if fact.get("type") in ("id", "postcode"):
            try:
                re.compile(fact.get("pattern", ""))
            except re.error as e:
                problem(fw, f"pattern does not compile: {e}")
            if not fact.get("pattern"):
                problem(fw, "id/postcode without pattern")
        if fact.get("type") == "enum":
            values = [v.get("value") for v in fact.get("values", [])]
            if len(values) < 2 or len(set(values)) != len(values):
                problem(fw, "enum needs 2+ distinct values")
            bare = fact.get("bareValues")
            if isinstance(bare, list) and not set(bare) <= set(values):
                problem(fw, "bareValues name values the enum lacks")
        if fact.get("type") == "catalogue" and fact.get("catalogue") not in catalogue:
            problem(fw, "names a catalogue list that does not exist")
    kinds = {}
    for fact in facts:
        kinds.setdefault(fact.get("type"), []).append(fact["name"])
    if len(kinds.get("id", [])) < 4:
        problem(where, "want several ids with their own patterns")
    for t in ("date", "amount", "enum"):
        if len(kinds.get(t, [])) < 2:
            problem(where, f"want at least two {t} facts kept apart")
    for list_id, items in catalogue.items():
        values = [i.get("value") for i in items]
        if len(set(values)) != len(values):
            problem(where, f"catalogue {list_id} has duplicate values")

    intents = pack.get("intents", [])
    intent_ids = [i.get("id") for i in intents]
    if len(intents) < 20:
        problem(where, f"{len(intents)} intents, want 20+")
    if len(set(intent_ids)) != len(intent_ids):
        problem(where, "duplicate intent ids")
    for intent in intents:
        if len(intent.get("phrasings", [])) < 4:
            problem(where, f"intent {intent.get('id')} has few phrasings")

    hb = pack.get("handBack", {})
    tasks = hb.get("tasks", [])
    for task in tasks:
        for need in task.get("needs", []):
            if need not in by_name:
                problem(where, f"task {task.get('id')} needs unknown fact {need}")
        if not SNAKE.match(task.get("id", "")):
            problem(where, f"task id {task.get('id')!r} not snake_case")
    if not any(t.get("routine") for t in tasks) or not any(not t.get("routine") for t in tasks):
        problem(where, "want routine and non-routine hand-back tasks")
    topics = hb.get("sensitiveTopics", [])
    if len(topics) < 5:
        problem(where, "want 5+ business-specific sensitive topics")

    # articles
    art_dir = os.path.join(PACK_DIR, pack.get("knowledgeBase", {}).get("articles", "articles"))
    articles, answered = {}, set()
    for fname in sorted(os.listdir(art_dir)):
        if not fname.endswith(".md"):
            continue
        aw = f"articles/{fname}"
        with open(os.path.join(art_dir, fname), encoding="utf-8") as f:
            text = f.read()
        fm, body = parse_front_matter(text, aw)
        if fm is None:
            continue
        if fm.get("id") != fname[:-3]:
            problem(aw, "id differs from file name")
        if not fm.get("title"):
            problem(aw, "no title")
        for intent in fm.get("intents", []):
            if intent not in intent_ids:
                problem(aw, f"unknown intent {intent}")
            answered.add(intent)
        if "## Steps" not in body:
            problem(aw, "no ## Steps")
        numbered = re.findall(r"^\d+\. \*\*[^*]+\*\*", body.split("## Steps", 1)[-1], re.M)
        if not numbered:
            problem(aw, "no numbered steps with a bold title")
        if len(fm["steps"]) > len(numbered):
            problem(aw, "more step metadata than steps")
        for step in fm["steps"]:
            for name in step.get("facts", []):
                if name not in by_name:
                    problem(aw, f"step names unknown fact {name}")
        if not body.split("## Steps", 1)[0].strip():
            problem(aw, "no description before ## Steps")
        articles[fm.get("id")] = fm
    for intent in intent_ids:
        if intent not in answered:
            problem(where, f"intent {intent} has no article")

    # lookups
    lw = "lookups.json"
    try:
        with open(os.path.join(PACK_DIR, pack.get("lookups", "lookups.json")), encoding="utf-8") as f:
            lookups = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        problem(lw, f"cannot read: {e}")
        lookups = {}
    key_fact = {"accounts": "monitoring_account", "orders": "order_number"}
    for record, fact_name in key_fact.items():
        entries = lookups.get(record)
        if not isinstance(entries, dict):
            problem(lw, f"{record} is not a record")
            continue
        pattern = re.compile(by_name[fact_name]["pattern"])
        for key, entry in entries.items():
            if not pattern.match(key):
                problem(lw, f"{record} key {key} does not match {fact_name}")
            if not isinstance(entry, dict) or not isinstance(entry.get("found"), bool) \
                    or not isinstance(entry.get("summary"), str):
                problem(lw, f"{record} {key} needs found and summary")

    lic = os.path.join(PACK_DIR, "LICENSE")
    if not os.path.exists(lic) or "CC0" not in open(lic, encoding="utf-8").read():
        problem("pack LICENSE", "missing or not CC0")
    return {"pack": pack, "facts": by_name, "articles": articles, "intents": set(intent_ids),
            "tasks": {t["id"]: t for t in tasks}, "lookups": lookups}


# ---------------------------------------------------------------- values

def canonical_ok(fact, value):
    t = fact["type"]
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        return "empty or padded"
    if t in ("id", "postcode"):
        if not re.match(fact["pattern"], value):
            return f"does not match {fact['pattern']}"
        case = fact.get("letterCase", "upper")
        if case == "upper" and value != value.upper():
            return "not upper case"
        if case == "lower" and value != value.lower():
            return "not lower case"
        if " " in value and t == "id":
            return "id with a space"
    elif t == "phone":
        if not FICTIONAL_PHONE.match(value):
            return "not E.164 in a fictional range"
    elif t == "email":
        if not EMAIL.match(value):
            return "not a lower-case email"
    elif t == "amount":
        if not AMOUNT.match(value):
            return "not '<n>.<nn> AUD'"
    elif t == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            return "not YYYY-MM-DD"
        if not (CALL_DAY - datetime.timedelta(days=60) <= d <= CALL_DAY + datetime.timedelta(days=200)):
            return "far from the call day"
    elif t == "enum":
        if value not in [v["value"] for v in fact["values"]]:
            return "not one of the enum values"
    elif t == "catalogue":
        return None if value in CATALOGUE.get(fact["catalogue"], set()) else "not in the catalogue"
    return None


CATALOGUE = {}


# ---------------------------------------------------------------- calls

def package_is_valid_shape(obj):
    if not isinstance(obj, dict):
        return False
    need = ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
            "facts", "aiAttempts", "trigger", "nextSteps", "language")
    return all(k in obj for k in need)


def damage_kind(raw):
    stripped = raw.lstrip()
    if stripped.startswith("<"):
        return "html"
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError:
        return "truncated-json"
    return "invalid" if package_is_valid_shape(obj) else "old-shape"


def check_package(cid, pkg, ctx, pickup):
    where = f"{cid} handoff"
    if not package_is_valid_shape(pkg):
        problem(where, "not the package wire shape")
        return {}
    if not re.match(r"^ho_[0-9a-f]{4}$", pkg["handoffId"]):
        problem(where, "handoffId not ho_xxxx")
    if not re.match(r"^CA[0-9a-f]{32}$", pkg["callSid"]):
        problem(where, "callSid not CA + 32 hex")
    if not (0 <= pkg["triggeredAtMs"] < pkg["packagedAtMs"] < pickup):
        problem(where, "times not triggered < packaged < pickup")
    if pkg["packagedAtMs"] - pkg["triggeredAtMs"] > 1000:
        problem(where, "packaging took over a second")
    caller = pkg["caller"]
    for key in ("name", "phone", "verified", "verification"):
        if key not in caller:
            problem(where, f"caller lacks {key}")
    if not isinstance(caller.get("verified"), bool):
        problem(where, "caller.verified not boolean")
    if not FICTIONAL_PHONE.match(caller.get("phone", "")):
        problem(where, "caller.phone not E.164 in a fictional range")
    intent = pkg["intent"]
    if intent.get("label") not in ctx["intents"]:
        problem(where, f"intent {intent.get('label')!r} not a pack intent")
    if not (isinstance(intent.get("confidence"), (int, float)) and 0 <= intent["confidence"] <= 1):
        problem(where, "intent confidence not in 0..1")
    if pkg["trigger"].get("code") not in TRIGGERS:
        problem(where, f"trigger code {pkg['trigger'].get('code')!r} unknown")
    if pkg.get("language") != "en":
        problem(where, "language not en")
    if not isinstance(pkg["nextSteps"], list) or not all(isinstance(s, str) for s in pkg["nextSteps"]):
        problem(where, "nextSteps not a list of text")
    for attempt in pkg["aiAttempts"]:
        if not {"tool", "input", "ok", "result"} <= set(attempt):
            problem(where, "aiAttempt lacks tool/input/ok/result")
    values = {"customer_name": caller.get("name"), "phone": caller.get("phone")}
    seen = set()
    for fact in pkg["facts"]:
        name = fact.get("name")
        if name not in ctx["facts"]:
            problem(where, f"package fact {name!r} not in the pack")
            continue
        if name in seen:
            problem(where, f"package fact {name} twice")
        seen.add(name)
        if fact.get("source") not in ("caller", "system"):
            problem(where, f"fact {name} source {fact.get('source')!r}")
        why = canonical_ok(ctx["facts"][name], fact.get("value"))
        if why:
            problem(where, f"fact {name}={fact.get('value')!r} {why}")
        if name in values and values[name] != fact.get("value"):
            problem(where, f"fact {name} disagrees with caller block")
        values[name] = fact.get("value")
    return values


def check_calls(ctx):
    try:
        built = {call["id"]: call for _, call in build.build_all()}
    except Exception as e:  # noqa: BLE001 - any build failure is a check failure
        problem("build", f"sources do not build: {e}")
        return
    files = sorted(f for f in os.listdir(CALLS) if f.endswith(".json"))
    if len(files) != 16:
        problem("calls", f"{len(files)} calls, want 16")
    numbers = []
    stats = {"injection": 0, "damage": set(), "null": 0, "hb": {"allowed": 0, "refused": 0, "none": 0},
             "errors": set(), "error_calls": 0, "repeat_calls": 0}
    for fname in files:
        m = re.match(r"^b15s-(\d{2})-([a-z0-9-]+)\.json$", fname)
        if not m:
            problem(fname, "name is not b15s-NN-<slug>.json")
            continue
        numbers.append(int(m.group(1)))
        with open(os.path.join(CALLS, fname), encoding="utf-8") as f:
            text = f.read()
        call = json.loads(text)
        cid = call.get("id")
        if cid != fname[:-5]:
            problem(fname, "id differs from file name")
        if cid not in built or build.serialise(built[cid]) != text:
            problem(fname, "differs from what tools/build.py makes from src/ (run the build)")
        for key in ("format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"):
            if key not in call:
                problem(cid, f"lacks {key}")
        if call.get("format") != "call-scenario/1":
            problem(cid, "format not call-scenario/1")
        if call.get("kb") != "sentinel-homeguard":
            problem(cid, "kb not sentinel-homeguard")
        if not KEBAB.match(cid or ""):
            problem(cid, "id not kebab-case")
        pickup = call["pickupAtMs"]

        # package
        pkg_values, valid_pkg = {}, False
        if call["handoff"] is not None:
            if "rawHandoff" in call:
                problem(cid, "rawHandoff given beside a parsed handoff")
            pkg_values = check_package(cid, call["handoff"], ctx, pickup)
            valid_pkg = bool(pkg_values)
        elif "rawHandoff" in call:
            kind = damage_kind(call["rawHandoff"])
            if kind == "invalid":
                problem(cid, "rawHandoff is a valid package; it should be in handoff")
            stats["damage"].add(kind)
        else:
            stats["damage"].add("null")

        # turns
        turns = call["turns"]
        if not 14 <= len(turns) <= 20:
            problem(cid, f"{len(turns)} turns, want 14-20")
        last = pickup
        for i, turn in enumerate(turns):
            if turn.get("speaker") not in ("agent", "customer"):
                problem(cid, f"turn {i} speaker {turn.get('speaker')!r}")
            if not isinstance(turn.get("atMs"), int) or turn["atMs"] <= last:
                problem(cid, f"turn {i} not after the previous one")
            last = turn.get("atMs", last)
            if not turn.get("text", "").strip():
                problem(cid, f"turn {i} empty")
        if {t.get("speaker") for t in turns} != {"agent", "customer"}:
            problem(cid, "both speakers needed")

        # truth
        truth = call["truth"]
        for key in ("facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"):
            if key not in truth:
                problem(cid, f"truth lacks {key}")
        facts = truth["facts"]
        for name, value in facts.items():
            if name not in ctx["facts"]:
                problem(cid, f"truth fact {name} not in the pack")
                continue
            why = canonical_ok(ctx["facts"][name], value)
            if why:
                problem(cid, f"truth {name}={value!r} {why}")
        errors = truth["contextErrors"]
        for err in errors:
            if not err.startswith("facts."):
                problem(cid, f"context error {err!r} not facts.<name>")
                continue
            name = err[len("facts."):]
            if name not in pkg_values:
                problem(cid, f"context error {err} names a value the package lacks")
            elif facts.get(name) == pkg_values[name]:
                problem(cid, f"context error {err} but truth keeps the package value")
        for name, value in pkg_values.items():
            if f"facts.{name}" in errors:
                continue
            if facts.get(name) != value:
                problem(cid, f"package {name}={value!r} not carried into truth ({facts.get(name)!r})")
        if not valid_pkg and (errors or truth["repeats"]):
            problem(cid, "repeats/context errors need a valid package")
        for idx in truth["repeats"]:
            if not (0 <= idx < len(turns)) or turns[idx]["speaker"] != "customer":
                problem(cid, f"repeat {idx} is not a customer turn")
        kb = truth["kbSubflows"]
        if not 1 <= len(kb) <= 3:
            problem(cid, "want 1-3 kbSubflows")
        for art in kb:
            if art not in ctx["articles"]:
                problem(cid, f"kbSubflow {art} is not an article")
        if valid_pkg:
            label = call["handoff"]["intent"]["label"]
            if not any(label in ctx["articles"][a].get("intents", []) for a in kb if a in ctx["articles"]):
                problem(cid, f"no kbSubflow answers the package intent {label}")
        hb = truth["handBack"]
        if hb is None:
            stats["hb"]["none"] += 1
        else:
            if set(hb) != {"task", "allowed"} or not SNAKE.match(hb.get("task", "")) \
                    or not isinstance(hb.get("allowed"), bool):
                problem(cid, "handBack not {task, allowed}")
            else:
                stats["hb"]["allowed" if hb["allowed"] else "refused"] += 1
                task = ctx["tasks"].get(hb["task"])
                if hb["allowed"] and (task is None or not task.get("routine")):
                    problem(cid, "an allowed hand-back must be a routine pack task")
                if hb["allowed"] and task:
                    for need in task.get("needs", []):
                        if need not in facts:
                            problem(cid, f"allowed hand-back {task['id']} needs {need}, truth lacks it")
        if not isinstance(truth["injection"], bool):
            problem(cid, "injection not boolean")
        stats["injection"] += bool(truth["injection"])
        stats["errors"].update(ctx["facts"][e[6:]]["type"] + ":" + e[6:] for e in errors if e[6:] in ctx["facts"])
        stats["error_calls"] += bool(errors)
        stats["repeat_calls"] += bool(truth["repeats"])

        # every phone number written anywhere in the call is in a fictional range
        for num in re.findall(r"\+\d{8,15}", text):
            if not FICTIONAL_PHONE.match(num):
                problem(cid, f"phone {num} outside the fictional ranges")

    if sorted(numbers) != list(range(1, 17)):
        problem("calls", "numbers are not 01..16")
    if stats["injection"] != 3:
        problem("calls", f"{stats['injection']} calls with injection, want exactly 3")
    if len(stats["damage"]) < 3:
        problem("calls", f"damaged package kinds {sorted(stats['damage'])}, want 3+")
    for k, n in stats["hb"].items():
        if n < 2:
            problem("calls", f"only {n} hand-back {k}")
    if stats["error_calls"] < 4 or len({e.split(':')[0] for e in stats["errors"]}) < 4:
        problem("calls", "want context errors in 4+ calls across 4+ fact types")
    if stats["repeat_calls"] < 3:
        problem("calls", "want repeats in 3+ calls")

    readme = os.path.join(ROOT, "README.md")
    if os.path.exists(readme):
        text = open(readme, encoding="utf-8").read()
        for fname in files:
            if fname[:-5] not in text:
                problem("README.md", f"table lacks {fname[:-5]}")
    else:
        problem("README.md", "missing")
    lic = os.path.join(ROOT, "LICENSE")
    if not os.path.exists(lic) or "CC0" not in open(lic, encoding="utf-8").read():
        problem("LICENSE", "missing or not CC0")
    return stats


def main():
    ctx = check_pack()
    if ctx is None:
        print("\n".join(problems))
        return 1
    for list_id, items in ctx["pack"].get("catalogue", {}).items():
        CATALOGUE[list_id] = {i["value"] for i in items}
    stats = check_calls(ctx)
    if problems:
        print(f"{len(problems)} problem(s):")
        print("\n".join("  " + p for p in problems))
        return 1
    print(f"pack: {len(ctx['facts'])} facts, {len(ctx['intents'])} intents, "
          f"{len(ctx['articles'])} articles, {len(ctx['tasks'])} hand-back tasks")
    print(f"calls: 16, injection {stats['injection']}, damaged kinds {sorted(stats['damage'])}, "
          f"hand-back {stats['hb']}, context errors in {stats['error_calls']} calls "
          f"({len(stats['errors'])} distinct), repeats in {stats['repeat_calls']} calls")
    print("all checks pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
