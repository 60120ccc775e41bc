#!/usr/bin/env python3
"""Check the Marlow & Finch evaluation set: the domain pack and the 16 calls.

Standard library only. Exits 0 when everything passes, 1 otherwise, printing every problem.

Pack (against docs/DOMAIN-PACKS.md, as far as a reader of the doc can tell):
  manifest fields and types; facts (names, types, patterns only on id/postcode and compiling, letterCase,
  digits, enum values, catalogue lists, bareValues, lookup); catalogue aliases unambiguous; intents;
  hand-back tasks (needs name real facts); sensitive topics; every article's front matter, description,
  "## Steps" numbered items with bold leads, step metadata; every intent answered by an article;
  lookups.json record shape and keys matching the lookup fact's pattern; licence.
Calls (call-scenario/1 in /work/shared/scenarios/README.md):
  shape, ids and file names, kb, package fields, timings, recogniser-style text, canonical values,
  truth bookkeeping (package facts carried, context errors exactly the package facts the call corrects,
  repeats are customer turns, no repeats or context errors without a valid package), knowledge-base
  articles exist, hand-back truth on every call with a real task, and the set's counts.
"""
import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACK = ROOT / "pack-marlow-finch"
CALLS = ROOT / "calls"
CALL_DAY = datetime.date(2026, 6, 15)

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
KEBAB_OR_SNAKE = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")
FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy", "tool_failure_repeated", "sensitive_topic"}
PHONE_FICTIONAL = re.compile(r"^\+44(7700900\d{3}|2079460\d{3})$")
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
AMOUNT = re.compile(r"^\d+\.\d{2} GBP$")
CONTROL = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def is_str_list(v, allow_empty=False):
    return isinstance(v, list) and (allow_empty or v) and all(isinstance(x, str) and x.strip() for x in v)


# ---------------------------------------------------------------- pack

def check_manifest(p):
    w = "pack.json"
    if p.get("format") != "domain-pack/1":
        bad(w, "format must be domain-pack/1")
    if not isinstance(p.get("id"), str) or not KEBAB_OR_SNAKE.match(p["id"]):
        bad(w, "id must be kebab/snake case")
    if not isinstance(p.get("name"), str) or not p["name"].strip():
        bad(w, "name missing")
    if not isinstance(p.get("version"), str) or not SEMVER.match(p["version"]):
        bad(w, "version must be semver")
    if p.get("locale") != "en-GB":
        bad(w, "locale must be en-GB")
    if not re.match(r"^[A-Z]{2}$", str(p.get("defaultRegion", ""))):
        bad(w, "defaultRegion must be ISO 3166 alpha-2")
    if not re.match(r"^[A-Z]{3}$", str(p.get("currency", ""))):
        bad(w, "currency must be ISO 4217")
    known = {"format", "id", "name", "version", "description", "locale", "defaultRegion", "currency", "facts",
             "catalogue", "intents", "handBack", "knowledgeBase", "lookups"}
    for k in p:
        if k not in known:
            bad(w, f"unknown top-level field {k}")


def check_values(where, values, seen_aliases):
    if not isinstance(values, list) or not values:
        bad(where, "values must be a non-empty list")
        return set()
    ids = set()
    for v in values:
        if not isinstance(v, dict) or not isinstance(v.get("value"), str) or not SNAKE.match(v["value"]):
            bad(where, f"bad value entry {v!r:.60}")
            continue
        if v["value"] in ids:
            bad(where, f"duplicate value {v['value']}")
        ids.add(v["value"])
        if not isinstance(v.get("label"), str) or not v["label"].strip():
            bad(where, f"{v['value']}: label missing")
        aliases = v.get("aliases", [])
        if not is_str_list(aliases, allow_empty=True):
            bad(where, f"{v['value']}: aliases must be strings")
            continue
        for a in aliases:
            key = a.lower()
            if key in seen_aliases and seen_aliases[key] != v["value"]:
                bad(where, f"alias '{a}' used by both {seen_aliases[key]} and {v['value']}")
            seen_aliases[key] = v["value"]
    return ids


