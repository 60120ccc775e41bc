#!/usr/bin/env python3
"""Check the Kestrel Lake Air pack and the batch-11 Kestrel calls.

Validates, without running any part of the product:
  * the pack's shape against docs/DOMAIN-PACKS.md (domain-pack/1): manifest fields, facts, catalogue,
    intents, hand-back tasks, sensitive topics, articles (front matter + "## Steps" body), lookups, LICENSE;
  * every call's call-scenario/1 format and package wire shape;
  * canonical forms of every truth fact and package fact, per the pack's fact types and patterns;
  * bookkeeping: package facts carried into truth, contextErrors, repeats, hand-back decisions, counts;
  * that calls/*.json are exactly what tools/build_calls.py makes from src/.

Usage: python3 tools/check.py        (exit 0 when everything passes)
"""
import datetime
import json
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACK = ROOT / "pack-kestrel-air"
CALLS = ROOT / "calls"
sys.path.insert(0, str(ROOT / "tools"))
import build_calls  # noqa: E402

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
KEBAB_OR_SNAKE = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")
FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
PHONE = re.compile(r"^\+1\d{3}55501\d{2}$")
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
CALL_DATE = datetime.date(2026, 6, 15)


def is_str_list(x, nonempty=True):
    return isinstance(x, list) and all(isinstance(s, str) and s.strip() for s in x) and (len(x) > 0 or not nonempty)


