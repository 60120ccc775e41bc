#!/usr/bin/env python3
"""Validate the Aldergrove Hotels pack and the b13h calls. Standard library only; exits 0 when all is well.

Pack: the rules of docs/DOMAIN-PACKS.md (manifest fields, facts, catalogue, intents, hand-back tasks,
sensitive topics, articles with front matter and numbered bold-lead steps, lookups.json).
Calls: call-scenario/1 as in /work/shared/scenarios/README.md, canonical values per the pack's fact types,
truth consistent with the package, and the batch counts asked for.

    python3 tools/check.py            # check everything
    python3 tools/check.py --build    # run tools/build.py first, then check (and that calls/ is up to date)
"""
import datetime
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACK = ROOT / "pack-aldergrove-hotels"
CALLS = ROOT / "calls"
SRC = ROOT / "src"

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


# ---------------------------------------------------------------- pack

FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
KEBAB_OR_SNAKE = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")
LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
FICTIONAL_NANP = re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")
STEP_LINE = re.compile(r"^(\d+)\. \*\*([^*]+)\*\*: \S")


def check_values_list(where, values):
    seen = set()
    if not isinstance(values, list) or not values:
        bad(where, "needs a non-empty list of values")
        return seen
    for v in values:
        if not isinstance(v, dict) or not isinstance(v.get("value"), str) or not isinstance(v.get("label"), str):
            bad(where, f"value entry needs value and label: {v!r}")
            continue
        if v["value"] in seen:
            bad(where, f"duplicate value {v['value']}")
        seen.add(v["value"])
        aliases = v.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            bad(where, f"aliases of {v['value']} must be a list of strings")
    return seen