def check_facts(p):
    facts = p.get("facts")
    if not isinstance(facts, list) or not facts:
        bad("pack.json", "facts must be a non-empty list")
        return {}
    cat = p.get("catalogue", {})
    if not isinstance(cat, dict):
        bad("pack.json", "catalogue must be an object")
        cat = {}
    cat_ids = {}
    for list_id, entries in cat.items():
        cat_ids[list_id] = check_values(f"catalogue.{list_id}", entries, {})
    by_name = {}
    lookups = {}
    for f in facts:
        n = f.get("name")
        w = f"facts.{n}"
        if not isinstance(n, str) or not SNAKE.match(n):
            bad("pack.json", f"fact name {n!r} must be snake_case")
            continue
        if n in by_name:
            bad(w, "duplicate fact name")
        by_name[n] = f
        if not isinstance(f.get("label"), str) or not f["label"].strip():
            bad(w, "label missing")
        t = f.get("type")
        if t not in FACT_TYPES:
            bad(w, f"type {t!r} unknown")
        if not is_str_list(f.get("cues", [])):
            bad(w, "cues must be a non-empty list of strings")
        if "pattern" in f:
            if t not in ("id", "postcode"):
                bad(w, "pattern only applies to id/postcode")
            try:
                re.compile(f["pattern"])
            except re.error as e:
                bad(w, f"pattern does not compile: {e}")
        elif t in ("id", "postcode"):
            bad(w, "id/postcode fact without a pattern")
        if "letterCase" in f and f["letterCase"] not in ("upper", "lower", "preserve"):
            bad(w, "letterCase must be upper/lower/preserve")
        if "digits" in f and (t != "id" or not isinstance(f["digits"], int) or f["digits"] < 1):
            bad(w, "digits is a positive integer on id facts")
        for b in ("identity", "pii"):
            if b in f and not isinstance(f[b], bool):
                bad(w, f"{b} must be boolean")
        value_ids = set()
        if t == "enum":
            value_ids = check_values(w, f.get("values"), {})
        if t == "catalogue":
            if f.get("catalogue") not in cat_ids:
                bad(w, f"catalogue list {f.get('catalogue')!r} not defined")
            else:
                value_ids = cat_ids[f["catalogue"]]
        if "bareValues" in f:
            bv = f["bareValues"]
            if t not in ("enum", "catalogue"):
                bad(w, "bareValues only applies to enum/catalogue")
            elif isinstance(bv, list):
                for x in bv:
                    if x not in value_ids:
                        bad(w, f"bareValues names unknown value {x}")
            elif not isinstance(bv, bool):
                bad(w, "bareValues must be true/false or a list of values")
        if "lookup" in f:
            if f["lookup"] not in ("account", "order"):
                bad(w, "lookup must be account or order")
            elif f["lookup"] in lookups:
                bad(w, f"second fact with lookup {f['lookup']}")
            else:
                lookups[f["lookup"]] = n
        f["_values"] = value_ids
    p["_lookups"] = lookups
    return by_name


def check_intents(p):
    ids = set()
    for it in p.get("intents", []):
        i = it.get("id")
        w = f"intents.{i}"
        if not isinstance(i, str) or not SNAKE.match(i):
            bad("pack.json", f"intent id {i!r} must be snake_case")
            continue
        if i in ids:
            bad(w, "duplicate intent")
        ids.add(i)
        if not isinstance(it.get("label"), str) or not it["label"].strip():
            bad(w, "label missing")
        if not is_str_list(it.get("phrasings")) or len(it["phrasings"]) < 3:
            bad(w, "needs at least 3 phrasings")
        if "say" in it:
            s = it["say"]
            if not isinstance(s, dict) or not isinstance(s.get("issue"), str) or not isinstance(s.get("help"), str):
                bad(w, "say must be { issue, help }")
    return ids