# ---------------------------------------------------------------- pack
def check_pack():
    where = "pack.json"
    pack = json.loads((PACK / "pack.json").read_text(encoding="utf-8"))
    if pack.get("format") != "domain-pack/1":
        err(where, "format must be domain-pack/1")
    if not KEBAB_OR_SNAKE.match(pack.get("id", "")):
        err(where, "id must be kebab/snake")
    if not pack.get("name"):
        err(where, "name missing")
    if not SEMVER.match(pack.get("version", "")):
        err(where, "version must be semver")
    if pack.get("locale") != "en-CA":
        err(where, "locale should be en-CA")
    if pack.get("defaultRegion") != "CA":
        err(where, "defaultRegion should be CA")
    if pack.get("currency") != "CAD":
        err(where, "currency should be CAD")

    catalogue = pack.get("catalogue", {})
    for list_id, items in catalogue.items():
        seen = set()
        for i, it in enumerate(items):
            w = f"{where} catalogue.{list_id}[{i}]"
            if not isinstance(it.get("value"), str) or not it["value"]:
                err(w, "value missing")
            if it.get("value") in seen:
                err(w, "duplicate value")
            seen.add(it.get("value"))
            if not it.get("label"):
                err(w, "label missing")
            if not is_str_list(it.get("aliases", [])):
                err(w, "aliases must be a non-empty list of strings")

    facts = {}
    for i, f in enumerate(pack.get("facts", [])):
        w = f"{where} facts[{i}] {f.get('name')}"
        name = f.get("name", "")
        if not SNAKE.match(name):
            err(w, "name must be snake_case")
        if name in facts:
            err(w, "duplicate fact name")
        facts[name] = f
        if not f.get("label"):
            err(w, "label missing")
        t = f.get("type")
        if t not in FACT_TYPES:
            err(w, f"bad type {t}")
        if not is_str_list(f.get("cues", [])):
            err(w, "cues must be a non-empty list of strings")
        for flag in ("identity", "pii"):
            if flag in f and not isinstance(f[flag], bool):
                err(w, f"{flag} must be boolean")
        if t in ("id", "postcode"):
            if "pattern" not in f:
                err(w, "id/postcode facts in this pack must have a pattern")
            else:
                try:
                    re.compile(f["pattern"])
                except re.error as e:
                    err(w, f"pattern does not compile: {e}")
            if f.get("letterCase", "upper") not in ("upper", "lower", "preserve"):
                err(w, "bad letterCase")
        elif "pattern" in f or "letterCase" in f:
            err(w, "pattern/letterCase only for id/postcode")
        if "digits" in f and (t != "id" or not isinstance(f["digits"], int)):
            err(w, "digits only for id facts, integer")
        if t == "enum":
            vals = f.get("values", [])
            if not vals:
                err(w, "enum needs values")
            ids = set()
            for v in vals:
                if not v.get("value") or not v.get("label") or not is_str_list(v.get("aliases", [])):
                    err(w, f"bad enum value {v}")
                if v.get("value") in ids:
                    err(w, f"duplicate enum value {v.get('value')}")
                ids.add(v.get("value"))
            bv = f.get("bareValues")
            if bv is not None and bv is not True and bv is not False and not (isinstance(bv, list) and set(bv) <= ids):
                err(w, "bareValues must be true or a list of value ids")
        elif t == "catalogue":
            if f.get("catalogue") not in catalogue:
                err(w, "catalogue list not found")
            bv = f.get("bareValues")
            if isinstance(bv, list):
                ids = {it["value"] for it in catalogue.get(f.get("catalogue"), [])}
                if not set(bv) <= ids:
                    err(w, "bareValues not in catalogue")
        elif "values" in f:
            err(w, "values only for enum")
        if "lookup" in f and f["lookup"] not in ("account", "order"):
            err(w, "lookup must be account or order")

    intents = {}
    for i, it in enumerate(pack.get("intents", [])):
        w = f"{where} intents[{i}] {it.get('id')}"
        if not SNAKE.match(it.get("id", "")):
            err(w, "id must be snake_case")
        if it.get("id") in intents:
            err(w, "duplicate intent id")
        intents[it.get("id")] = it
        if not it.get("label"):
            err(w, "label missing")
        if not is_str_list(it.get("phrasings", [])):
            err(w, "phrasings must be a non-empty list")
        say = it.get("say")
        if say is not None and not (isinstance(say, dict) and say.get("issue") and say.get("help")):
            err(w, "say must be {issue, help}")

    hb = pack.get("handBack", {})
    tasks = {}
    for i, t in enumerate(hb.get("tasks", [])):
        w = f"{where} handBack.tasks[{i}] {t.get('id')}"
        if not SNAKE.match(t.get("id", "")):
            err(w, "id must be snake_case")
        if t.get("id") in tasks:
            err(w, "duplicate task id")
        tasks[t.get("id")] = t
        if not t.get("label"):
            err(w, "label missing")
        if not isinstance(t.get("needs"), list) or not set(t["needs"]) <= set(facts):
            err(w, f"needs must name pack facts: {t.get('needs')}")
        for flag in ("verifiedCaller", "routine"):
            if not isinstance(t.get(flag), bool):
                err(w, f"{flag} must be boolean")
        if not is_str_list(t.get("phrasings", [])):
            err(w, "phrasings must be a non-empty list")
    topics = {}
    for i, s in enumerate(hb.get("sensitiveTopics", [])):
        w = f"{where} handBack.sensitiveTopics[{i}] {s.get('id')}"
        if not SNAKE.match(s.get("id", "")):
            err(w, "id must be snake_case")
        if s.get("id") in topics:
            err(w, "duplicate topic id")
        topics[s.get("id")] = s
        if not s.get("label") or not is_str_list(s.get("phrasings", [])):
            err(w, "label and phrasings required")

    art_dir = PACK / pack.get("knowledgeBase", {}).get("articles", "articles")
    articles = {}
    covered = set()
    for path in sorted(art_dir.glob("*.md")):
        w = f"articles/{path.name}"
        text = path.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if not m:
            err(w, "no YAML front matter")
            continue
        try:
            fm = yaml.safe_load(m.group(1))
        except yaml.YAMLError as e:
            err(w, f"front matter is not YAML: {e}")
            continue
        body = m.group(2)
        if fm.get("id") != path.stem:
            err(w, "id must equal the file name")
        if not KEBAB_OR_SNAKE.match(str(fm.get("id", ""))):
            err(w, "bad id")
        if not fm.get("title"):
            err(w, "title missing")
        ints = fm.get("intents", [])
        if not isinstance(ints, list) or not ints or not set(ints) <= set(intents):
            err(w, f"intents must name pack intents: {ints}")
        covered |= set(ints or [])
        if "group" in fm and not isinstance(fm["group"], str):
            err(w, "group must be text")
        if "## Steps" not in body:
            err(w, "no '## Steps' heading")
            continue
        desc, steps_text = body.split("## Steps", 1)
        if not desc.strip():
            err(w, "no description before ## Steps")
        numbered = re.findall(r"^\d+\. \*\*(.+?)\*\*", steps_text, re.M)
        if len(numbered) < 2:
            err(w, "needs numbered steps with bold titles")
        meta = fm.get("steps", [])
        if not isinstance(meta, list):
            err(w, "steps must be a list")
            meta = []
        if len(meta) > len(numbered):
            err(w, f"{len(meta)} step entries but only {len(numbered)} numbered steps")
        for j, st in enumerate(meta):
            if not isinstance(st, dict) or not set(st) <= {"id", "facts", "signals"}:
                err(w, f"step {j}: only id, facts, signals allowed")
                continue
            if "facts" in st and (not isinstance(st["facts"], list) or not set(st["facts"]) <= set(facts)):
                err(w, f"step {j}: facts must name pack facts: {st.get('facts')}")
            if "signals" in st and not (isinstance(st["signals"], list)
                                        and all(is_str_list(alt) for alt in st["signals"])):
                err(w, f"step {j}: signals must be a list of lists of phrases")
        articles[fm.get("id")] = fm
    for iid in intents:
        if iid not in covered:
            err(where, f"intent {iid} has no article")

    lookups_file = pack.get("lookups")
    if lookups_file:
        lk = json.loads((PACK / lookups_file).read_text(encoding="utf-8"))
        kinds = {"accounts": "account", "orders": "order"}
        for rec, kind in kinds.items():
            block = lk.get(rec, {})
            if not isinstance(block, dict):
                err(lookups_file, f"{rec} must be a record")
                continue
            key_fact = next((f for f in facts.values() if f.get("lookup") == kind), None)
            for key, entry in block.items():
                if not isinstance(entry, dict) or not isinstance(entry.get("found"), bool) or not isinstance(entry.get("summary"), str):
                    err(lookups_file, f"{rec}.{key}: needs found and summary")
                if key_fact and not re.match(key_fact["pattern"], key):
                    err(lookups_file, f"{rec}.{key}: key does not match {key_fact['name']} pattern")

    lic = (PACK / "LICENSE")
    if not lic.exists() or "CC0 1.0" not in lic.read_text(encoding="utf-8"):
        err("LICENSE", "pack LICENSE must be CC0 1.0")

    return pack, facts, intents, tasks, topics, articles


