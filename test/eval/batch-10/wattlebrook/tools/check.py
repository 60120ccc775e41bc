#!/usr/bin/env python3
"""Check the Wattlebrook pack and calls: format, canonical forms, bookkeeping and counts.

Run from anywhere: python3 tools/check.py   (exit 1 on any error).
It reads only this folder. PyYAML is used for the articles' front matter.
"""
import datetime
import json
import pathlib
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed to read the articles' front matter (pip install pyyaml)")

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACK = ROOT / "pack-wattlebrook-vet"
CALLS = ROOT / "calls"
SRC = ROOT / "src" / "calls"

errors, warnings = [], []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
FACT_KEYS = {"name", "label", "type", "pattern", "letterCase", "digits", "cues", "identity", "pii", "values", "catalogue",
             "bareValues", "lookup"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy", "tool_failure_repeated",
            "sensitive_topic"}
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")

# ACMA fictitious mobiles named in the brief, and the two landline ranges.
ACMA_MOBILES = {
    "0491570006", "0491570156", "0491570157", "0491570158", "0491570159", "0491570110", "0491570313", "0491570737",
    "0491571266", "0491571491", "0491571804", "0491572549", "0491572665", "0491572983", "0491573770", "0491573087",
    "0491574118", "0491574632", "0491575254", "0491575789", "0491576398", "0491576801", "0491577426", "0491577644",
    "0491578957", "0491578148", "0491578888", "0491579212", "0491579760", "0491579455",
}


def phone_ok(v):
    if not re.fullmatch(r"\+61\d{9}", v):
        return False
    national = "0" + v[3:]
    return national in ACMA_MOBILES or national.startswith("025550") or national.startswith("037010")


