#!/usr/bin/env python3
"""Check the Northwind Connect call scenarios of batch 15 (b15n-*).

Exit 0 when every check passes, 1 otherwise (each problem is printed with its call).
Standard library only.

    python3 tools/check.py [--pack /path/to/northwind-connect]

What it checks
  * calls/ is exactly what tools/build.py makes from src/ (no hand edits in calls/)
  * the call-scenario/1 shape: keys, types, ids, file names, kb, 14-20 turns, both speakers,
    times increasing after pickup, pickup after packaging
  * the handoff package wire shape, intent labels, fact names, trigger codes, verification
  * damaged packages really are damaged (rawHandoff does not give a valid package)
  * truth facts: names from the pack, values in the pack's canonical forms
    (E.164 in fictional ranges, YYYY-MM-DD, "12.50 GBP", lower-case email, id/postcode patterns,
    enum and catalogue values), the package's values carried over unless marked as context errors
  * every id / phone / postcode / email the truth takes from the turns can be found in them
    (spoken digits, "double", "oh", single letters, "dot"/"at" are normalised for this)
  * catalogue/enum values: the truth value is named in the call or package; no other value of
    the same fact is named unless the package value is a marked context error
  * repeats are customer turns of calls with a valid package; a customer turn that says a
    package value outright and is not listed as a repeat is reported
  * kbSubflows are article ids of the pack; handBack is none/allowed/refused with an
    allowed task routine in the pack, its needs present and the caller verified
  * the set: 16 calls, exactly 3 injections, >= 3 kinds of damaged package, every hand-back
    decision present, >= 5 context errors over >= 4 fact types, README lists every call
"""
import datetime
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALLS = os.path.join(ROOT, "calls")
DEFAULT_PACK = "/work/main/resources/packs/northwind-connect"

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
PHONE_RANGES = [
    re.compile(r"^\+447700900\d{3}$"),      # UK mobile drama range
    re.compile(r"^\+442079460\d{3}$"),      # UK London drama range
    re.compile(r"^\+1\d{3}55501\d{2}$"),    # NANP fictional
    re.compile(r"^\+61491000\d{3}$"),       # AU mobile fictional
    re.compile(r"^\+3531555\d{4}$"),        # IE Dublin fictional
]
CALL_DAY = datetime.date(2026, 6, 15)

problems = []


def bad(call_id, msg):
    problems.append(f"{call_id}: {msg}")


# ---------------------------------------------------------------- pack

def load_pack(path):
    with open(os.path.join(path, "pack.json"), encoding="utf-8") as f:
        pack = json.load(f)
    articles = set()
    adir = os.path.join(path, "articles")
    for fn in os.listdir(adir):
        if fn.endswith(".md"):
            with open(os.path.join(adir, fn), encoding="utf-8") as f:
                m = re.search(r"^id:\s*(\S+)", f.read(), re.M)
            if m:
                articles.add(m.group(1).strip("'\""))
    return pack, articles


# ---------------------------------------------------------------- spoken-form normalising

UNITS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
         "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
         "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
        "eighty": "8", "ninety": "9"}


def tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())


HOMOPHONES = {"for": "four", "to": "two", "too": "two", "ate": "eight", "won": "one"}


def code_stream(text):
    """Single letters and digits said in order, other words dropped: 'C F two four' -> 'CF24'.
    Recogniser homophones ('for', 'to', 'ate') count as digits when a digit word is beside them."""
    out = []
    toks = tokens(text)
    digitish = set(UNITS) | set(TEENS) | set(TENS) | {"double", "triple"}
    for j, t in enumerate(toks):
        if t in HOMOPHONES:
            near = [toks[k] for k in (j - 1, j + 1) if 0 <= k < len(toks)]
            if any(x in digitish or x.isdigit() for x in near):
                toks[j] = HOMOPHONES[t]
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in ("double", "triple") and (nxt in UNITS or (len(nxt) == 1 and nxt.isalnum())):
            v = UNITS.get(nxt, nxt)
            out.append(v * (2 if t == "double" else 3))
            i += 2
            continue
        if t in TENS:
            if nxt in UNITS and nxt not in ("oh", "o", "zero"):
                out.append(TENS[t] + UNITS[nxt])
                i += 2
                continue
            out.append(TENS[t] + "0")
        elif t in TEENS:
            out.append(TEENS[t])
        elif t in UNITS and t != "o":
            out.append(UNITS[t])
        elif t.isdigit():
            out.append(t)
        elif len(t) == 1:
            out.append(t)
        i += 1
    return "".join(out).upper()