# ---------------------------------------------------------------- canonical values
def canonical_ok(fact, value, catalogue):
    t = fact["type"]
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        return "empty or untrimmed"
    if any(ord(c) < 32 or 0x200b <= ord(c) <= 0x200f or 0x202a <= ord(c) <= 0x202e for c in value):
        return "control or direction characters"
    if t == "id":
        if " " in value:
            return "ids are written without spaces"
        lc = fact.get("letterCase", "upper")
        if lc == "upper" and value != value.upper():
            return "id must be upper case"
        if lc == "lower" and value != value.lower():
            return "id must be lower case"
        if not re.match(fact["pattern"], value):
            return f"does not match {fact['pattern']}"
    elif t == "postcode":
        if value != value.upper() or not re.match(fact["pattern"], value):
            return "postcode must be upper case and match the pattern"
        if " ?" in fact["pattern"] and " " not in value:
            return "postcode must have its usual space"
    elif t == "phone":
        if not PHONE.match(value):
            return "phone must be E.164 +1AAA55501xx"
    elif t == "email":
        if not EMAIL.match(value):
            return "email must be lower case"
    elif t == "amount":
        if not re.match(r"^\d+\.\d{2} CAD$", value):
            return "amount must be '<digits>.<2 digits> CAD'"
    elif t == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            return "date must be YYYY-MM-DD"
        if abs((d - CALL_DATE).days) > 60:
            return "date implausibly far from the call date"
    elif t == "enum":
        if value not in {v["value"] for v in fact["values"]}:
            return "not an enum value"
    elif t == "catalogue":
        if value not in {v["value"] for v in catalogue[fact["catalogue"]]}:
            return "not a catalogue value"
    return None


# ---------------------------------------------------------------- calls
REQUIRED_HANDOFF = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                    "facts", "aiAttempts", "trigger", "nextSteps", "language"]