# ---------------------------------------------------------------- pack
def check_pack():
    p = json.loads((PACK / "pack.json").read_text(encoding="utf-8"))
    w = "pack.json"
    for k, want in [("format", "domain-pack/1"), ("locale", "en-AU"), ("defaultRegion", "AU"), ("currency", "AUD")]:
        if p.get(k) != want:
            err(w, f"{k} should be {want!r}, is {p.get(k)!r}")
    if not KEBAB.match(p.get("id", "")):
        err(w, "id is not kebab-case")
    if not SEMVER.match(p.get("version", "")):
        err(w, "version is not semver")
    if not p.get("name"):
        err(w, "name missing")

    facts = {}
    for f in p.get("facts", []):
        fw = f"{w} fact {f.get('name')}"
        extra = set(f) - FACT_KEYS
        if extra:
            err(fw, f"unknown keys {sorted(extra)}")
        if not SNAKE.match(f.get("name", "")):
            err(fw, "name not snake_case")
        if f["name"] in facts:
            err(fw, "duplicate fact name")
        if f.get("type") not in FACT_TYPES:
            err(fw, f"bad type {f.get('type')}")
        if not f.get("label"):
            err(fw, "label missing")
        if not f.get("cues") or not all(isinstance(c, str) and c for c in f["cues"]):
            err(fw, "cues missing or empty")
        if f["type"] in {"id", "postcode"}:
            if "pattern" not in f:
                err(fw, "id/postcode fact without a pattern")
            else:
                try:
                    f["_re"] = re.compile(f["pattern"])
                except re.error as e:
                    err(fw, f"pattern does not compile: {e}")
        if f["type"] == "enum":
            vals = f.get("values") or []
            if not vals:
                err(fw, "enum without values")
            seen = set()
            for v in vals:
                if not {"value", "label", "aliases"} <= set(v):
                    err(fw, f"enum value missing value/label/aliases: {v}")
                if v["value"] in seen:
                    err(fw, f"duplicate enum value {v['value']}")
                seen.add(v["value"])
            f["_values"] = seen
        if f["type"] == "catalogue":
            lst = p.get("catalogue", {}).get(f.get("catalogue"))
            if not lst:
                err(fw, f"catalogue list {f.get('catalogue')!r} missing")
                lst = []
            seen = set()
            for v in lst:
                if not {"value", "label", "aliases"} <= set(v):
                    err(fw, f"catalogue entry missing value/label/aliases: {v}")
                if v["value"] in seen:
                    err(fw, f"duplicate catalogue value {v['value']}")
                seen.add(v["value"])
            f["_values"] = seen
        if "bareValues" in f:
            if f["type"] not in {"enum", "catalogue"}:
                err(fw, "bareValues only for enum/catalogue")
            elif not set(f["bareValues"]) <= f.get("_values", set()):
                err(fw, f"bareValues not among values: {set(f['bareValues']) - f.get('_values', set())}")
        if "lookup" in f and f["lookup"] not in {"account", "order"}:
            err(fw, "lookup must be account or order")
        if "digits" in f and (f["type"] != "id" or not isinstance(f["digits"], int)):
            err(fw, "digits only for id facts, as an integer")
        facts[f["name"]] = f

    # aliases must not collide within one fact
    for f in facts.values():
        if f["type"] == "enum":
            entries = f["values"]
        elif f["type"] == "catalogue":
            entries = p["catalogue"][f["catalogue"]]
        else:
            continue
        owner = {}
        for e in entries:
            for a in e["aliases"]:
                k = a.lower()
                if k in owner and owner[k] != e["value"]:
                    err(f"{w} fact {f['name']}", f"alias {a!r} used by {owner[k]} and {e['value']}")
                owner[k] = e["value"]

    intents = {}
    for it in p.get("intents", []):
        iw = f"{w} intent {it.get('id')}"
        if not SNAKE.match(it.get("id", "")):
            err(iw, "id not snake_case")
        if it["id"] in intents:
            err(iw, "duplicate intent")
        if not it.get("label") or len(it.get("phrasings", [])) < 4:
            err(iw, "label missing or fewer than 4 phrasings")
        say = it.get("say")
        if not (isinstance(say, dict) and say.get("issue") and say.get("help")):
            err(iw, "say {issue, help} missing")
        intents[it["id"]] = it

    tasks = {}
    hb = p.get("handBack", {})
    for t in hb.get("tasks", []):
        tw = f"{w} task {t.get('id')}"
        for k in ("id", "label", "needs", "verifiedCaller", "routine", "phrasings"):
            if k not in t:
                err(tw, f"{k} missing")
        if not set(t.get("needs", [])) <= set(facts):
            err(tw, f"needs unknown facts {set(t['needs']) - set(facts)}")
        if not isinstance(t.get("routine"), bool) or not isinstance(t.get("verifiedCaller"), bool):
            err(tw, "routine/verifiedCaller must be booleans")
        if t["id"] in tasks:
            err(tw, "duplicate task")
        tasks[t["id"]] = t
    topics = {}
    for s in hb.get("sensitiveTopics", []):
        if not (s.get("id") and s.get("label") and s.get("phrasings")):
            err(f"{w} sensitive topic {s.get('id')}", "id/label/phrasings missing")
        topics[s["id"]] = s

    # phrasing collisions (same phrase for two intents or tasks)
    seen_phr = {}
    for kind, coll in (("intent", intents), ("task", tasks), ("topic", topics)):
        for k, v in coll.items():
            for ph in v["phrasings"]:
                key = ph.lower().strip()
                if key in seen_phr and seen_phr[key] != (kind, k):
                    err(w, f"phrasing {ph!r} used by {seen_phr[key]} and {(kind, k)}")
                seen_phr[key] = (kind, k)

    # articles
    art_dir = PACK / p.get("knowledgeBase", {}).get("articles", "articles")
    articles = {}
    for md in sorted(art_dir.glob("*.md")):
        aw = f"articles/{md.name}"
        text = md.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if not m:
            err(aw, "no front matter")
            continue
        fm = yaml.safe_load(m.group(1))
        body = m.group(2)
        if fm.get("id") != md.stem:
            err(aw, f"id {fm.get('id')!r} does not match the file name")
        if not fm.get("title"):
            err(aw, "title missing")
        if not fm.get("intents") or not set(fm["intents"]) <= set(intents):
            err(aw, f"intents missing or unknown: {fm.get('intents')}")
        if "## Steps" not in body:
            err(aw, "no '## Steps' heading")
            continue
        desc, steps_txt = body.split("## Steps", 1)
        if not desc.strip():
            err(aw, "no description before ## Steps")
        numbered = re.findall(r"^\d+\. \*\*(.+?)\*\*", steps_txt, re.M)
        if len(numbered) < 3:
            err(aw, f"only {len(numbered)} numbered steps with a bold lead")
        meta_steps = fm.get("steps") or []
        if len(meta_steps) > len(numbered):
            err(aw, "more step metadata than numbered steps")
        for st in meta_steps:
            if not set(st.get("facts", [])) <= set(facts):
                err(aw, f"step names unknown facts {st.get('facts')}")
            for sig in st.get("signals", []):
                if not (isinstance(sig, list) and all(isinstance(x, str) for x in sig)):
                    err(aw, f"signals must be lists of phrases: {sig}")
        articles[md.stem] = fm
    covered = {i for a in articles.values() for i in a.get("intents", [])}
    for i in intents:
        if i not in covered:
            err(w, f"intent {i} has no article")

    # lookups
    lk = json.loads((PACK / "lookups.json").read_text(encoding="utf-8"))
    acct = [f for f in facts.values() if f.get("lookup") == "account"]
    order = [f for f in facts.values() if f.get("lookup") == "order"]
    for key, fl in (("accounts", acct), ("orders", order)):
        rec = lk.get(key, {})
        if not isinstance(rec, dict):
            err("lookups.json", f"{key} must be a record")
            continue
        for k, v in rec.items():
            if not (isinstance(v, dict) and isinstance(v.get("found"), bool) and isinstance(v.get("summary"), str)):
                err("lookups.json", f"{key}.{k} needs found and summary")
            if fl and not fl[0]["_re"].match(k):
                err("lookups.json", f"{key} key {k} does not match {fl[0]['name']}'s pattern")

    lic = (PACK / "LICENSE").read_text(encoding="utf-8") if (PACK / "LICENSE").exists() else ""
    if "CC0" not in lic:
        err("LICENSE", "missing or not CC0")

    return p, facts, intents, tasks, topics, articles