def email_stream(text):
    t = " " + text.lower() + " "
    t = re.sub(r"\bdot\b", ".", t)
    t = re.sub(r"\bat\b", "@", t)
    toks = t.split()
    out = []
    for w in toks:
        w2 = w.strip(",?!")
        out.append(UNITS.get(w2, w2) if w2 not in ("o", "a", "i") else w2)
    return "".join(out)


def said(value, ftype, text):
    if ftype == "email":
        return value.lower() in email_stream(text) or value.lower() in text.lower()
    if ftype == "phone":
        digits = value.lstrip("+")
        national = "0" + value[3:] if value.startswith("+44") else None
        stream = code_stream(text)
        return digits in stream or (national is not None and national in stream)
    if ftype in ("id", "postcode"):
        return value.replace(" ", "").upper() in code_stream(text)
    return False


def alias_pattern(phrase):
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase.lower()) + r"(?![a-z0-9])")


# ---------------------------------------------------------------- canonical forms

def canonical_ok(fact, value):
    t = fact["type"]
    if not isinstance(value, str) or value != value.strip() or not value:
        return "not a trimmed non-empty string"
    if re.search(r"[\x00-\x1f\u200e\u200f\u202a-\u202e\u2066-\u2069<>]", value):
        return "markup or control characters in the value"
    if t == "phone":
        if not re.fullmatch(r"\+[1-9]\d{7,14}", value):
            return "not E.164"
        if not any(r.match(value) for r in PHONE_RANGES):
            return "not in a fictional range"
    elif t == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            return "not YYYY-MM-DD"
        if abs((d - CALL_DAY).days) > 120:
            return "date far from the call day 2026-06-15"
    elif t == "amount":
        if not re.fullmatch(r"\d+\.\d{2} GBP", value):
            return "not '12.50 GBP'"
    elif t == "email":
        if value != value.lower() or not re.fullmatch(r"[a-z0-9._%+-]+@email\.com", value):
            return "not a lower-case @email.com address"
    elif t in ("id", "postcode"):
        case = fact.get("letterCase", "upper")
        if case == "upper" and value != value.upper():
            return "id not upper case"
        if not re.search(fact["pattern"], value):
            return f"does not match {fact['pattern']}"
        if t == "postcode" and not re.fullmatch(r"[A-Z0-9]{2,4} \d[A-Z]{2}", value):
            return "postcode without its usual space"
        if t == "id" and " " in value:
            return "id with spaces"
    elif t == "enum":
        if value not in {v["value"] for v in fact["values"]}:
            return "not an enum value"
    return None


# ---------------------------------------------------------------- package shape

CALLER_KEYS = {"name", "phone", "verified", "verification"}
HANDOFF_KEYS = {"handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent",
                "summary", "facts", "aiAttempts", "trigger", "nextSteps", "language"}