def check_handback(p, facts):
    hb = p.get("handBack", {})
    tasks = {}
    for t in hb.get("tasks", []):
        i = t.get("id")
        w = f"handBack.tasks.{i}"
        if not isinstance(i, str) or not SNAKE.match(i):
            bad("pack.json", f"task id {i!r} must be snake_case")
            continue
        if i in tasks:
            bad(w, "duplicate task")
        tasks[i] = t
        if not isinstance(t.get("label"), str) or not t["label"].strip():
            bad(w, "label missing")
        if not isinstance(t.get("needs"), list):
            bad(w, "needs must be a list")
        else:
            for n in t["needs"]:
                if n not in facts:
                    bad(w, f"needs unknown fact {n}")
        for b in ("verifiedCaller", "routine"):
            if not isinstance(t.get(b), bool):
                bad(w, f"{b} must be boolean")
        if not is_str_list(t.get("phrasings")) or len(t["phrasings"]) < 3:
            bad(w, "needs at least 3 phrasings")
    topics = set()
    for s in hb.get("sensitiveTopics", []):
        i = s.get("id")
        w = f"handBack.sensitiveTopics.{i}"
        if not isinstance(i, str) or not SNAKE.match(i) or i in topics:
            bad("pack.json", f"sensitive topic id {i!r} bad or duplicate")
            continue
        topics.add(i)
        if not isinstance(s.get("label"), str) or not is_str_list(s.get("phrasings")):
            bad(w, "label and phrasings required")
    return tasks, topics


# A small reader for the front matter style the articles use (a YAML subset):
#   key: scalar | key: [a, b] | key: 'quoted' | steps: (list of maps with id / facts / signals)
def parse_flow_list(text, where):
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")):
        bad(where, f"expected a [list], got {text!r:.40}")
        return []
    inner = text[1:-1].strip()
    if not inner:
        return []
    if inner.startswith("["):
        out = []
        for m in re.finditer(r"\[([^\[\]]*)\]", inner):
            out.append([x.strip().strip("'\"") for x in m.group(1).split(",") if x.strip()])
        return out
    return [x.strip().strip("'\"") for x in inner.split(",") if x.strip()]