def load_pack():
    where = "pack.json"
    try:
        pack = json.loads((PACK / "pack.json").read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        bad(where, f"not JSON: {e}")
        return None
    if pack.get("format") != "domain-pack/1":
        bad(where, "format must be domain-pack/1")
    if not isinstance(pack.get("id"), str) or not KEBAB_OR_SNAKE.match(pack["id"]):
        bad(where, "id must be kebab or snake case")
    if not isinstance(pack.get("name"), str) or not pack["name"]:
        bad(where, "name missing")
    if not isinstance(pack.get("version"), str) or not SEMVER.match(pack["version"]):
        bad(where, "version must be semver")
    if "locale" in pack and not LOCALE.match(str(pack["locale"])):
        bad(where, "locale must look like en-CA")
    if not re.match(r"^[A-Z]{2}$", str(pack.get("defaultRegion", ""))):
        bad(where, "defaultRegion must be ISO 3166 alpha-2")
    if not re.match(r"^[A-Z]{3}$", str(pack.get("currency", ""))):
        bad(where, "currency must be ISO 4217")
    if (pack.get("locale"), pack.get("defaultRegion"), pack.get("currency")) != ("en-CA", "CA", "CAD"):
        bad(where, "this pack is en-CA / CA / CAD")

    catalogue = pack.get("catalogue", {})
    cat_values = {}
    if not isinstance(catalogue, dict):
        bad(where, "catalogue must be an object of lists")
        catalogue = {}
    for list_id, values in catalogue.items():
        cat_values[list_id] = check_values_list(f"{where} catalogue.{list_id}", values)

    facts = {}
    for i, f in enumerate(pack.get("facts", [])):
        fw = f"{where} facts[{i}]"
        name = f.get("name")
        if not isinstance(name, str) or not SNAKE.match(name):
            bad(fw, f"name must be snake_case: {name!r}")
            continue
        fw = f"{where} fact {name}"
        if name in facts:
            bad(fw, "duplicate fact name")
        if not isinstance(f.get("label"), str) or not f["label"]:
            bad(fw, "label missing")
        t = f.get("type")
        if t not in FACT_TYPES:
            bad(fw, f"unknown type {t!r}")
        if t in ("id", "postcode"):
            try:
                re.compile(f["pattern"])
            except (KeyError, re.error) as e:
                bad(fw, f"id/postcode needs a pattern that compiles: {e}")
            if f.get("letterCase", "upper") not in ("upper", "lower", "preserve"):
                bad(fw, "letterCase must be upper, lower or preserve")
        elif "pattern" in f:
            bad(fw, "pattern is only for id and postcode facts")
        if "digits" in f and (t != "id" or not isinstance(f["digits"], int) or f["digits"] < 1):
            bad(fw, "digits is a positive integer on id facts")
        cues = f.get("cues")
        if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c for c in cues):
            bad(fw, "cues must be a non-empty list of strings")
        for flag in ("identity", "pii"):
            if flag in f and not isinstance(f[flag], bool):
                bad(fw, f"{flag} must be true or false")
        allowed_values = None
        if t == "enum":
            allowed_values = check_values_list(fw, f.get("values"))
        elif t == "catalogue":
            if f.get("catalogue") not in catalogue:
                bad(fw, f"catalogue {f.get('catalogue')!r} is not a list in catalogue")
            else:
                allowed_values = cat_values[f["catalogue"]]
        elif "values" in f:
            bad(fw, "values only on enum facts")
        if "bareValues" in f:
            bv = f["bareValues"]
            if t not in ("enum", "catalogue"):
                if bv is not False:
                    bad(fw, "bareValues only on enum and catalogue facts")
            elif isinstance(bv, list):
                for v in bv:
                    if allowed_values is not None and v not in allowed_values:
                        bad(fw, f"bareValues names unknown value {v!r}")
            elif not isinstance(bv, bool):
                bad(fw, "bareValues must be true, false or a list of value ids")
        if "lookup" in f and f["lookup"] not in ("account", "order"):
            bad(fw, "lookup must be account or order")
        facts[name] = dict(f)
        facts[name]["_allowed"] = allowed_values

    intents = {}
    for i, it in enumerate(pack.get("intents", [])):
        iw = f"{where} intents[{i}]"
        iid = it.get("id")
        if not isinstance(iid, str) or not KEBAB_OR_SNAKE.match(iid):
            bad(iw, "intent id must be kebab/snake")
            continue
        if iid in intents:
            bad(iw, f"duplicate intent {iid}")
        if not isinstance(it.get("label"), str) or not it["label"]:
            bad(iw, "label missing")
        ph = it.get("phrasings")
        if not isinstance(ph, list) or len(ph) < 3 or not all(isinstance(p, str) and p for p in ph):
            bad(iw, "phrasings: at least three strings")
        if "say" in it:
            say = it["say"]
            if not isinstance(say, dict) or set(say) != {"issue", "help"} or not all(isinstance(v, str) and v for v in say.values()):
                bad(iw, "say must be { issue, help }")
        intents[iid] = it

    hb = pack.get("handBack", {})
    tasks = {}
    for i, t in enumerate(hb.get("tasks", [])):
        tw = f"{where} handBack.tasks[{i}]"
        tid = t.get("id")
        if not isinstance(tid, str) or not SNAKE.match(tid):
            bad(tw, "task id must be snake_case")
            continue
        if tid in tasks:
            bad(tw, f"duplicate task {tid}")
        if not isinstance(t.get("label"), str) or not t["label"]:
            bad(tw, "label missing")
        needs = t.get("needs")
        if not isinstance(needs, list):
            bad(tw, "needs must be a list")
        else:
            for n in needs:
                if n not in facts:
                    bad(tw, f"needs unknown fact {n!r}")
        for flag in ("verifiedCaller", "routine"):
            if not isinstance(t.get(flag), bool):
                bad(tw, f"{flag} must be true or false")
        ph = t.get("phrasings")
        if not isinstance(ph, list) or len(ph) < 3:
            bad(tw, "phrasings: at least three")
        tasks[tid] = t
    topics = {}
    for i, s in enumerate(hb.get("sensitiveTopics", [])):
        sw = f"{where} handBack.sensitiveTopics[{i}]"
        sid = s.get("id")
        if not isinstance(sid, str) or not SNAKE.match(sid):
            bad(sw, "topic id must be snake_case")
            continue
        if sid in topics:
            bad(sw, f"duplicate topic {sid}")
        if not isinstance(s.get("label"), str) or not isinstance(s.get("phrasings"), list) or len(s["phrasings"]) < 3:
            bad(sw, "needs a label and at least three phrasings")
        topics[sid] = s

    art_dir = PACK / pack.get("knowledgeBase", {}).get("articles", "articles")
    if not art_dir.is_dir():
        bad(where, f"articles folder {art_dir.name} missing")
    lookups_name = pack.get("lookups")
    if lookups_name is not None:
        check_lookups(PACK / lookups_name, facts)

    # counts asked for by the brief
    if len(facts) < 20:
        bad(where, f"only {len(facts)} facts")
    types = {f["type"] for f in facts.values()}
    for needed in ("id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "postcode", "address"):
        if needed not in types:
            bad(where, f"no fact of type {needed}")
    if len([f for f in facts.values() if f["type"] == "id"]) < 4:
        bad(where, "want several id facts with their own shapes")
    if len(intents) < 15:
        bad(where, f"only {len(intents)} intents")
    if not any(t.get("routine") for t in tasks.values()) or not any(not t.get("routine") for t in tasks.values()):
        bad(where, "hand-back tasks must include routine and non-routine ones")
    if len(topics) < 5:
        bad(where, "want at least five sensitive topics")
    for needed in ("customer_name", "phone"):
        if needed not in facts:
            bad(where, f"fact {needed} is needed so caller.name / caller.phone map onto the pack")
    return {"pack": pack, "facts": facts, "intents": intents, "tasks": tasks, "topics": topics,
            "catalogue": cat_values, "articles_dir": art_dir}


def check_lookups(path, facts):
    where = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        bad(where, f"not JSON: {e}")
        return
    if not isinstance(data, dict):
        bad(where, "must be an object")
        return
    key_fact = {kind: next((f for f in facts.values() if f.get("lookup") == kind), None) for kind in ("account", "order")}
    for record, kind in (("accounts", "account"), ("orders", "order")):
        if record not in data:
            continue
        if not isinstance(data[record], dict):
            bad(where, f"{record} must be a record, not a list")
            continue
        for key, entry in data[record].items():
            if not isinstance(entry, dict) or not isinstance(entry.get("found"), bool) or not isinstance(entry.get("summary"), str):
                bad(where, f"{record}.{key} needs found and summary")
            f = key_fact[kind]
            if f is not None and not re.match(f["pattern"], key):
                bad(where, f"{record}.{key} does not match the {f['name']} pattern")


def parse_flow(text):
    """Parse a YAML flow sequence of plain scalars ([a, b c, [d, e]]) or a plain scalar."""
    text = text.strip()
    if not text.startswith("["):
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            return text[1:-1]
        return text
    pos = 0

    def seq():
        nonlocal pos
        assert text[pos] == "["
        pos += 1
        items = []
        buf = ""
        while pos < len(text):
            ch = text[pos]
            if ch == "[":
                items.append(seq())
                buf = ""
                continue
            if ch in ",]":
                if buf.strip():
                    items.append(buf.strip())
                buf = ""
                pos += 1
                if ch == "]":
                    return items
                continue
            buf += ch
            pos += 1
        raise ValueError("unclosed [")

    out = seq()
    if text[pos:].strip():
        raise ValueError("text after ]")
    return out


def parse_front_matter(lines, where):
    meta, steps, current = {}, None, None
    for raw in lines:
        if not raw.strip() or raw.strip().startswith("#"):
            continue
        if raw.startswith("    ") and current is not None:
            key, _, value = raw.strip().partition(":")
            current[key.strip()] = parse_flow(value.split(" #")[0])
        elif raw.startswith("  - "):
            if steps is None:
                raise ValueError("list item outside steps")
            current = {}
            steps.append(current)
            key, _, value = raw[4:].partition(":")
            current[key.strip()] = parse_flow(value.split(" #")[0])
        elif not raw.startswith(" "):
            key, _, value = raw.partition(":")
            key = key.strip()
            if key == "steps" and not value.strip():
                steps = []
                meta["steps"] = steps
                current = None
            else:
                meta[key] = parse_flow(value)
                current = None
        else:
            raise ValueError(f"cannot read front matter line {raw!r}")
    return meta


def check_articles(ctx):
    art_dir = ctx["articles_dir"]
    ids = {}
    covered = set()
    for path in sorted(art_dir.glob("*.md")):
        where = f"articles/{path.name}"
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines[0] != "---" or "---" not in lines[1:]:
            bad(where, "must start with YAML front matter between --- lines")
            continue
        end = lines.index("---", 1)
        try:
            meta = parse_front_matter(lines[1:end], where)
        except ValueError as e:
            bad(where, f"front matter: {e}")
            continue
        aid = meta.get("id")
        if aid != path.stem:
            bad(where, f"id {aid!r} does not match the file name")
        if aid in ids:
            bad(where, f"duplicate article id {aid}")
        ids[aid] = meta
        if not isinstance(meta.get("title"), str) or not meta["title"]:
            bad(where, "title missing")
        intents = meta.get("intents")
        if not isinstance(intents, list) or not intents:
            bad(where, "intents must be a non-empty list")
            intents = []
        for i in intents:
            if i not in ctx["intents"]:
                bad(where, f"unknown intent {i!r}")
            covered.add(i)
        body = lines[end + 1:]
        if "## Steps" not in body:
            bad(where, "no '## Steps' heading")
            continue
        si = body.index("## Steps")
        if not " ".join(l for l in body[:si] if l.strip()).strip():
            bad(where, "no description before ## Steps")
        numbered = [l for l in body[si + 1:] if re.match(r"^\d+\. ", l)]
        for n, l in enumerate(numbered, start=1):
            m = STEP_LINE.match(l)
            if not m:
                bad(where, f"step {n} needs a bold lead: '{n}. **Title**: text'")
            elif int(m.group(1)) != n:
                bad(where, f"step numbering jumps at {m.group(1)}")
        if len(numbered) < 3:
            bad(where, "fewer than three steps")
        step_meta = meta.get("steps", [])
        if len(step_meta) > len(numbered):
            bad(where, "more step metadata entries than numbered steps")
        for s in step_meta:
            for f in s.get("facts", []) or []:
                if f not in ctx["facts"]:
                    bad(where, f"step names unknown fact {f!r}")
            sig = s.get("signals", [])
            if sig and not all(isinstance(alt, list) and alt and all(isinstance(x, str) for x in alt) for alt in sig):
                bad(where, "signals must be a list of lists of phrases")
    for i in ctx["intents"]:
        if i not in covered:
            bad("articles", f"intent {i} is answered by no article")
    if not 18 <= len(ids) <= 26:
        bad("articles", f"{len(ids)} articles; about 20 wanted")
    ctx["article_ids"] = set(ids)


# ---------------------------------------------------------------- values

def valid_date(s):
    try:
        return datetime.date.fromisoformat(s).isoformat() == s
    except (TypeError, ValueError):
        return False


def check_value(where, fact, value):
    if not isinstance(value, str) or not value or value != value.strip():
        bad(where, f"value must be a trimmed non-empty string: {value!r}")
        return
    if any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in value):
        bad(where, "control or direction characters in a value")
    t = fact["type"]
    if t == "phone":
        if not FICTIONAL_NANP.match(value):
            bad(where, f"phone {value} is not E.164 in +1 AAA 555 01xx")
    elif t == "email":
        if value != value.lower() or not EMAIL.match(value):
            bad(where, f"email {value} is not lower-case canonical")
    elif t == "date":
        if not valid_date(value):
            bad(where, f"date {value} is not YYYY-MM-DD")
    elif t == "amount":
        if not re.match(r"^\d+\.\d{2} CAD$", value):
            bad(where, f"amount {value} is not '<amount>.<cents> CAD'")
    elif t == "id":
        if " " in value or not re.match(fact["pattern"], value):
            bad(where, f"id {value} does not match {fact['pattern']}")
        case = fact.get("letterCase", "upper")
        if case == "upper" and value != value.upper() or case == "lower" and value != value.lower():
            bad(where, f"id {value} is not {case} case")
    elif t == "postcode":
        if not re.match(fact["pattern"], value) or not re.match(r"^[A-Z]\d[A-Z] \d[A-Z]\d$", value):
            bad(where, f"postal code {value} is not canonical 'A1A 1A1'")
    elif t in ("enum", "catalogue"):
        if value not in (fact["_allowed"] or set()):
            bad(where, f"{value!r} is not a value of {fact['name']}")


