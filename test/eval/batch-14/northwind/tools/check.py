#!/usr/bin/env python3
"""Check the batch: exits 0 when every call is well formed and the batch mix is as intended.

    python3 tools/check.py            # check everything
    python3 tools/check.py --table    # print the README table computed from the calls

Checks: call-scenario/1 shape and package wire shape; pack vocabulary (fact names, enum and
catalogue values, intents, articles, hand-back tasks) read from the Northwind Connect pack;
canonical value forms; fictional phone ranges; truth consistency with the package (package
facts carried or flagged as context errors, repeats only on customer turns of valid
packages, damaged packages carry no repeats or errors); a spoken-form sanity check that each
repeat and each fact taken from the turns can be found in the text; the batch mix (counts of
errors, damaged packages, hand-back decisions, injections); that calls/ is exactly what
tools/build.py makes from src/; and that the README table matches the calls.
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import build  # noqa: E402

PACK_DIRS = [
    os.environ.get("NORTHWIND_PACK", ""),
    "/work/main/resources/packs/northwind-connect",
]
CALL_DAY = datetime.date(2026, 6, 15)
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
PHONE_RANGES = [
    re.compile(r"^\+447700900\d{3}$"),
    re.compile(r"^\+442079460\d{3}$"),
    re.compile(r"^\+35315550\d{3}$"),
    re.compile(r"^\+61491000\d{3}$"),
    re.compile(r"^\+1\d{3}55501\d{2}$"),
]
FILE_RE = re.compile(r"^b14n-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.json$")

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


# ---------------------------------------------------------------- pack

def load_pack():
    for d in PACK_DIRS:
        if d and os.path.isfile(os.path.join(d, "pack.json")):
            with open(os.path.join(d, "pack.json"), encoding="utf-8") as f:
                pack = json.load(f)
            arts = set()
            for name in os.listdir(os.path.join(d, "articles")):
                if name.endswith(".md"):
                    with open(os.path.join(d, "articles", name), encoding="utf-8") as f:
                        m = re.search(r"^id:\s*(\S+)", f.read(), re.M)
                    arts.add(m.group(1) if m else name[:-3])
            return pack, arts
    return None, None


# ---------------------------------------------------------------- spoken forms

UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
       "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
       "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
       "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
NUMWORDS = set(UNITS) | set(TEENS) | set(TENS) | set(ORD)


def spoken_tokens(text):
    """Lower-case tokens with spoken numbers turned into digits ("double oh" -> "00")."""
    toks = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t in ("double", "triple") and nxt in UNITS:
            out.append(str(UNITS[nxt]) * (2 if t == "double" else 3))
            i += 2
            continue
        if t in TENS:
            v = TENS[t]
            i += 1
            if i < len(toks) and toks[i] in UNITS and toks[i] not in ("zero", "oh"):
                v += UNITS[toks[i]]
                i += 1
            elif i < len(toks) and toks[i] in ORD and ORD[toks[i]] < 10:
                v += ORD[toks[i]]
                i += 1
            out.append(str(v))
            continue
        if t in UNITS:
            v = UNITS[t]
            i += 1
            if i < len(toks) and toks[i] == "thousand":
                v *= 1000
                i += 1
                if i + 1 < len(toks) and toks[i] in UNITS and toks[i + 1] == "hundred":
                    v += UNITS[toks[i]] * 100
                    i += 2
            elif i < len(toks) and toks[i] == "hundred":
                v *= 100
                i += 1
            out.append(str(v))
            continue
        if t in TEENS:
            out.append(str(TEENS[t]))
        elif t in ORD:
            out.append(str(ORD[t]))
        elif t == "hundred":
            out.append("100")
        else:
            out.append(t)
        i += 1
    return out


def compact(text):
    return "".join(spoken_tokens(text))


def found_in(name, value, text, pack_enum, facts_meta):
    """Is the value findable in this text, in any of the spoken forms used in the batch?"""
    toks = spoken_tokens(text)
    c = "".join(toks)
    low = text.lower()
    ftype = facts_meta.get(name, {}).get("type")
    if ftype == "phone":
        national = "0" + value[3:] if value.startswith("+44") else value.lstrip("+")
        return national in c or value.lstrip("+") in c
    if ftype in ("id", "postcode"):
        v = value.replace(" ", "").lower()
        return v in c or re.sub(r"^[a-z]+", "", v) in c
    if ftype == "email":
        cc = "".join(t for t in toks if t not in ("dot", "at", "all", "word"))
        return re.sub(r"[^a-z0-9]", "", value) in cc or value in low
    if ftype == "amount":
        pounds, pence = value.split()[0].split(".")
        seq = " " + " ".join(t for t in toks if t not in ("pound", "pounds", "quid", "and", "p")) + " "
        whole = [pounds]
        if len(pounds) > 3:  # "2,400" is said or written in two groups
            whole.append(pounds[:-3] + " " + pounds[-3:])
        for w in whole:
            if pence == "00" and f" {w} " in seq:
                return True
            if f" {w} {pence} " in seq:
                return True
        return False
    if ftype == "date":
        d = datetime.date.fromisoformat(value)
        rel = {CALL_DAY - datetime.timedelta(days=1): "yesterday",
               CALL_DAY + datetime.timedelta(days=1): "tomorrow"}
        return str(d.day) in toks or (d in rel and rel[d] in toks)
    if ftype in ("enum", "catalogue"):
        forms = pack_enum.get((name, value), [])
        return any(f.lower() in low for f in forms)
    if ftype in ("name",):
        return value.split()[-1].lower() in low or value.split()[-1].lower() in c
    if ftype == "address":
        return re.sub(r"[^a-z0-9]", "", value.lower()) in c
    return True  # free text (access notes): not checked


# ---------------------------------------------------------------- one call

def check_value(where, name, value, facts_meta, enum_values):
    meta = facts_meta.get(name)
    if meta is None:
        bad(where, f"fact {name} is not a Northwind Connect fact")
        return
    if not isinstance(value, str) or not value.strip():
        bad(where, f"fact {name} must be a non-empty string")
        return
    t = meta["type"]
    if t in ("id", "postcode") and meta.get("pattern") and not re.match(meta["pattern"], value):
        bad(where, f"{name} {value!r} does not match {meta['pattern']}")
    if t == "phone":
        if not re.match(r"^\+\d{8,15}$", value):
            bad(where, f"{name} {value!r} is not E.164")
        elif not any(r.match(value) for r in PHONE_RANGES):
            bad(where, f"{name} {value!r} is outside the fictional ranges")
    if t == "email" and (value != value.lower() or not re.match(r"^[a-z0-9._+-]+@[a-z0-9.-]+\.[a-z]+$", value)):
        bad(where, f"email {value!r} is not a lower-case address")
    if t == "amount" and not re.match(r"^\d+\.\d{2} GBP$", value):
        bad(where, f"amount {value!r} is not '12.50 GBP'")
    if t == "date":
        try:
            d = datetime.date.fromisoformat(value)
            if not (datetime.date(2025, 1, 1) <= d <= datetime.date(2027, 12, 31)):
                bad(where, f"date {value} is implausible for a call on {CALL_DAY}")
        except ValueError:
            bad(where, f"date {value!r} is not YYYY-MM-DD")
    if t in ("enum", "catalogue") and value not in enum_values.get(name, set()):
        bad(where, f"{name} {value!r} is not a pack value")
    if t == "postcode" and value != value.upper():
        bad(where, f"postcode {value!r} must be upper case")


def package_state(call):
    if call.get("handoff") is not None:
        return "valid"
    raw = call.get("rawHandoff")
    if raw is None:
        return "missing (null)"
    if raw.lstrip().startswith("<"):
        return "HTML error page"
    try:
        json.loads(raw)
        return "old shape"
    except json.JSONDecodeError:
        return "truncated JSON"


def check_handoff(where, h, facts_meta, enum_values, intents):
    need = {"handoffId": str, "callSid": str, "triggeredAtMs": int, "packagedAtMs": int,
            "caller": dict, "intent": dict, "summary": str, "facts": list, "aiAttempts": list,
            "trigger": dict, "nextSteps": list, "language": str}
    for k, ty in need.items():
        if not isinstance(h.get(k), ty):
            bad(where, f"handoff.{k} missing or not {ty.__name__}")
    extra = set(h) - set(need)
    if extra:
        bad(where, f"handoff has unknown keys {sorted(extra)}")
    if not re.match(r"^ho_[0-9a-f]{4}$", str(h.get("handoffId"))):
        bad(where, "handoffId must look like ho_1a2b")
    if not re.match(r"^CA[0-9a-f]{32}$", str(h.get("callSid"))):
        bad(where, f"callSid {h.get('callSid')!r} must be CA + 32 hex")
    c = h.get("caller", {})
    if set(c) != {"name", "phone", "verified", "verification"} or not isinstance(c.get("verified"), bool):
        bad(where, "caller must have name, phone, verified (bool), verification")
    i = h.get("intent", {})
    if i.get("label") not in intents:
        bad(where, f"intent {i.get('label')!r} is not a pack intent")
    if not (isinstance(i.get("confidence"), (int, float)) and 0 < i["confidence"] <= 1):
        bad(where, "intent.confidence must be in (0, 1]")
    if h.get("trigger", {}).get("code") not in TRIGGERS:
        bad(where, f"trigger code {h.get('trigger', {}).get('code')!r} unknown")
    if not isinstance(h.get("trigger", {}).get("detail"), str):
        bad(where, "trigger.detail missing")
    for a in h.get("aiAttempts", []):
        if set(a) != {"tool", "input", "ok", "result"} or not isinstance(a.get("ok"), bool):
            bad(where, f"aiAttempt {a} must have tool, input, ok, result")
    names = set()
    for f in h.get("facts", []):
        if set(f) != {"name", "value", "source"} or f.get("source") not in ("caller", "system"):
            bad(where, f"package fact {f} must have name, value, source caller|system")
            continue
        if f["name"] in names:
            bad(where, f"package fact {f['name']} twice")
        names.add(f["name"])
        check_value(where + " package", f["name"], f["value"], facts_meta, enum_values)
    if h.get("language") != "en":
        bad(where, "language must be en")


def package_facts(h):
    out = {}
    if h is None:
        return out
    out["customer_name"] = h["caller"]["name"]
    out["phone"] = h["caller"]["phone"]
    for f in h["facts"]:
        out[f["name"]] = f["value"]
    return out


def check_call(fname, call, rep_facts, pack, articles, facts_meta, enum_values, pack_enum):
    where = fname
    keys = ["format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"]
    allowed_keys = set(keys) | {"rawHandoff"}
    for k in keys:
        if k not in call:
            bad(where, f"missing {k}")
    if set(call) - allowed_keys:
        bad(where, f"unknown keys {sorted(set(call) - allowed_keys)}")
    if call.get("format") != "call-scenario/1":
        bad(where, "format must be call-scenario/1")
    if call.get("kb") != "northwind-connect":
        bad(where, "kb must be northwind-connect")
    if call.get("id") != fname[:-5]:
        bad(where, "id must equal the file name without .json")
    h = call.get("handoff")
    state = package_state(call)
    if h is not None:
        if "rawHandoff" in call:
            bad(where, "rawHandoff only when handoff is null")
        check_handoff(where, h, facts_meta, enum_values, {x["id"] for x in pack["intents"]})
        if not (h["triggeredAtMs"] < h["packagedAtMs"] < call["pickupAtMs"]):
            bad(where, "need triggeredAtMs < packagedAtMs < pickupAtMs")
    elif state == "old shape":
        raw = json.loads(call["rawHandoff"])
        if isinstance(raw, dict) and {"handoffId", "caller", "facts"} <= set(raw):
            bad(where, "the old-shape package looks like a current package")

    turns = call.get("turns", [])
    if not (14 <= len(turns) <= 20):
        bad(where, f"{len(turns)} turns; want 14 to 20")
    if {t["speaker"] for t in turns} != {"agent", "customer"}:
        bad(where, "both speakers must talk")
    last = call.get("pickupAtMs", 0)
    for n, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"}:
            bad(where, f"turn {n} keys")
        if t["atMs"] <= last:
            bad(where, f"turn {n} atMs {t['atMs']} not after {last}")
        if n > 0:
            words = len(turns[n - 1]["text"].split())
            gap = (t["atMs"] - turns[n - 1]["atMs"]) / 1000
            if gap < words / 5.0 or gap > words / 1.2 + 6:
                bad(where, f"turn {n - 1}: {words} words in {gap:.1f}s is not a speaking pace")
        last = t["atMs"]
        if t["text"] != t["text"].strip() or not t["text"]:
            bad(where, f"turn {n} text empty or padded")
    text_all = " ".join(t["text"] for t in turns)

    tr = call.get("truth", {})
    if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
        bad(where, f"truth keys {sorted(tr)}")
        return state
    for k, v in tr["facts"].items():
        check_value(where + " truth", k, v, facts_meta, enum_values)
    if not (1 <= len(tr["kbSubflows"]) <= 3) or not set(tr["kbSubflows"]) <= articles:
        bad(where, f"kbSubflows {tr['kbSubflows']} must be 1-3 pack article ids")
    hb = tr["handBack"]
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not re.match(r"^[a-z][a-z0-9_]*$", hb["task"]):
            bad(where, f"handBack {hb} malformed")
        elif hb["allowed"] and not tasks.get(hb["task"], {}).get("routine"):
            bad(where, f"hand-back {hb['task']} allowed but it is not a routine pack task")
    if not isinstance(tr["injection"], bool):
        bad(where, "injection must be a bool")

    pf = package_facts(h)
    errs = tr["contextErrors"]
    for e in errs:
        name = e[len("facts."):] if e.startswith("facts.") else None
        if name not in pf:
            bad(where, f"context error {e} names no package fact")
        elif tr["facts"].get(name) == pf[name]:
            bad(where, f"context error {e} but truth keeps the package value")
    for name, v in pf.items():
        if f"facts.{name}" in errs:
            continue
        if tr["facts"].get(name) != v:
            bad(where, f"package fact {name}={v!r} missing from truth or changed without a context error")
    if h is None and (tr["repeats"] or errs):
        bad(where, "a damaged or missing package can have no repeats or context errors")
    for idx in tr["repeats"]:
        if not (0 <= idx < len(turns)) or turns[idx]["speaker"] != "customer":
            bad(where, f"repeat {idx} is not a customer turn")
            continue
        for name in rep_facts.get(idx, []):
            if name not in pf:
                bad(where, f"repeat {idx} names {name}, which the package does not hold")
            elif f"facts.{name}" in errs:
                bad(where, f"repeat {idx} restates {name}, a wrong package value")
            elif not found_in(name, pf[name], turns[idx]["text"], pack_enum, facts_meta):
                bad(where, f"repeat {idx}: {name} {pf[name]!r} not found in {turns[idx]['text']!r}")
    for name, v in tr["facts"].items():
        if name in pf and pf[name] == v:
            continue  # carried by the valid package
        if not found_in(name, v, text_all, pack_enum, facts_meta):
            bad(where, f"truth fact {name}={v!r} cannot be found in the turns")
    return state


# ---------------------------------------------------------------- README table

def table_rows(calls):
    rows = []
    for fname, (call, _, _) in sorted(calls.items()):
        tr = call["truth"]
        intent = call["handoff"]["intent"]["label"] if call["handoff"] else "—"
        hb = tr["handBack"]
        rows.append([
            fname[:-5],
            f"{intent} / {', '.join(tr['kbSubflows'])}",
            package_state(call),
            str(len(call["turns"])),
            str(len(tr["facts"])),
            ", ".join(map(str, tr["repeats"])) or "—",
            ", ".join(tr["contextErrors"]) or "—",
            f"{hb['task']} {'allowed' if hb['allowed'] else 'refused'}" if hb else "—",
            "yes" if tr["injection"] else "no",
        ])
    return rows


HEAD = ["call", "intent / kb subflows", "package", "turns", "facts", "repeats",
        "context error", "hand-back", "injection"]


def format_table(rows):
    lines = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    for r in rows:
        lines.append("| " + " | ".join(r) + " |")
    return "\n".join(lines)


def check_readme(rows):
    path = os.path.join(ROOT, "README.md")
    if not os.path.isfile(path):
        bad("README.md", "missing")
        return
    got = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("| b14n-"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                got[cells[0]] = cells
    for r in rows:
        cells = got.get(r[0])
        if cells is None:
            bad("README.md", f"no table row for {r[0]}")
            continue
        if cells[:8] != r[:8] or not cells[8].startswith(r[8]):
            bad("README.md", f"row {r[0]} is {cells}, the call says {r}")
    for k in set(got) - {r[0] for r in rows}:
        bad("README.md", f"table row {k} has no call")


# ---------------------------------------------------------------- main

def main():
    pack, articles = load_pack()
    if pack is None:
        print("check: the Northwind Connect pack was not found (set NORTHWIND_PACK)", file=sys.stderr)
        return 2
    facts_meta = {f["name"]: f for f in pack["facts"]}
    enum_values, pack_enum = {}, {}
    for f in pack["facts"]:
        vals = f.get("values") or pack.get("catalogue", {}).get(f.get("catalogue"), [])
        if vals:
            enum_values[f["name"]] = {v["value"] for v in vals}
            for v in vals:
                pack_enum[(f["name"], v["value"])] = [v["label"]] + v.get("aliases", [])

    try:
        built = build.build_all()
    except build.SourceError as e:
        print(f"check: {e}", file=sys.stderr)
        return 1

    if "--table" in sys.argv:
        print(format_table(table_rows(built)))
        return 0

    out_dir = os.path.join(ROOT, "calls")
    on_disk = sorted(f for f in os.listdir(out_dir) if f.endswith(".json"))
    if on_disk != sorted(built):
        bad("calls/", f"files {on_disk} differ from sources {sorted(built)}")
    for name, (_, _, text) in built.items():
        p = os.path.join(out_dir, name)
        if os.path.isfile(p):
            with open(p, encoding="utf-8") as f:
                if f.read() != text:
                    bad(name, "differs from what tools/build.py makes; run the build")

    nums = []
    states, ids = {}, set()
    for fname, (call, rep, _) in sorted(built.items()):
        m = FILE_RE.match(fname)
        if not m:
            bad(fname, "file name must be b14n-NN-<slug>.json")
        else:
            nums.append(int(m.group(1)))
        if call["id"] in ids:
            bad(fname, "duplicate id")
        ids.add(call["id"])
        states[fname] = check_call(fname, call, rep, pack, articles, facts_meta, enum_values, pack_enum)
        src = os.path.join(ROOT, "src", fname[:-5] + ".txt")
        if not os.path.isfile(src):
            bad(fname, "source missing")
    if sorted(nums) != list(range(1, len(built) + 1)):
        bad("calls/", f"numbers {sorted(nums)} must run 01..{len(built)}")

    truths = [c["truth"] for c, _, _ in built.values()]
    n_err = sum(len(t["contextErrors"]) for t in truths)
    err_types = {facts_meta[e[6:]]["type"] for t in truths for e in t["contextErrors"] if e[6:] in facts_meta}
    damaged = sum(1 for s in states.values() if s != "valid")
    allowed = sum(1 for t in truths if t["handBack"] and t["handBack"]["allowed"])
    refused = sum(1 for t in truths if t["handBack"] and not t["handBack"]["allowed"])
    none = sum(1 for t in truths if t["handBack"] is None)
    inj = sum(1 for t in truths if t["injection"])
    intents = {c["handoff"]["intent"]["label"] for c, _, _ in built.values() if c["handoff"]}
    if len(built) != 16:
        bad("batch", f"{len(built)} calls; want 16")
    if not 5 <= n_err <= 6 or len(err_types) < 5:
        bad("batch", f"{n_err} context errors over types {sorted(err_types)}; want 5-6 over 5+ types")
    if not 2 <= damaged <= 3:
        bad("batch", f"{damaged} damaged packages; want 2-3")
    if not (5 <= allowed <= 7 and 4 <= refused <= 6 and 4 <= none <= 6):
        bad("batch", f"hand-back allowed {allowed} refused {refused} none {none}")
    if inj != 3:
        bad("batch", f"{inj} injections; want exactly 3")
    check_readme(table_rows(built))

    if problems:
        for p in problems:
            print("FAIL", p)
        print(f"check: {len(problems)} problem(s)")
        return 1
    print(f"check: ok - {len(built)} calls; context errors {n_err} ({', '.join(sorted(err_types))}); "
          f"damaged {damaged}; hand-back allowed {allowed} / refused {refused} / none {none}; "
          f"injections {inj}; package intents {len(intents)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