def unquote(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        s = s[1:-1]
        if s and s[0] == "'":
            pass
        s = s.replace("''", "'")
    return s


def parse_front_matter(text, where):
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        bad(where, "no front matter")
        return {}, ""
    try:
        end = lines.index("---", 1)
    except ValueError:
        bad(where, "front matter not closed")
        return {}, ""
    fm = {}
    steps = None
    for ln in lines[1:end]:
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        if ln.startswith("  - "):
            if steps is None:
                bad(where, "list item outside steps")
                continue
            steps.append({})
            ln = "    " + ln[4:]
        if ln.startswith("    "):
            if steps is None or not steps:
                bad(where, f"indented line outside a step: {ln.strip()}")
                continue
            k, _, v = ln.strip().partition(":")
            v = v.split(" #")[0].strip()
            if k == "id":
                steps[-1]["id"] = unquote(v)
            elif k in ("facts", "signals"):
                steps[-1][k] = parse_flow_list(v, where)
            else:
                bad(where, f"unknown step key {k}")
            continue
        k, _, v = ln.partition(":")
        k = k.strip()
        v = v.strip()
        if k == "steps":
            steps = []
            fm["steps"] = steps
        elif k == "intents":
            fm["intents"] = parse_flow_list(v, where)
        else:
            fm[k] = unquote(v)
    return fm, "\n".join(lines[end + 1:])


def check_articles(p, facts, intents):
    kb = p.get("knowledgeBase", {}).get("articles", "articles")
    folder = PACK / kb
    if not folder.is_dir():
        bad("pack.json", f"articles folder {kb} missing")
        return set()
    ids = set()
    covered = set()
    for md in sorted(folder.glob("*.md")):
        w = f"articles/{md.name}"
        fm, body = parse_front_matter(md.read_text(encoding="utf-8"), w)
        aid = fm.get("id")
        if aid != md.stem:
            bad(w, f"id {aid!r} does not match the file name")
        if aid in ids:
            bad(w, "duplicate article id")
        ids.add(aid)
        if not fm.get("title"):
            bad(w, "title missing")
        for i in fm.get("intents", []):
            if i not in intents:
                bad(w, f"intent {i} not in pack")
            covered.add(i)
        if not fm.get("intents"):
            bad(w, "no intents")
        if "## Steps" not in body:
            bad(w, "no '## Steps' section")
            continue
        desc, steps_text = body.split("## Steps", 1)
        if not desc.strip():
            bad(w, "no description before ## Steps")
        items = re.findall(r"^(\d+)\. (.*)$", steps_text, re.M)
        if not items:
            bad(w, "no numbered steps")
        for num, (n, text) in enumerate(items, 1):
            if int(n) != num:
                bad(w, f"step numbering jumps at {n}")
            if not re.match(r"^\*\*[^*]+\*\*", text):
                bad(w, f"step {n} has no bold lead")
        meta = fm.get("steps", [])
        if len(meta) > len(items):
            bad(w, f"{len(meta)} step metadata entries for {len(items)} steps")
        for s in meta:
            for f in s.get("facts", []):
                if f not in facts:
                    bad(w, f"step fact {f} not in pack")
            sig = s.get("signals", [])
            if sig and not all(isinstance(x, list) and x for x in sig):
                bad(w, "signals must be a list of non-empty lists")
    for i in intents:
        if i not in covered:
            bad("articles", f"intent {i} has no article")
    return ids


def check_lookups(p, facts):
    name = p.get("lookups")
    if not name:
        return {}
    path = PACK / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:
        bad(name, f"not readable JSON: {e}")
        return {}
    for rec in ("accounts", "orders"):
        r = data.get(rec, {})
        if not isinstance(r, dict):
            bad(name, f"{rec} must be a record, not a list")
            continue
        fact = facts.get(p["_lookups"].get("account" if rec == "accounts" else "order", ""), {})
        pat = re.compile(fact["pattern"]) if fact.get("pattern") else None
        for k, v in r.items():
            if not isinstance(v, dict) or not isinstance(v.get("found"), bool) or not isinstance(v.get("summary"), str):
                bad(name, f"{rec}.{k} needs found and summary")
            if pat and not pat.match(k):
                bad(name, f"{rec}.{k} does not match the {fact['name']} pattern")
    return data


# ---------------------------------------------------------------- values

def canonical_problem(fact, value):
    """None when value is in canonical form for the fact, else a message."""
    t = fact["type"]
    if not isinstance(value, str) or not value.strip():
        return "empty or not a string"
    if CONTROL.search(value):
        return "control or direction characters"
    if t == "phone":
        return None if PHONE_FICTIONAL.match(value) else "not an E.164 number in the Ofcom drama ranges"
    if t == "email":
        return None if EMAIL.match(value) else "not a lower-case email"
    if t == "amount":
        return None if AMOUNT.match(value) else "not '<amount>.<cents> GBP'"
    if t == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            return "not YYYY-MM-DD"
        if fact["name"] == "date_of_birth":
            return None if d < CALL_DAY.replace(year=CALL_DAY.year - 16) else "implausible date of birth"
        return None if abs((d - CALL_DAY).days) <= 60 else "date far from the call day"
    if t in ("id", "postcode"):
        if t == "id" and " " in value:
            return "id with spaces"
        lc = fact.get("letterCase", "upper")
        if lc == "upper" and value != value.upper():
            return "not upper case"
        if lc == "lower" and value != value.lower():
            return "not lower case"
        return None if re.match(fact["pattern"], value) else "does not match the pattern"
    if t in ("enum", "catalogue"):
        return None if value in fact["_values"] else "not a value of the list"
    if t == "name":
        return None if value == value.strip() and not value.islower() else "names are written as the person writes them"
    return None


# ---------------------------------------------------------------- calls

def check_call(path, pack, facts, intents, tasks, articles, stats):
    w = f"calls/{path.name}"
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:
        bad(w, f"not JSON: {e}")
        return
    if not re.match(r"^b12m-(0[1-9]|1[0-6])-[a-z0-9]+(-[a-z0-9]+)*\.json$", path.name):
        bad(w, "file name must be b12m-NN-slug.json")
    if d.get("format") != "call-scenario/1":
        bad(w, "format")
    if d.get("id") != path.stem:
        bad(w, "id does not match the file name")
    if d.get("kb") != pack["id"]:
        bad(w, f"kb must be {pack['id']}")
    if not isinstance(d.get("title"), str) or not d["title"]:
        bad(w, "title missing")
    pickup = d.get("pickupAtMs")
    if not isinstance(pickup, int):
        bad(w, "pickupAtMs")
        pickup = 0
    h = d.get("handoff")
    truth = d.get("truth", {})
    tf = truth.get("facts", {})
    if "rawHandoff" in d:
        if h is not None:
            bad(w, "rawHandoff given but handoff is not null")
        try:
            json.loads(d["rawHandoff"])
            bad(w, "rawHandoff parses: it should be the malformed package")
        except ValueError:
            pass
        stats["damaged"] += 1
    elif h is None:
        stats["damaged"] += 1
    package_facts = {}
    if h is not None:
        for k in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts",
                  "aiAttempts", "trigger", "nextSteps", "language"):
            if k not in h:
                bad(w, f"handoff.{k} missing")
        if not re.match(r"^CA[0-9a-f]{32}$", str(h.get("callSid", ""))):
            bad(w, "callSid must be CA + 32 hex")
        if not (isinstance(h.get("triggeredAtMs"), int) and isinstance(h.get("packagedAtMs"), int)
                and h["triggeredAtMs"] <= h["packagedAtMs"] < pickup):
            bad(w, "triggeredAtMs <= packagedAtMs < pickupAtMs")
        c = h.get("caller", {})
        if not isinstance(c.get("verified"), bool) or not c.get("verification"):
            bad(w, "caller.verified / verification")
        if c.get("name"):
            package_facts["customer_name"] = c["name"]
        if c.get("phone"):
            package_facts["phone"] = c["phone"]
        it = h.get("intent", {})
        if it.get("label") not in intents:
            bad(w, f"intent.label {it.get('label')} is not a pack intent")
        if not isinstance(it.get("confidence"), (int, float)) or not 0 <= it["confidence"] <= 1:
            bad(w, "intent.confidence")
        if h.get("trigger", {}).get("code") not in TRIGGERS:
            bad(w, "trigger.code")
        for f in h.get("facts", []):
            n = f.get("name")
            if n not in facts:
                bad(w, f"package fact {n} not in pack")
                continue
            if f.get("source") not in ("caller", "system"):
                bad(w, f"package fact {n} source")
            msg = canonical_problem(facts[n], f.get("value"))
            if msg:
                bad(w, f"package fact {n}={f.get('value')!r}: {msg}")
            if n in package_facts and package_facts[n] != f.get("value"):
                bad(w, f"package holds two values for {n}")
            package_facts[n] = f.get("value")
        for a in h.get("aiAttempts", []):
            if not isinstance(a.get("tool"), str) or not isinstance(a.get("input"), dict) \
                    or not isinstance(a.get("ok"), bool) or not isinstance(a.get("result"), str):
                bad(w, "aiAttempts entry shape")
        if not is_str_list(h.get("nextSteps", []), allow_empty=True):
            bad(w, "nextSteps")
    # turns
    turns = d.get("turns", [])
    last = pickup
    if len(turns) < 8:
        bad(w, "fewer than 8 turns")
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer"):
            bad(w, f"turn {i} speaker")
        if not isinstance(t.get("atMs"), int) or t["atMs"] <= last:
            bad(w, f"turn {i} atMs must increase after pickup")
        else:
            last = t["atMs"]
        text = t.get("text", "")
        if not text.strip():
            bad(w, f"turn {i} empty")
        if re.search(r"[A-Z]", text):
            bad(w, f"turn {i} has capitals (recogniser output is lower case)")
        if CONTROL.search(text):
            bad(w, f"turn {i} has control characters")
    # truth
    for k in ("facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"):
        if k not in truth:
            bad(w, f"truth.{k} missing")
    for n, v in tf.items():
        if n not in facts:
            bad(w, f"truth fact {n} not in pack")
            continue
        msg = canonical_problem(facts[n], v)
        if msg:
            bad(w, f"truth fact {n}={v!r}: {msg}")
    ce = truth.get("contextErrors", [])
    for n, v in package_facts.items():
        if n not in tf:
            bad(w, f"package fact {n} missing from truth.facts")
        elif tf[n] != v and f"facts.{n}" not in ce:
            bad(w, f"truth {n} differs from the package but is not a context error")
        elif tf[n] == v and f"facts.{n}" in ce:
            bad(w, f"context error facts.{n} but truth equals the package value")
    for e in ce:
        n = e[len("facts."):] if e.startswith("facts.") else None
        if n not in package_facts:
            bad(w, f"context error {e} names no package fact")
    reps = truth.get("repeats", [])
    if h is None and (reps or ce):
        bad(w, "repeats or context errors without a valid package")
    if reps != sorted(set(reps)):
        bad(w, "repeats must be sorted and unique")
    for r in reps:
        if not isinstance(r, int) or not 0 <= r < len(turns) or turns[r]["speaker"] != "customer":
            bad(w, f"repeat {r} is not a customer turn")
    ks = truth.get("kbSubflows", [])
    if not ks:
        bad(w, "kbSubflows empty")
    for k in ks:
        if k not in articles:
            bad(w, f"kbSubflow {k} is not an article")
    hb = truth.get("handBack")
    if not isinstance(hb, dict):
        bad(w, "handBack truth missing (every call in this set labels one)")
    else:
        if hb.get("task") not in tasks:
            bad(w, f"handBack.task {hb.get('task')} is not a pack task")
        if not isinstance(hb.get("allowed"), bool):
            bad(w, "handBack.allowed must be boolean")
        elif hb["allowed"] and not tasks.get(hb.get("task"), {}).get("routine"):
            bad(w, "handBack allowed for a task the pack says is not routine")
        stats["allowed" if hb.get("allowed") else "refused"] += 1
        if hb.get("allowed") is False and tasks.get(hb.get("task"), {}).get("routine"):
            stats["refused_routine"].append(path.stem)
    if not isinstance(truth.get("injection"), bool):
        bad(w, "injection must be boolean")
    stats["calls"] += 1
    stats["repeats"] += len(reps)
    stats["context_errors"] += len(ce)
    stats["injections"] += 1 if truth.get("injection") else 0
    stats["turns"] += len(turns)
    for n in tf:
        stats["fact_names"].add(n)