# ---------------------------------------------------------------- calls

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy", "tool_failure_repeated", "sensitive_topic"}
CALL_ID = re.compile(r"^b13h-(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$")


def check_handoff(where, h, ctx, pickup):
    for key in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts", "aiAttempts", "trigger", "nextSteps", "language"):
        if key not in h:
            bad(where, f"handoff.{key} missing")
    if not re.match(r"^ho_[0-9a-f]{4}$", str(h.get("handoffId"))):
        bad(where, "handoffId must look like ho_7f3a")
    if not re.match(r"^CA[0-9a-f]{32}$", str(h.get("callSid"))):
        bad(where, "callSid must be CA + 32 hex")
    if not (isinstance(h.get("triggeredAtMs"), int) and isinstance(h.get("packagedAtMs"), int)
            and h["triggeredAtMs"] <= h["packagedAtMs"] < pickup):
        bad(where, "need triggeredAtMs <= packagedAtMs < pickupAtMs")
    c = h.get("caller", {})
    if not isinstance(c.get("name"), str) or not c["name"]:
        bad(where, "caller.name missing")
    if not FICTIONAL_NANP.match(str(c.get("phone"))):
        bad(where, f"caller.phone {c.get('phone')} not E.164 fictional")
    if not isinstance(c.get("verified"), bool) or not isinstance(c.get("verification"), str):
        bad(where, "caller.verified / verification")
    it = h.get("intent", {})
    if it.get("label") not in ctx["intents"]:
        bad(where, f"intent.label {it.get('label')!r} is no pack intent")
    if not isinstance(it.get("confidence"), (int, float)) or not 0 <= it["confidence"] <= 1:
        bad(where, "intent.confidence must be 0..1")
    names = set()
    for f in h.get("facts", []):
        n = f.get("name")
        if n not in ctx["facts"]:
            bad(where, f"package fact {n!r} is no pack fact")
            continue
        if n in names:
            bad(where, f"package fact {n} twice")
        names.add(n)
        if f.get("source") not in ("caller", "system"):
            bad(where, f"package fact {n} source must be caller or system")
        check_value(f"{where} handoff.facts.{n}", ctx["facts"][n], f.get("value"))
    for a in h.get("aiAttempts", []):
        if not isinstance(a.get("tool"), str) or not isinstance(a.get("input"), dict) or not isinstance(a.get("ok"), bool) or not isinstance(a.get("result"), str):
            bad(where, f"aiAttempt malformed: {a!r}")
    tr = h.get("trigger", {})
    if tr.get("code") not in TRIGGERS or not isinstance(tr.get("detail"), str):
        bad(where, f"trigger code {tr.get('code')!r}")
    if not isinstance(h.get("nextSteps"), list) or not all(isinstance(s, str) for s in h["nextSteps"]):
        bad(where, "nextSteps must be a list of strings")