def package_problems(h, fact_names, intents):
    """Return a list of reasons the object is not a valid call-scenario/1 handoff package."""
    out = []
    if not isinstance(h, dict):
        return ["not an object"]
    if set(h.keys()) != HANDOFF_KEYS:
        out.append(f"keys {sorted(set(h.keys()) ^ HANDOFF_KEYS)} differ from the wire shape")
        return out
    if not re.fullmatch(r"ho_[0-9a-f]{4}", str(h["handoffId"])):
        out.append("handoffId not ho_xxxx")
    if not re.fullmatch(r"CA[0-9a-f]{32}", str(h["callSid"])):
        out.append("callSid not CA + 32 hex")
    if not (isinstance(h["triggeredAtMs"], int) and isinstance(h["packagedAtMs"], int)
            and 0 <= h["triggeredAtMs"] <= h["packagedAtMs"]):
        out.append("triggeredAtMs/packagedAtMs not ordered integers")
    c = h["caller"]
    if not isinstance(c, dict) or set(c.keys()) != CALLER_KEYS:
        out.append("caller keys differ")
    else:
        if not isinstance(c["verified"], bool):
            out.append("caller.verified not a boolean")
        if not any(r.match(str(c["phone"])) for r in PHONE_RANGES):
            out.append("caller.phone not a fictional E.164 number")
    it = h["intent"]
    if not isinstance(it, dict) or set(it.keys()) != {"label", "confidence"}:
        out.append("intent keys differ")
    else:
        if it["label"] not in intents:
            out.append(f"intent label {it['label']} not a pack intent")
        if not (isinstance(it["confidence"], (int, float)) and 0 <= it["confidence"] <= 1):
            out.append("intent confidence not in 0..1")
    if not isinstance(h["summary"], str) or not h["summary"]:
        out.append("summary empty")
    if not isinstance(h["facts"], list):
        out.append("facts not a list")
    else:
        seen = set()
        for f in h["facts"]:
            if not isinstance(f, dict) or set(f.keys()) != {"name", "value", "source"}:
                out.append("a fact's keys differ")
                continue
            if f["name"] not in fact_names:
                out.append(f"fact {f['name']} not in the pack")
            if f["source"] not in ("caller", "system"):
                out.append(f"fact source {f['source']}")
            if f["name"] in seen:
                out.append(f"fact {f['name']} twice")
            seen.add(f["name"])
    if not isinstance(h["aiAttempts"], list):
        out.append("aiAttempts not a list")
    else:
        for a in h["aiAttempts"]:
            if not isinstance(a, dict) or set(a.keys()) != {"tool", "input", "ok", "result"}:
                out.append("an aiAttempt's keys differ")
            elif not isinstance(a["ok"], bool) or not isinstance(a["input"], dict):
                out.append("aiAttempt ok/input types")
    tr = h["trigger"]
    if not isinstance(tr, dict) or set(tr.keys()) != {"code", "detail"} or tr.get("code") not in TRIGGERS:
        out.append("trigger shape or code")
    if not isinstance(h["nextSteps"], list) or not all(isinstance(s, str) for s in h["nextSteps"]):
        out.append("nextSteps not a list of strings")
    if h["language"] != "en":
        out.append("language not en")
    return out


def damage_kind(raw, fact_names, intents):
    s = raw.lstrip()
    if s.lower().startswith("<!doctype html") or s.lower().startswith("<html"):
        return "html"
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError:
        return "truncated-json" if s.startswith("{") else "not-json"
    if package_problems(obj, fact_names, intents):
        return "wrong-shape"
    return None


# ---------------------------------------------------------------- per call