def check_calls(pack, facts, intents, tasks, articles):
    stats = {"calls": 0, "repeats": 0, "ctx_calls": 0, "allowed": 0, "refused": 0, "null": 0,
             "injection": 0, "damaged": 0, "turns": []}
    rows = []
    built = {}
    for src in sorted((ROOT / "src").glob("*.call")):
        c = build_calls.build(src)
        built[c["id"] + ".json"] = c
    files = sorted(CALLS.glob("*.json"))
    if {f.name for f in files} != set(built):
        err("calls", "calls/ does not match src/ (run tools/build_calls.py)")
    for path in files:
        w = f"calls/{path.name}"
        call = json.loads(path.read_text(encoding="utf-8"))
        if built.get(path.name) != call:
            err(w, "out of date with src/ (run tools/build_calls.py)")
        stats["calls"] += 1
        if call.get("format") != "call-scenario/1":
            err(w, "format")
        if not re.match(r"^b11k-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$", call.get("id", "")) or call["id"] + ".json" != path.name:
            err(w, "id must be b11k-NN-slug and match the file name")
        if call.get("kb") != pack["id"]:
            err(w, "kb must be the pack id")
        if not call.get("title"):
            err(w, "title missing")
        h = call.get("handoff")
        truth = call.get("truth", {})
        tf = truth.get("facts", {})
        if h is None:
            stats["damaged"] += 1
            raw = call.get("rawHandoff")
            if not isinstance(raw, str) or not raw:
                err(w, "null handoff needs rawHandoff in this batch")
            else:
                try:
                    json.loads(raw)
                    err(w, "rawHandoff parses as JSON; it should be malformed")
                except json.JSONDecodeError:
                    pass
            if truth.get("repeats"):
                err(w, "no repeats without a valid package")
            if truth.get("contextErrors"):
                err(w, "no contextErrors without a valid package")
        else:
            for k in REQUIRED_HANDOFF:
                if k not in h:
                    err(w, f"handoff.{k} missing")
            if not re.match(r"^CA[0-9a-f]{32}$", h.get("callSid", "")):
                err(w, "callSid must be CA + 32 hex")
            cal = h.get("caller", {})
            if not cal.get("name") or not isinstance(cal.get("verified"), bool) or not cal.get("verification"):
                err(w, "caller needs name, verified, verification")
            if not PHONE.match(cal.get("phone", "")):
                err(w, "caller.phone must be E.164")
            if h.get("intent", {}).get("label") not in intents:
                err(w, "intent.label must be a pack intent")
            conf = h.get("intent", {}).get("confidence")
            if not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
                err(w, "intent.confidence must be 0..1")
            if h.get("trigger", {}).get("code") not in TRIGGERS:
                err(w, "trigger.code unknown")
            if not (h.get("triggeredAtMs", 0) <= h.get("packagedAtMs", 0) < call.get("pickupAtMs", 0)):
                err(w, "triggeredAtMs <= packagedAtMs < pickupAtMs")
            pkg = {}
            for pf in h.get("facts", []):
                n = pf.get("name")
                if n not in facts:
                    err(w, f"package fact {n} not in pack")
                    continue
                if n in pkg:
                    err(w, f"package fact {n} twice")
                pkg[n] = pf.get("value")
                if pf.get("source") not in ("caller", "system"):
                    err(w, f"package fact {n}: source caller/system")
                bad = canonical_ok(facts[n], pf.get("value"), pack["catalogue"])
                if bad:
                    err(w, f"package fact {n}={pf.get('value')!r}: {bad}")
            for a in h.get("aiAttempts", []):
                if not {"tool", "input", "ok", "result"} <= set(a):
                    err(w, "aiAttempts entries need tool, input, ok, result")
            # package facts, caller name and phone carried into truth
            carried = dict(pkg)
            carried.setdefault("customer_name", cal.get("name"))
            carried.setdefault("phone", cal.get("phone"))
            ctx = set(truth.get("contextErrors", []))
            for n, v in carried.items():
                key = f"facts.{n}"
                if key in ctx:
                    if tf.get(n) == v:
                        err(w, f"{key} marked wrong but truth keeps the package value")
                elif tf.get(n) != v:
                    err(w, f"truth.facts.{n} should carry the package value {v!r} (or list {key} in contextErrors)")
            for key in ctx:
                if not key.startswith("facts.") or key[6:] not in pkg:
                    err(w, f"contextError {key} must name a package fact")
            if ctx:
                stats["ctx_calls"] += 1
        for n, v in tf.items():
            if n not in facts:
                err(w, f"truth fact {n} not in pack")
                continue
            bad = canonical_ok(facts[n], v, pack["catalogue"])
            if bad:
                err(w, f"truth fact {n}={v!r}: {bad}")
        turns = call.get("turns", [])
        stats["turns"].append(len(turns))
        if not 11 <= len(turns) <= 15:
            err(w, f"{len(turns)} turns, want 11-15")
        last = call.get("pickupAtMs", 0)
        for i, t in enumerate(turns):
            if t.get("speaker") not in ("agent", "customer"):
                err(w, f"turn {i}: speaker")
            if not isinstance(t.get("atMs"), int) or t["atMs"] <= last:
                err(w, f"turn {i}: atMs must increase after pickup")
            last = t.get("atMs", last)
            if t.get("text", "") != t.get("text", "").lower():
                err(w, f"turn {i}: ASR style is lower case")
        for r in truth.get("repeats", []):
            if not (0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
                err(w, f"repeat {r} must index a customer turn")
        stats["repeats"] += len(truth.get("repeats", []))
        ks = truth.get("kbSubflows", [])
        if not ks or not set(ks) <= set(articles):
            err(w, f"kbSubflows must name pack articles: {ks}")
        hbk = truth.get("handBack", "missing")
        if hbk == "missing":
            err(w, "truth.handBack missing")
        elif hbk is None:
            stats["null"] += 1
            hb_txt = "none"
        else:
            task = tasks.get(hbk.get("task"))
            if task is None:
                err(w, f"handBack.task {hbk.get('task')} is not a pack task")
            elif hbk.get("allowed") is True:
                stats["allowed"] += 1
                if not task["routine"]:
                    err(w, "allowed hand-back must be a routine task")
                if task["verifiedCaller"] and not (h and h["caller"]["verified"]):
                    err(w, "allowed hand-back needs a verified caller")
                missing = [n for n in task["needs"] if n not in tf]
                if missing:
                    err(w, f"allowed hand-back lacks needed facts {missing}")
            elif hbk.get("allowed") is False:
                stats["refused"] += 1
            else:
                err(w, "handBack.allowed must be boolean")
            hb_txt = f"{hbk.get('task')} {'allowed' if hbk.get('allowed') else 'refused'}"
        if not isinstance(truth.get("injection"), bool):
            err(w, "injection must be boolean")
        elif truth["injection"]:
            stats["injection"] += 1
        rows.append((call["id"], len(turns), len(tf), len(truth.get("repeats", [])),
                     ",".join(truth.get("contextErrors", [])) or "-", hb_txt,
                     "yes" if truth.get("injection") else "-", "null+raw" if h is None else "ok"))
    return stats, rows


def main():
    pack, facts, intents, tasks, topics, articles = check_pack()
    stats, rows = check_calls(pack, facts, intents, tasks, articles)
    routine = sum(1 for t in tasks.values() if t["routine"])
    print(f"pack {pack['id']} {pack['version']}: {len(facts)} facts, {len(intents)} intents, "
          f"{len(articles)} articles, {routine} routine + {len(tasks) - routine} non-routine tasks, "
          f"{len(topics)} sensitive topics")
    print(f"{'call':52} turns facts rep contextErrors          handBack                              inj pkg")
    for r in rows:
        print(f"{r[0]:52} {r[1]:>5} {r[2]:>5} {r[3]:>3} {r[4]:22} {r[5]:37} {r[6]:3} {r[7]}")
    print(f"calls {stats['calls']}, repeats {stats['repeats']}, calls with contextErrors {stats['ctx_calls']}, "
          f"handBack allowed {stats['allowed']} / refused {stats['refused']} / none {stats['null']}, "
          f"injection {stats['injection']}, damaged packages {stats['damaged']}, "
          f"turns {min(stats['turns'])}-{max(stats['turns'])}")
    targets = {"calls": (16, 16), "repeats": (14, 18), "ctx_calls": (4, 6), "allowed": (5, 5),
               "refused": (5, 5), "injection": (3, 3), "damaged": (2, 2)}
    for k, (lo, hi) in targets.items():
        if not lo <= stats[k] <= hi:
            err("counts", f"{k}={stats[k]} outside {lo}-{hi}")
    if not 14 <= len(facts) <= 19 or not 18 <= len(intents) <= 24 or not 18 <= len(articles) <= 26:
        err("counts", "pack sizes outside the brief")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