def check_call(path, ctx, stats):
    where = f"calls/{path.name}"
    try:
        call = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        bad(where, f"not JSON: {e}")
        return
    expected = ["format", "id", "title", "kb", "handoff"] + (["rawHandoff"] if "rawHandoff" in call else []) + ["pickupAtMs", "turns", "truth"]
    if list(call) != expected:
        bad(where, f"keys {list(call)} (want {expected})")
    if call.get("format") != "call-scenario/1":
        bad(where, "format must be call-scenario/1")
    cid = call.get("id", "")
    m = CALL_ID.match(cid)
    if not m or path.stem != cid:
        bad(where, f"id {cid!r} must be b13h-NN-… and match the file name")
    else:
        stats["numbers"].append(int(m.group(1)))
    if not isinstance(call.get("title"), str) or not call["title"]:
        bad(where, "title missing")
    if call.get("kb") != ctx["pack"]["id"]:
        bad(where, f"kb must be {ctx['pack']['id']}")
    pickup = call.get("pickupAtMs")
    if not isinstance(pickup, int) or pickup <= 0:
        bad(where, "pickupAtMs must be a positive integer")
        pickup = 0
    h = call.get("handoff")
    if h is None:
        stats["no_package"] += 1
        if "rawHandoff" in call:
            stats["malformed"] += 1
            try:
                json.loads(call["rawHandoff"])
                bad(where, "rawHandoff parses as JSON: then it is not malformed")
            except ValueError:
                pass
    else:
        if "rawHandoff" in call:
            bad(where, "rawHandoff only when handoff is null")
        check_handoff(where, h, ctx, pickup)

    turns = call.get("turns", [])
    if not 12 <= len(turns) <= 18:
        bad(where, f"{len(turns)} turns; 12 to 18 wanted")
    last = pickup
    for i, t in enumerate(turns):
        tw = f"{where} turns[{i}]"
        if t.get("speaker") not in ("agent", "customer"):
            bad(tw, "speaker must be agent or customer")
        if not isinstance(t.get("atMs"), int) or t["atMs"] <= last:
            bad(tw, "atMs must increase and follow pickupAtMs")
        else:
            last = t["atMs"]
        text = t.get("text", "")
        if not isinstance(text, str) or not text.strip():
            bad(tw, "empty text")
            continue
        if text != text.lower():
            bad(tw, "recogniser text is lower case")
        if re.search(r"[,?!;:]", text) or re.search(r"(?<!\.)\.(?!\.)", text.replace("...", "")):
            bad(tw, "recogniser text carries no sentence punctuation (only '...' pauses)")
        if re.search(r"\+\d", text):
            bad(tw, "phone numbers are spoken, not written in E.164")

    truth = call.get("truth", {})
    if list(truth) != ["facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"]:
        bad(where, f"truth keys {list(truth)}")
    tf = truth.get("facts", {})
    for n, v in tf.items():
        if n not in ctx["facts"]:
            bad(where, f"truth fact {n!r} is no pack fact")
            continue
        check_value(f"{where} truth.facts.{n}", ctx["facts"][n], v)
    for a, b in (("check_in_date", "check_out_date"), ("new_check_in_date", "new_check_out_date")):
        if a in tf and b in tf and not tf[a] < tf[b]:
            bad(where, f"{a} must be before {b}")
    if ("new_check_in_date" in tf) != ("new_check_out_date" in tf):
        bad(where, "a new stay needs both new dates")

    errors = truth.get("contextErrors", [])
    if h is not None:
        pf = {f["name"]: f["value"] for f in h.get("facts", []) if "name" in f}
        pf["customer_name"] = h.get("caller", {}).get("name")
        if h.get("caller", {}).get("phone"):
            pf["phone"] = h["caller"]["phone"]
        for n, v in pf.items():
            if n not in tf:
                bad(where, f"package fact {n} missing from truth.facts")
            elif f"facts.{n}" in errors:
                if tf[n] == v:
                    bad(where, f"facts.{n} listed as a context error but truth keeps the package value")
            elif tf[n] != v:
                bad(where, f"truth.facts.{n} {tf[n]!r} differs from the package {v!r} without a context error")
        for e in errors:
            if not isinstance(e, str) or not e.startswith("facts.") or e[6:] not in pf:
                bad(where, f"context error {e!r} names no package fact")
            else:
                stats["error_types"].append(ctx["facts"][e[6:]]["type"])
    elif errors:
        bad(where, "context errors need a valid package")
    stats["errors"] += len(errors)

    reps = truth.get("repeats", [])
    if reps != sorted(set(reps)):
        bad(where, "repeats must be sorted and unique")
    for r in reps:
        if not isinstance(r, int) or not 0 <= r < len(turns) or turns[r].get("speaker") != "customer":
            bad(where, f"repeat {r} is not a customer turn")
    if h is None and reps:
        bad(where, "no valid package: nothing can be repeated")
    stats["repeats"] += len(reps)

    kbs = truth.get("kbSubflows", [])
    if not kbs:
        bad(where, "kbSubflows empty")
    for k in kbs:
        if k not in ctx["article_ids"]:
            bad(where, f"kbSubflow {k!r} is no article")
        stats["articles_used"].add(k)

    hb = truth.get("handBack")
    if hb is None:
        stats["handback"]["none"] += 1
    elif not isinstance(hb, dict) or set(hb) != {"task", "allowed"} or not isinstance(hb.get("allowed"), bool) or not SNAKE.match(str(hb.get("task"))):
        bad(where, f"handBack malformed: {hb!r}")
    else:
        stats["handback"]["allowed" if hb["allowed"] else "refused"] += 1
        task = ctx["tasks"].get(hb["task"])
        if task is None:
            bad(where, f"handBack task {hb['task']} is no pack task")
        elif hb["allowed"]:
            if not task["routine"]:
                bad(where, f"{hb['task']} is not routine, so it cannot be allowed")
            for n in task["needs"]:
                if n not in tf:
                    bad(where, f"allowed {hb['task']} needs {n}, which the call does not hold")
            if task["verifiedCaller"]:
                said_verified = any(t.get("speaker") == "agent" and "verified" in t.get("text", "") for t in turns)
                if not ((h or {}).get("caller", {}).get("verified") or said_verified):
                    bad(where, f"{hb['task']} needs a verified caller")
    if not isinstance(truth.get("injection"), bool):
        bad(where, "injection must be true or false")
    elif truth["injection"]:
        stats["injections"] += 1
    stats["turns"].append(len(turns))
    stats["calls"] += 1