def check_call(call, fn, pack, articles, facts_by_name, intents, tasks):
    cid = call.get("id", fn)
    want_keys = ["format", "id", "title", "kb", "handoff"] + (["rawHandoff"] if "rawHandoff" in call else []) \
        + ["pickupAtMs", "turns", "truth"]
    if list(call.keys()) != want_keys:
        bad(cid, f"top-level keys {list(call.keys())}")
        return None
    if call["format"] != "call-scenario/1":
        bad(cid, "format")
    if not re.fullmatch(r"b15n-\d{2}-[a-z0-9]+(-[a-z0-9]+)*", cid) or cid + ".json" != fn:
        bad(cid, "id not b15n-NN-slug or not the file name")
    if call["kb"] != "northwind-connect":
        bad(cid, "kb is not northwind-connect")
    if not isinstance(call["title"], str) or len(call["title"]) < 20:
        bad(cid, "title too short")

    h = call["handoff"]
    valid_pkg = h is not None
    damage = None
    if h is not None:
        for p in package_problems(h, facts_by_name, intents):
            bad(cid, f"handoff: {p}")
        if "rawHandoff" in call:
            bad(cid, "rawHandoff given with a valid handoff")
        if call["pickupAtMs"] <= h["packagedAtMs"]:
            bad(cid, "pickup before the package was ready")
    elif "rawHandoff" in call:
        damage = damage_kind(call["rawHandoff"], facts_by_name, intents)
        if damage is None:
            bad(cid, "rawHandoff parses as a valid package but handoff is null")
    else:
        damage = "null"

    turns = call["turns"]
    if not (14 <= len(turns) <= 20):
        bad(cid, f"{len(turns)} turns (want 14-20)")
    last = call["pickupAtMs"]
    speakers = set()
    for i, t in enumerate(turns):
        if set(t.keys()) != {"atMs", "speaker", "text"}:
            bad(cid, f"turn {i} keys")
            continue
        if t["speaker"] not in ("agent", "customer"):
            bad(cid, f"turn {i} speaker")
        speakers.add(t["speaker"])
        if not t["atMs"] > last:
            bad(cid, f"turn {i} time not after the previous one")
        last = t["atMs"]
        if not t["text"].strip():
            bad(cid, f"turn {i} empty")
        if i and turns[i - 1]["speaker"] == t["speaker"]:
            bad(cid, f"turn {i} same speaker twice in a row")
    if speakers != {"agent", "customer"}:
        bad(cid, "both speakers are needed")

    truth = call["truth"]
    if list(truth.keys()) != ["facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"]:
        bad(cid, f"truth keys {list(truth.keys())}")
        return None
    tf = truth["facts"]
    for name, value in tf.items():
        if name not in facts_by_name:
            bad(cid, f"truth fact {name} not in the pack")
            continue
        why = canonical_ok(facts_by_name[name], value)
        if why:
            bad(cid, f"truth fact {name}={value!r}: {why}")

    # package values carried over, or marked wrong
    pkg_vals = {}
    if valid_pkg:
        pkg_vals["customer_name"] = h["caller"]["name"]
        pkg_vals["phone"] = h["caller"]["phone"]
        for f in h["facts"]:
            if f["name"] in pkg_vals and pkg_vals[f["name"]] != f["value"]:
                bad(cid, f"package gives two values for {f['name']}")
            pkg_vals[f["name"]] = f["value"]
            why = canonical_ok(facts_by_name.get(f["name"], {"type": "text"}), f["value"]) \
                if f["name"] in facts_by_name else "unknown fact"
            if why:
                bad(cid, f"package fact {f['name']}={f['value']!r}: {why}")
    errors = truth["contextErrors"]
    err_names = set()
    for e in errors:
        m = re.fullmatch(r"facts\.([a-z_]+)", e)
        if not m:
            bad(cid, f"contextError {e!r} not facts.<name>")
            continue
        err_names.add(m.group(1))
    if len(err_names) != len(errors):
        bad(cid, "contextErrors repeated")
    if not valid_pkg and errors:
        bad(cid, "contextErrors without a valid package")
    for name, pv in pkg_vals.items():
        if name not in tf:
            bad(cid, f"package fact {name} missing from truth facts")
        elif name in err_names:
            if tf[name] == pv:
                bad(cid, f"{name} marked wrong but truth keeps the package value")
        elif tf[name] != pv:
            bad(cid, f"{name}: truth {tf[name]!r} differs from package {pv!r} without a context error")
    for name in err_names:
        if name not in pkg_vals:
            bad(cid, f"contextError facts.{name} but the package has no {name}")

    # values taken from the turns can be found in them
    all_text = " \n ".join(t["text"] for t in turns)
    pkg_text = json.dumps(h) if valid_pkg else ""
    for name, value in tf.items():
        fd = facts_by_name.get(name)
        if not fd:
            continue
        if pkg_vals.get(name) == value:
            continue
        if fd["type"] in ("id", "phone", "postcode", "email"):
            if not any(said(value, fd["type"], t["text"]) for t in turns):
                bad(cid, f"truth {name}={value} not found in any turn")
        if fd["type"] == "name":
            if not all(part.lower() in all_text.lower() for part in value.split()):
                bad(cid, f"truth name {value} not said in the turns")

    # enum / catalogue values: named where they come from, no rival values named
    for name, fd in facts_by_name.items():
        if fd["type"] == "enum":
            values = fd["values"]
        elif fd["type"] == "catalogue":
            values = pack["catalogue"][fd["catalogue"]]
        else:
            continue
        hits = {}
        for v in values:
            for phrase in [v["label"]] + v.get("aliases", []):
                if alias_pattern(phrase).search(all_text.lower()):
                    hits.setdefault(v["value"], []).append(phrase)
        if name in tf:
            if tf[name] not in hits and pkg_vals.get(name) != tf[name]:
                bad(cid, f"truth {name}={tf[name]} never named in the turns")
            rivals = {k: p for k, p in hits.items() if k != tf[name]}
            if rivals and not (name in err_names and set(rivals) == {pkg_vals.get(name)}):
                bad(cid, f"turns also name other {name} values {rivals}")
        elif hits:
            bad(cid, f"turns name {name} values {hits} but the truth has no {name}")

    # repeats
    reps = truth["repeats"]
    if not valid_pkg and reps:
        bad(cid, "repeats without a valid package")
    for r in reps:
        if not (isinstance(r, int) and 0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
            bad(cid, f"repeat {r} is not a customer turn")
    if valid_pkg:
        for i, t in enumerate(turns):
            if t["speaker"] != "customer" or i in reps:
                continue
            for name, pv in pkg_vals.items():
                if name in err_names:
                    continue
                fd = facts_by_name[name]
                hit = said(pv, fd["type"], t["text"])
                if fd["type"] in ("enum", "catalogue"):
                    vals = fd["values"] if fd["type"] == "enum" else pack["catalogue"][fd["catalogue"]]
                    v = next(x for x in vals if x["value"] == pv)
                    hit = any(alias_pattern(p).search(t["text"].lower()) for p in [v["label"]] + v.get("aliases", []))
                if hit:
                    bad(cid, f"customer turn {i} restates package {name} but is not a repeat")

    # kb
    kb = truth["kbSubflows"]
    if not (1 <= len(kb) <= 3) or len(set(kb)) != len(kb):
        bad(cid, "kbSubflows must be 1-3 distinct ids")
    for a in kb:
        if a not in articles:
            bad(cid, f"kbSubflow {a} is not a pack article")

    # hand-back
    hb = truth["handBack"]
    if hb is not None:
        if not isinstance(hb, dict) or set(hb.keys()) != {"task", "allowed"} or not isinstance(hb["allowed"], bool) \
                or not re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", str(hb["task"])):
            bad(cid, f"handBack shape {hb}")
        elif hb["allowed"]:
            task = tasks.get(hb["task"])
            if not task or not task["routine"]:
                bad(cid, f"allowed hand-back {hb['task']} is not a routine pack task")
            else:
                for need in task["needs"]:
                    if need not in tf:
                        bad(cid, f"allowed hand-back {hb['task']} needs {need}, not in the facts")
                if task["verifiedCaller"]:
                    if valid_pkg and not h["caller"]["verified"]:
                        bad(cid, "allowed hand-back for an unverified caller")
                    if not valid_pkg and not any(t["speaker"] == "agent" and "through security" in t["text"] for t in turns):
                        bad(cid, "allowed hand-back without a package: the agent must state the caller passed security")
    if not isinstance(truth["injection"], bool):
        bad(cid, "injection not a boolean")

    return {
        "id": cid,
        "damage": damage,
        "intent": h["intent"]["label"] if valid_pkg else None,
        "errors": err_names,
        "hb": None if hb is None else ("allowed" if hb.get("allowed") else "refused"),
        "injection": truth["injection"],
        "turns": len(turns),
        "facts": len(tf),
        "repeats": reps,
    }


def main():
    pack_path = DEFAULT_PACK
    if "--pack" in sys.argv:
        pack_path = sys.argv[sys.argv.index("--pack") + 1]
    try:
        pack, articles = load_pack(pack_path)
    except OSError as e:
        print(f"check: cannot read the pack at {pack_path}: {e} (use --pack)")
        return 1
    facts_by_name = {f["name"]: f for f in pack["facts"]}
    intents = {i["id"] for i in pack["intents"]}
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}

    # 1. calls/ equals a fresh build
    res = subprocess.run([sys.executable, os.path.join(HERE, "build.py"), "--stdout"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        print("check: build failed:\n" + res.stderr)
        return 1
    built = {c["id"] + ".json": json.dumps(c, ensure_ascii=False, indent=2) + "\n" for c in json.loads(res.stdout)}
    on_disk = sorted(fn for fn in os.listdir(CALLS) if fn.endswith(".json"))
    if sorted(built) != on_disk:
        problems.append(f"calls/ holds {on_disk} but the sources build {sorted(built)}")
    for fn in on_disk:
        with open(os.path.join(CALLS, fn), encoding="utf-8") as f:
            if built.get(fn) != f.read():
                problems.append(f"{fn}: differs from a fresh build (run tools/build.py)")

    # 2. each call
    summaries = []
    for fn in on_disk:
        with open(os.path.join(CALLS, fn), encoding="utf-8") as f:
            call = json.load(f)
        s = check_call(call, fn, pack, articles, facts_by_name, intents, tasks)
        if s:
            summaries.append(s)

    # 3. the set
    if len(on_disk) != 16:
        problems.append(f"set: {len(on_disk)} calls, want 16")
    inj = [s["id"] for s in summaries if s["injection"]]
    if len(inj) != 3:
        problems.append(f"set: {len(inj)} calls with injection, want exactly 3")
    kinds = {s["damage"] for s in summaries if s["damage"]}
    if len(kinds) < 3:
        problems.append(f"set: damaged package kinds {sorted(kinds)}, want >= 3")
    hbs = {s["hb"] for s in summaries}
    if not {"allowed", "refused", None} <= hbs:
        problems.append("set: needs allowed, refused and no hand-back calls")
    err_count = sum(len(s["errors"]) for s in summaries)
    err_types = {e for s in summaries for e in s["errors"]}
    if err_count < 5 or len(err_types) < 4:
        problems.append(f"set: {err_count} context errors over {len(err_types)} fact types, want >= 5 over >= 4")
    pkg_intents = {s["intent"] for s in summaries if s["intent"]}
    if len(pkg_intents) < 8:
        problems.append(f"set: only {len(pkg_intents)} distinct package intents")

    readme = os.path.join(ROOT, "README.md")
    if not os.path.exists(readme) or not os.path.exists(os.path.join(ROOT, "LICENSE")):
        problems.append("README.md or LICENSE missing")
    else:
        with open(readme, encoding="utf-8") as f:
            rtext = f.read()
        rows = {}
        for line in rtext.splitlines():
            if line.startswith("| b15n-"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                rows[cells[0]] = cells
        for s in summaries:
            row = rows.get(s["id"])
            if not row or len(row) != 9:
                problems.append(f"README table has no 9-column row for {s['id']}")
                continue
            want_rep = ", ".join(str(r) for r in s["repeats"]) or "none"
            if row[3] != str(s["turns"]) or row[4] != str(s["facts"]) or row[5] != want_rep:
                problems.append(f"README row {s['id']}: turns/facts/repeats differ from the call")
            if not row[7].startswith("none" if s["hb"] is None else s["hb"]):
                problems.append(f"README row {s['id']}: hand-back column differs")
            if not row[8].startswith("yes" if s["injection"] else "no"):
                problems.append(f"README row {s['id']}: injection column differs")
            errs = sorted(re.findall(r"facts\.[a-z_]+", row[6]))
            if errs != sorted("facts." + e for e in s["errors"]):
                problems.append(f"README row {s['id']}: context error column differs")

    if problems:
        for p in problems:
            print("FAIL " + p)
        print(f"check: {len(problems)} problem(s)")
        return 1
    print(f"check: {len(summaries)} calls OK; injections {len(inj)}; damaged kinds {sorted(kinds)}; "
          f"context errors {err_count} over {sorted(err_types)}; "
          f"hand-back allowed {sum(s['hb'] == 'allowed' for s in summaries)}, "
          f"refused {sum(s['hb'] == 'refused' for s in summaries)}, "
          f"none {sum(s['hb'] is None for s in summaries)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