# ---------------------------------------------------------------- values
def canonical_ok(fact, value):
    t = fact["type"]
    if not isinstance(value, str) or not value or value != value.strip():
        return False
    if any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in value):
        return False
    if t == "phone":
        return phone_ok(value)
    if t == "date":
        try:
            datetime.date.fromisoformat(value)
            return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
        except ValueError:
            return False
    if t == "amount":
        return bool(re.fullmatch(r"\d+\.\d{2} AUD", value))
    if t == "email":
        return value == value.lower() and bool(re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value))
    if t in {"id", "postcode"}:
        return bool(fact["_re"].match(value)) and " " not in value and value == value.upper()
    if t in {"enum", "catalogue"}:
        return value in fact["_values"]
    if t == "name":
        return value[0].isupper()
    return True


# ---------------------------------------------------------------- calls
def src_markers(call_id):
    p = SRC / f"{call_id}.txt"
    if not p.exists():
        return None
    text = p.read_text(encoding="utf-8")
    turns = text.split("# turns", 1)[1].split("# truth", 1)[0]
    idx, marks = 0, []
    for line in turns.splitlines():
        if not line.strip():
            continue
        tag = line.split(":", 1)[0].strip()
        if tag == "C+":
            marks.append(idx)
        idx += 1
    return marks


def words(s):
    return re.findall(r"[a-z0-9']+", s.lower())