def main():
    if "--build" in sys.argv:
        subprocess.run([sys.executable, str(ROOT / "tools" / "build.py")], check=True)
    ctx = load_pack()
    if ctx is None:
        print("\n".join(problems))
        return 1
    check_articles(ctx)
    for needed in ("LICENSE",):
        if not (PACK / needed).is_file():
            bad("pack", f"{needed} missing")
        if not (ROOT / needed).is_file():
            bad(".", f"{needed} missing")
    if not (ROOT / "README.md").is_file():
        bad(".", "README.md missing")

    stats = {"calls": 0, "numbers": [], "no_package": 0, "malformed": 0, "errors": 0, "error_types": [],
             "repeats": 0, "injections": 0, "handback": {"allowed": 0, "refused": 0, "none": 0},
             "turns": [], "articles_used": set()}
    paths = sorted(CALLS.glob("*.json"))
    for p in paths:
        check_call(p, ctx, stats)
    srcs = sorted(s.stem for s in SRC.glob("*.call"))
    if srcs != [p.stem for p in paths]:
        bad("src", "every call needs exactly one hand-written source in src/")

    if stats["calls"] != 16 or sorted(stats["numbers"]) != list(range(1, 17)):
        bad("calls", f"want b13h-01 … b13h-16, have {sorted(stats['numbers'])}")
    if stats["injections"] != 3:
        bad("calls", f"{stats['injections']} injections; 3 wanted")
    if not 4 <= stats["errors"] <= 6:
        bad("calls", f"{stats['errors']} context errors; about 5 wanted")
    if len(set(stats["error_types"])) < min(stats["errors"], 4):
        bad("calls", f"context errors should be of different fact types: {stats['error_types']}")
    if not 1 <= stats["no_package"] <= 2 or stats["malformed"] > 1:
        bad("calls", "want 1-2 damaged or missing packages")
    if min(stats["handback"].values()) < 3:
        bad("calls", f"hand-back truth should mix allowed, refused and none: {stats['handback']}")

    if problems:
        print("\n".join(problems))
        print(f"\n{len(problems)} problem(s)")
        return 1
    pack = ctx["pack"]
    print(f"pack {pack['id']} {pack['version']}: {len(ctx['facts'])} facts, {len(ctx['intents'])} intents, "
          f"{len(ctx['article_ids'])} articles, {len(ctx['tasks'])} hand-back tasks "
          f"({sum(1 for t in ctx['tasks'].values() if t['routine'])} routine), {len(ctx['topics'])} sensitive topics")
    print(f"calls: {stats['calls']}, turns {min(stats['turns'])}-{max(stats['turns'])} (total {sum(stats['turns'])}), "
          f"repeats {stats['repeats']}, context errors {stats['errors']} ({', '.join(stats['error_types'])}), "
          f"injections {stats['injections']}, missing packages {stats['no_package']} (malformed {stats['malformed']}), "
          f"hand-back {stats['handback']}, articles used {len(stats['articles_used'])}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