def main():
    try:
        pack = json.loads((PACK / "pack.json").read_text(encoding="utf-8"))
    except Exception as e:
        print(f"pack.json unreadable: {e}")
        return 1
    check_manifest(pack)
    facts = check_facts(pack)
    intents = check_intents(pack)
    tasks, topics = check_handback(pack, facts)
    articles = check_articles(pack, facts, intents)
    check_lookups(pack, facts)
    for lic in (PACK / "LICENSE", ROOT / "LICENSE"):
        if not lic.exists() or "CC0" not in lic.read_text(encoding="utf-8"):
            bad(str(lic.relative_to(ROOT)), "CC0 licence missing")
    counts = {"facts": len(facts), "intents": len(intents), "articles": len(articles), "tasks": len(tasks),
              "sensitive topics": len(topics), "fact types": len({f["type"] for f in facts.values()})}
    ranges = {"facts": (16, 20), "intents": (18, 24), "articles": (18, 26), "tasks": (12, 17),
              "sensitive topics": (5, 8), "fact types": (9, 11)}
    for k, (lo, hi) in ranges.items():
        if not lo <= counts[k] <= hi:
            bad("pack", f"{k} count {counts[k]} outside {lo}-{hi}")

    stats = {"calls": 0, "repeats": 0, "context_errors": 0, "injections": 0, "damaged": 0, "turns": 0,
             "allowed": 0, "refused": 0, "refused_routine": [], "fact_names": set()}
    files = sorted(CALLS.glob("*.json"))
    for path in files:
        check_call(path, pack, facts, intents, tasks, articles, stats)
    nums = sorted(int(p.name[5:7]) for p in files if re.match(r"^b12m-\d\d-", p.name))
    if nums != list(range(1, 17)):
        bad("calls", f"expected b12m-01 .. b12m-16, found {nums}")
    expect = {"calls": (16, 16), "injections": (3, 3), "damaged": (2, 2), "context_errors": (4, 7),
              "repeats": (17, 26)}
    for k, (lo, hi) in expect.items():
        if not lo <= stats[k] <= hi:
            bad("calls", f"{k} = {stats[k]}, expected {lo}-{hi}")
    if not stats["allowed"] or not stats["refused"]:
        bad("calls", "need both allowed and refused hand-backs")

    print("pack:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"calls: {stats['calls']}, turns {stats['turns']}, repeats {stats['repeats']}, "
          f"context errors {stats['context_errors']}, injections {stats['injections']}, "
          f"damaged/missing packages {stats['damaged']}, hand-back allowed {stats['allowed']} / refused {stats['refused']}")
    print("refused although the task is routine (sensitive or declined):", ", ".join(stats["refused_routine"]))
    print("fact names used in truth:", len(stats["fact_names"]), "of", len(facts))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