def check_calls(pack, facts, intents, tasks, articles):
    files = sorted(CALLS.glob("*.json"))
    stats = {"calls": 0, "turns": 0, "allowed": 0, "refused": 0, "none": 0, "damaged": 0, "null_pkg": 0, "raw_pkg": 0,
             "injection": 0, "context_errors": 0, "repeats": 0, "ctx_kinds": set(), "kb": set(), "tasks": set()}
    seen_text = {}
    expected_ids = [f"b10w-{n:02d}-" for n in range(1, 17)]
    ids = []
    for fp in files:
        c = json.loads(fp.read_text(encoding="utf-8"))
        cw = fp.name
        stats["calls"] += 1
        ids.append(c.get("id", ""))
        if c.get("format") != "call-scenario/1":
            err(cw, "format")
        if c.get("id") != fp.stem or not KEBAB.match(c.get("id", "")):
            err(cw, "id does not match the file name or is not kebab-case")
        if c.get("kb") != pack["id"]:
            err(cw, f"kb should be {pack['id']}")
        if not c.get("title"):
            err(cw, "title missing")
        allowed_keys = {"format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"}
        if set(c) - allowed_keys:
            err(cw, f"unknown keys {set(c) - allowed_keys}")
        h = c.get("handoff")
        valid_pkg = h is not None
        if h is None:
            stats["damaged"] += 1
            if "rawHandoff" in c:
                stats["raw_pkg"] += 1
                try:
                    json.loads(c["rawHandoff"])
                    err(cw, "rawHandoff parses as JSON; it should be malformed")
                except json.JSONDecodeError:
                    pass
            else:
                stats["null_pkg"] += 1
        else:
            if "rawHandoff" in c:
                err(cw, "rawHandoff given with a valid handoff")
            for k in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts",
                      "aiAttempts", "trigger", "nextSteps", "language"):
                if k not in h:
                    err(cw, f"handoff.{k} missing")
            if not re.fullmatch(r"CA[0-9a-f]{32}", h.get("callSid", "")):
                err(cw, "callSid should be CA + 32 hex")
            if not h["triggeredAtMs"] <= h["packagedAtMs"] < c["pickupAtMs"]:
                err(cw, "triggeredAtMs <= packagedAtMs < pickupAtMs violated")
            if h["intent"]["label"] not in intents:
                err(cw, f"intent label {h['intent']['label']} not a pack intent")
            if not 0 <= h["intent"]["confidence"] <= 1:
                err(cw, "intent confidence out of range")
            if h["trigger"]["code"] not in TRIGGERS:
                err(cw, f"trigger code {h['trigger']['code']}")
            cal = h["caller"]
            if not phone_ok(cal.get("phone", "")):
                err(cw, f"caller.phone {cal.get('phone')} not canonical/fictitious")
            names = [f["name"] for f in h["facts"]]
            if len(names) != len(set(names)):
                err(cw, "package repeats a fact name")
            for f in h["facts"]:
                if f["name"] not in facts:
                    err(cw, f"package fact {f['name']} not in the pack")
                elif not canonical_ok(facts[f["name"]], f["value"]):
                    err(cw, f"package fact {f['name']}={f['value']!r} not canonical")
                if f.get("source") not in {"caller", "system"}:
                    err(cw, f"package fact source {f.get('source')}")
        # turns
        turns = c.get("turns", [])
        stats["turns"] += len(turns)
        last = c["pickupAtMs"]
        for i, t in enumerate(turns):
            if t.get("speaker") not in {"agent", "customer"} or not t.get("text"):
                err(cw, f"turn {i} speaker/text")
            if not t["atMs"] > last:
                err(cw, f"turn {i} atMs not increasing")
            last = t["atMs"]
            key = " ".join(words(t["text"]))
            if key in seen_text:
                err(cw, f"turn {i} text also in {seen_text[key]}")
            seen_text[key] = f"{cw} turn {i}"
        # truth
        tr = c.get("truth", {})
        if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
            err(cw, f"truth keys {sorted(tr)}")
        tf = tr.get("facts", {})
        for k, v in tf.items():
            if k not in facts:
                err(cw, f"truth fact {k} not in the pack")
            elif not canonical_ok(facts[k], v):
                err(cw, f"truth fact {k}={v!r} not canonical")
        ctx = tr.get("contextErrors", [])
        stats["context_errors"] += len(ctx)
        for e in ctx:
            stats["ctx_kinds"].add(e)
        if valid_pkg:
            pk = {f["name"]: f["value"] for f in h["facts"]}
            pk.setdefault("customer_name", h["caller"]["name"])
            if h["caller"]["name"] != pk["customer_name"]:
                err(cw, "caller.name differs from the customer_name fact")
            if "phone" in pk and pk["phone"] != h["caller"]["phone"]:
                warn(cw, "caller.phone differs from the phone fact")
            pk.setdefault("phone", h["caller"]["phone"])
            for k, v in pk.items():
                if k not in tf:
                    err(cw, f"package fact {k} missing from truth.facts")
                elif tf[k] != v and f"facts.{k}" not in ctx:
                    err(cw, f"truth {k}={tf[k]!r} differs from package {v!r} without a context error")
                elif tf[k] == v and f"facts.{k}" in ctx:
                    err(cw, f"context error facts.{k} but truth equals the package")
            for e in ctx:
                if not e.startswith("facts.") or e[6:] not in pk:
                    err(cw, f"context error {e} names no package fact")
        else:
            if ctx:
                err(cw, "context errors without a valid package")
            if tr.get("repeats"):
                err(cw, "repeats without a valid package")
        reps = tr.get("repeats", [])
        stats["repeats"] += len(reps)
        for r in reps:
            if not (0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
                err(cw, f"repeat {r} is not a customer turn")
        marks = src_markers(c["id"])
        if marks is None:
            err(cw, "no hand-written source in src/calls")
        elif sorted(marks) != sorted(reps):
            err(cw, f"truth.repeats {reps} differ from the C+ marks in the source {marks}")
        # consistency: a customer turn naming the package pet or the caller's first name is a repeat
        if valid_pkg:
            probes = {}
            if "pet_name" in pk:
                probes[pk["pet_name"].lower()] = "pet_name"
            for i, t in enumerate(turns):
                if t["speaker"] != "customer":
                    continue
                ws = set(words(t["text"]))
                for probe, nm in probes.items():
                    if probe in ws and i not in reps:
                        err(cw, f"customer turn {i} says the package {nm} {probe!r} but is not a repeat")
        for k in tr.get("kbSubflows", []):
            if k not in articles:
                err(cw, f"kbSubflow {k} is not an article id")
            stats["kb"].add(k)
        if not tr.get("kbSubflows"):
            err(cw, "no kbSubflows")
        hbk = tr.get("handBack")
        if hbk is None:
            stats["none"] += 1
        else:
            if set(hbk) != {"task", "allowed"} or not SNAKE.match(hbk.get("task", "")):
                err(cw, "handBack must be {task, allowed}")
            task = tasks.get(hbk["task"])
            if task is None:
                err(cw, f"handBack task {hbk['task']} is not a pack task")
            elif task["routine"] != hbk["allowed"]:
                err(cw, f"handBack allowed={hbk['allowed']} but task routine={task['routine']}")
            stats["allowed" if hbk["allowed"] else "refused"] += 1
            stats["tasks"].add(hbk["task"])
        if not isinstance(tr.get("injection"), bool):
            err(cw, "injection must be boolean")
        if tr.get("injection"):
            stats["injection"] += 1
    if sorted(i[:8] for i in ids) != expected_ids:
        err("calls", f"ids should run b10w-01- to b10w-16-, got {[i[:8] for i in ids]}")
    return stats


def main():
    pack, facts, intents, tasks, topics, articles = check_pack()
    stats = check_calls(pack, facts, intents, tasks, articles)
    routine = sum(t["routine"] for t in tasks.values())
    avg = stats["turns"] / max(stats["calls"], 1)
    want = [
        ("calls", stats["calls"] == 16),
        ("facts 13-18", 13 <= len(facts) <= 18),
        ("intents 20-25", 20 <= len(intents) <= 25),
        ("articles 20-25", 20 <= len(articles) <= 25),
        ("routine tasks 8-10", 8 <= routine <= 10),
        ("non-routine tasks 5-8", 5 <= len(tasks) - routine <= 8),
        ("average turns 10-14", 10 <= avg <= 14),
        ("damaged packages = 2", stats["damaged"] == 2),
        ("context errors 4-7", 4 <= stats["context_errors"] <= 7),
        ("repeats 12-18", 12 <= stats["repeats"] <= 18),
        ("injection calls = 3", stats["injection"] == 3),
        ("hand-back allowed = 5", stats["allowed"] == 5),
        ("hand-back refused = 6", stats["refused"] == 6),
    ]
    for name, ok in want:
        if not ok:
            err("counts", f"{name} failed")
    print(f"pack: {len(facts)} facts, {len(intents)} intents, {len(articles)} articles, {len(tasks)} tasks "
          f"({routine} routine), {len(topics)} sensitive topics")
    print(f"calls: {stats['calls']}, turns {stats['turns']} (avg {avg:.1f}), damaged {stats['damaged']} "
          f"(null {stats['null_pkg']}, malformed {stats['raw_pkg']}), context errors {stats['context_errors']} "
          f"{sorted(stats['ctx_kinds'])}, repeats {stats['repeats']}, injection {stats['injection']}, "
          f"hand-back allowed {stats['allowed']} / refused {stats['refused']} / none {stats['none']}")
    print(f"articles used as kbSubflows: {len(stats['kb'])}; tasks used: {sorted(stats['tasks'])}")
    for w_ in warnings:
        print("warning:", w_)
    for e in errors:
        print("ERROR:", e)
    if errors:
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
