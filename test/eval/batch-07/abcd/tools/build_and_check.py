#!/usr/bin/env python3
"""Serialise and check the batch-07 ABCD call scenarios (b7a-*).

This script only
  * serialises the hand-written source (tools/b7a_source.py) to calls/<id>.json,
  * times each turn from its word count and the call's hand-set speaking rate,
  * turns the hand-set R flags into truth.repeats indices,
  * writes labels.md and the counts block of README.md from the hand-written labels,
  * checks format, canonical value forms, consistency and counts.
It never creates utterances, values or labels.

Usage:  python3 tools/build_and_check.py          (build + check; exit 1 on errors)
        python3 tools/build_and_check.py --check  (check existing calls/ only)
Licence: CC0 1.0
"""
import datetime
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALLS_DIR = os.path.join(ROOT, "calls")
ABCD = "/work/shared/data/abcd"
EXAMPLES = "/work/shared/scenarios"
sys.path.insert(0, HERE)

import b7a_source as SRC  # noqa: E402

CALL_DATE = datetime.date(2026, 6, 15)
FACT_NAMES = {"customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
PACKAGE_KEYS = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"]
PARTICLES = {"de", "la", "van", "der", "von", "da", "del", "di", "du", "le", "ter", "ten", "bin", "al"}

ontology = json.load(open(os.path.join(ABCD, "ontology.json")))
FLOWS = ontology["intents"]["flows"]
SUBFLOWS = ontology["intents"]["subflows"]
SUB_TO_FLOW = {s: f for f, subs in SUBFLOWS.items() for s in subs}
ENUM = ontology["values"]["enumerable"]
PRODUCTS = set(ENUM["product"])
LEVELS = set(ENUM["membership_level"])
PAYMENTS = set(ENUM["payment_method"])

errors = []
warnings = []


def err(cid, msg):
    errors.append(f"{cid}: {msg}")


def warn(cid, msg):
    warnings.append(f"{cid}: {msg}")


# ------------------------------------------------------------------ canonical forms
def check_value(cid, name, value, where):
    if not isinstance(value, str) or not value:
        err(cid, f"{where} {name}: empty or not text")
        return
    ok = True
    if name == "email":
        ok = re.fullmatch(r"[a-z0-9][a-z0-9._+-]*@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", value) is not None
    elif name == "phone":
        ok = re.fullmatch(r"\+1[2-9]\d{2}55501\d{2}", value) is not None
    elif name == "amount":
        ok = re.fullmatch(r"\d+\.\d{2} USD", value) is not None
    elif name == "date":
        try:
            ok = datetime.date.fromisoformat(value).isoformat() == value
        except ValueError:
            ok = False
    elif name == "order_id":
        ok = re.fullmatch(r"\d{8,12}", value) is not None
    elif name == "account_id":
        ok = re.fullmatch(r"[A-Z0-9]{6,14}", value) is not None
    elif name == "zip_code":
        ok = re.fullmatch(r"\d{5}", value) is not None
    elif name == "username":
        ok = re.fullmatch(r"[a-z0-9._]{3,30}", value) is not None
    elif name == "customer_name":
        parts = value.split(" ")
        ok = len(parts) >= 2 and all(
            (p in PARTICLES) or re.fullmatch(r"[A-Z][a-z']+(-[A-Z][a-z']+)*", p) for p in parts)
        ok = ok and not re.match(r"(Mr|Mrs|Ms|Miss|Dr|Mister|Missus)\b", value)
    elif name == "street_address":
        ok = re.fullmatch(r"\d+ [A-Z][a-z]+( [A-Z][a-z]+)*", value) is not None
    elif name == "membership_level":
        ok = value in LEVELS
    elif name == "payment_method":
        ok = value in PAYMENTS
    elif name == "product":
        ok = value in PRODUCTS
    if not ok:
        err(cid, f"{where} {name}: non-canonical value {value!r}")


# ------------------------------------------------------------------ build
def words(text):
    return len(re.findall(r"[A-Za-z0-9']+", text))


def build_call(c):
    a_wpm, c_wpm = c["wpm"]
    t = c["pickupAtMs"] + 1800
    turns, repeats = [], []
    prev = None
    for i, tr in enumerate(c["turns"]):
        speaker, text = tr[0], tr[1]
        flags = tr[2] if len(tr) > 2 else ""
        if prev is not None:
            t += 700 if speaker != prev else 450
        spk = {"a": "agent", "c": "customer"}[speaker]
        turns.append({"atMs": int(round(t / 10.0) * 10), "speaker": spk, "text": text})
        if "R" in flags:
            repeats.append(i)
        wpm = a_wpm if speaker == "a" else c_wpm
        t += words(text) * 60000.0 / wpm
        prev = speaker
    out = {
        "format": "call-scenario/1",
        "id": c["id"],
        "title": c["title"],
        "kb": "abcd",
        "handoff": c["handoff"],
    }
    if c["handoff"] is None:
        out["rawHandoff"] = c["rawHandoff"]
    out["pickupAtMs"] = c["pickupAtMs"]
    out["turns"] = turns
    tr = c["truth"]
    out["truth"] = {
        "facts": tr["facts"],
        "repeats": repeats,
        "kbSubflows": tr["kbSubflows"],
        "contextErrors": tr["contextErrors"],
        "handBack": tr["handBack"],
        "injection": tr["injection"],
    }
    return out


# ------------------------------------------------------------------ checks on one serialised call
def package_fact_map(h):
    m = {}
    if h.get("caller", {}).get("name"):
        m.setdefault("customer_name", []).append(("caller.name", h["caller"]["name"]))
    if h.get("caller", {}).get("phone"):
        m.setdefault("phone", []).append(("caller.phone", h["caller"]["phone"]))
    for f in h.get("facts", []):
        m.setdefault(f["name"], []).append(("facts." + f["name"], f["value"]))
    return m


def check_call(d, src):
    cid = d.get("id", "?")
    if d.get("format") != "call-scenario/1":
        err(cid, "format")
    if not re.fullmatch(r"b7a-\d\d-[a-z0-9]+(-[a-z0-9]+)*", cid):
        err(cid, "id not kebab-case with b7a- prefix")
    if d.get("kb") != "abcd":
        err(cid, "kb")
    if not d.get("title"):
        err(cid, "title")
    h = d.get("handoff")
    truth = d["truth"]
    facts = truth["facts"]
    planted = src.get("plantedFacts", {})

    # ---- package
    if h is None:
        raw = d.get("rawHandoff")
        if not raw:
            err(cid, "handoff null without rawHandoff")
        else:
            kind = src.get("damage")
            try:
                parsed = json.loads(raw)
                if kind != "missing_fields":
                    err(cid, f"rawHandoff parses as JSON but damage={kind}")
                missing = [k for k in ("caller", "intent", "facts", "trigger", "nextSteps") if k not in parsed]
                if not missing:
                    err(cid, "rawHandoff parses and has all required fields")
            except json.JSONDecodeError:
                if kind == "missing_fields":
                    err(cid, "missing_fields damage but raw is not JSON")
                if kind == "truncated" and not raw.lstrip().startswith("{"):
                    err(cid, "truncated damage should start like JSON")
                if kind == "non_json" and raw.lstrip().startswith("{"):
                    err(cid, "non_json damage looks like JSON")
        if truth["repeats"]:
            err(cid, "repeats in a call with no valid package")
        if truth["contextErrors"]:
            err(cid, "contextErrors in a call with no valid package")
    else:
        if list(h.keys()) != PACKAGE_KEYS:
            err(cid, f"package keys/order {list(h.keys())}")
        if not re.fullmatch(r"ho_[0-9a-f]{4}", h["handoffId"]):
            err(cid, "handoffId")
        if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]):
            err(cid, f"callSid {h['callSid']} ({len(h['callSid']) - 2} hex)")
        if not (0 < h["packagedAtMs"] - h["triggeredAtMs"] <= 1000):
            err(cid, "packagedAtMs - triggeredAtMs not in (0,1000]")
        if not (0 < d["pickupAtMs"] - h["packagedAtMs"] <= 30000):
            err(cid, "pickup not within 30 s of package")
        cl = h["caller"]
        if set(cl) != {"name", "phone", "verified", "verification"} or not isinstance(cl["verified"], bool):
            err(cid, "caller shape")
        check_value(cid, "customer_name", cl["name"], "caller")
        check_value(cid, "phone", cl["phone"], "caller")
        if h["intent"]["label"] not in SUB_TO_FLOW:
            err(cid, f"intent label {h['intent']['label']}")
        if not (0 < h["intent"]["confidence"] < 1):
            err(cid, "intent confidence")
        if h["trigger"]["code"] not in TRIGGERS:
            err(cid, "trigger code")
        if h["language"] != "en":
            err(cid, "language")
        seen = set()
        for f in h["facts"]:
            if set(f) != {"name", "value", "source"} or f["source"] not in ("caller", "system"):
                err(cid, f"package fact shape {f}")
            if f["name"] not in FACT_NAMES:
                err(cid, f"package fact name {f['name']}")
            if f["name"] in seen:
                err(cid, f"package fact {f['name']} twice")
            seen.add(f["name"])
            if f["name"] not in planted:
                check_value(cid, f["name"], f["value"], "package")
            elif not f["value"].startswith(planted[f["name"]]):
                err(cid, f"planted fact {f['name']} does not start with its clean value")
        for a in h["aiAttempts"]:
            if set(a) != {"tool", "input", "ok", "result"}:
                err(cid, "aiAttempt shape")
        # package vs truth
        ce_expected = set()
        for name, items in package_fact_map(h).items():
            if name not in facts:
                err(cid, f"package fact {name} missing from truth.facts")
                continue
            for where, val in items:
                clean = planted.get(name, val) if where.startswith("facts.") else val
                if clean != facts[name]:
                    ce_expected.add("facts." + name)
        if set(truth["contextErrors"]) != ce_expected:
            err(cid, f"contextErrors {truth['contextErrors']} but mismatches {sorted(ce_expected)}")
        if h["intent"]["label"] not in truth["kbSubflows"]:
            warn(cid, f"intent {h['intent']['label']} not among kbSubflows")

    # ---- turns
    turns = d["turns"]
    if not (15 <= len(turns) <= 20):
        err(cid, f"{len(turns)} turns (want 15-20)")
    last = d["pickupAtMs"]
    for i, t in enumerate(turns):
        if t["speaker"] not in ("agent", "customer") or not t["text"].strip():
            err(cid, f"turn {i} shape")
        if t["atMs"] <= last:
            err(cid, f"turn {i} time not increasing")
        last = t["atMs"]
        if re.search(r"[\u0000-\u001f\u202a-\u202e]", t["text"]):
            err(cid, f"turn {i} control characters")
    for i in truth["repeats"]:
        if turns[i]["speaker"] != "customer":
            err(cid, f"repeat {i} is not a customer turn")
    for i, tr in enumerate(src["turns"]):
        flags = tr[2] if len(tr) > 2 else ""
        if set(flags) - set("RBKEINH"):
            err(cid, f"turn {i} unknown flag {flags}")
        if tr[0] == "a" and set(flags) & set("RKE"):
            err(cid, f"turn {i} agent turn has customer flag {flags}")
        if tr[0] == "c" and "B" in flags:
            err(cid, f"turn {i} customer turn has B flag")

    # ---- truth
    if set(truth) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
        err(cid, "truth keys")
    for name, val in facts.items():
        if name not in FACT_NAMES:
            err(cid, f"truth fact name {name}")
        check_value(cid, name, val, "truth")
    for s in truth["kbSubflows"]:
        if s not in SUB_TO_FLOW:
            err(cid, f"kbSubflow {s}")
    if truth["kbSubflows"] and SUB_TO_FLOW.get(truth["kbSubflows"][0]) != src["flow"]:
        err(cid, f"flow {src['flow']} does not match first kbSubflow {truth['kbSubflows'][0]}")
    hb = truth["handBack"]
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not re.fullmatch(r"[a-z][a-z0-9_]*", hb["task"]) \
                or not isinstance(hb["allowed"], bool):
            err(cid, "handBack shape")
        if not any("H" in (tr[2] if len(tr) > 2 else "") for tr in src["turns"]):
            err(cid, "handBack set but no H-flagged turn")
    if not isinstance(truth["injection"], bool):
        err(cid, "injection")
    has_i_flag = any("I" in (tr[2] if len(tr) > 2 else "") for tr in src["turns"])
    where = SRC.REVIEW.get(cid, {}).get("injectionWhere")
    if truth["injection"] != bool(where):
        err(cid, "injection true iff REVIEW.injectionWhere is set")
    if has_i_flag and not truth["injection"]:
        err(cid, "I-flagged turn but injection false")
    if where and "customer" in where and not has_i_flag:
        err(cid, "injection where=customer but no I-flagged turn")

    # ---- spoken evidence for digit facts not carried by a valid package (warnings only)
    pk = package_fact_map(h) if h else {}
    blob = [spoken_digits(t["text"]) for t in turns]
    for name in ("phone", "order_id", "zip_code"):
        if name in facts and (name not in pk or ("facts." + name) in truth["contextErrors"]):
            v = facts[name][-10:] if name == "phone" else facts[name]
            if not any(v in b for b in blob):
                warn(cid, f"{name} {facts[name]} not found as a digit run in any turn")
    if "account_id" in facts and "account_id" not in pk:
        if not any(facts["account_id"] in spoken_alnum(t["text"]) for t in turns):
            warn(cid, f"account_id {facts['account_id']} not found spelled in any turn")
    if "date" in facts:
        dt = datetime.date.fromisoformat(facts["date"])
        if abs((dt - CALL_DATE).days) > 200:
            warn(cid, f"date {dt} far from the call date")


DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
               "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def spoken_digits(text):
    out = []
    for tok in re.findall(r"[a-z]+|\d+", text.lower()):
        if tok.isdigit():
            out.append(tok)
        elif tok in DIGIT_WORDS:
            out.append(DIGIT_WORDS[tok])
    return "".join(out)


def spoken_alnum(text):
    out = []
    toks = re.findall(r"[A-Za-z]+|\d+", text)
    skip = 0
    for i, tok in enumerate(toks):
        if skip:
            skip -= 1
            continue
        low = tok.lower()
        if tok.isdigit():
            out.append(tok)
        elif low in DIGIT_WORDS and low not in ("o",):
            out.append(DIGIT_WORDS[low])
        elif len(tok) == 1:
            out.append(tok.upper())
            if i + 2 < len(toks) and toks[i + 1].lower() == "as" and toks[i + 2].lower() == "in":
                skip = 3
    return "".join(out)


# ------------------------------------------------------------------ whole-set checks
def check_set(built):
    by_id = {d["id"]: d for d in built}
    if len(by_id) != len(built):
        err("set", "duplicate ids")
    titles = Counter(d["title"] for d in built)
    for t, n in titles.items():
        if n > 1:
            err("set", f"duplicate title {t}")
    norm = lambda s: re.sub(r"[^a-z0-9 ]", "", s.lower()).strip()
    seen = {}
    for d in built:
        for i, t in enumerate(d["turns"]):
            k = norm(t["text"])
            if len(k.split()) >= 3 and k in seen:
                err(d["id"], f"turn {i} duplicates {seen[k]}")
            seen.setdefault(k, f"{d['id']} turn {i}")
    for fn in sorted(os.listdir(EXAMPLES)):
        if fn.endswith(".json"):
            ex = json.load(open(os.path.join(EXAMPLES, fn)))
            for t in ex.get("turns", []):
                k = norm(t["text"])
                if len(k.split()) >= 4 and k in seen:
                    err("set", f"{seen[k]} copies example {fn}")


def counts(built):
    c = Counter()
    flows = Counter()
    rows = []
    for d in built:
        src = SRC_BY_ID[d["id"]]
        tr = d["truth"]
        flows[src["flow"]] += 1
        flags = "".join(t[2] if len(t) > 2 else "" for t in src["turns"])
        valid = d["handoff"] is not None
        ce = bool(tr["contextErrors"])
        readback = valid and not ce and "B" in flags and "K" in flags
        hb = tr["handBack"]
        c["calls"] += 1
        c["turns"] += len(d["turns"])
        c["valid_package"] += valid
        if not valid:
            c["damaged_" + src["damage"]] += 1
        c["context_error_calls"] += ce
        c["context_error_fields"] += len(tr["contextErrors"])
        c["readback_confirmed_no_error"] += readback
        c["valid_with_repeats"] += valid and bool(tr["repeats"])
        c["repeat_turns"] += len(tr["repeats"])
        c["injection"] += tr["injection"]
        c["innocent_talk"] += ("N" in flags)
        c["innocent_talk_non_injection"] += ("N" in flags) and not tr["injection"]
        c["handback_allowed"] += bool(hb) and hb["allowed"]
        c["handback_refused"] += bool(hb) and not hb["allowed"]
        c["handback_null"] += hb is None
        c["facts"] += len(tr["facts"])
        rows.append((d, src, flags, readback))
    return c, flows, rows


EXPECT = {
    "calls": 24, "context_error_calls": 7, "injection": 4,
    "handback_allowed": 7, "handback_refused": 9, "handback_null": 8,
    "damaged_truncated": 1, "damaged_missing_fields": 1, "damaged_non_json": 1,
}
AT_LEAST = {"readback_confirmed_no_error": 8, "innocent_talk_non_injection": 8}


def write_labels(rows, path):
    L = ["# Labels: batch-07 ABCD calls (b7a-*)", "",
         "One row per call, written for a human reviewer. `R` = repeat turn indices (customer restating a value the "
         "valid package already had). Read-back = the agent read a package value and the caller confirmed it with no "
         "error. Innocent = talk of robots, systems, supervisors, overrides, notes, the computer (not steering). "
         "Turn indices are 0-based, after pickup.", "",
         "| # | id | flow / kbSubflows | package | context errors | repeats | read-back (no error) | steering | "
         "innocent talk | hand-back | caller |",
         "|---|---|---|---|---|---|---|---|---|---|---|"]
    for n, (d, src, flags, readback) in enumerate(rows, 1):
        tr = d["truth"]
        pkg = "valid" if d["handoff"] else "DAMAGED: " + src["damage"].replace("_", " ")
        ce = ", ".join(f"`{x}`" for x in tr["contextErrors"]) or "-"
        rp = ", ".join(str(i) for i in tr["repeats"]) or "-"
        rb_idx = [str(i) for i, t in enumerate(src["turns"]) if len(t) > 2 and "K" in t[2]]
        rb = ("yes (confirm at " + ", ".join(rb_idx) + ")") if readback else "-"
        inj = ", ".join(SRC.REVIEW.get(d["id"], {}).get("injectionWhere", [])) or "-"
        inn = ", ".join(str(i) for i, t in enumerate(src["turns"]) if len(t) > 2 and "N" in t[2]) or "-"
        hb = tr["handBack"]
        why = SRC.REVIEW.get(d["id"], {}).get("handBackWhy", "")
        hbs = "-" if hb is None else ("ALLOWED" if hb["allowed"] else "REFUSED") + f" `{hb['task']}`" + (
            f" ({why})" if why else "")
        L.append(f"| {n} | `{d['id']}` | {src['flow']} / {', '.join(tr['kbSubflows'])} | {pkg} | {ce} | {rp} | "
                 f"{rb} | {inj} | {inn} | {hbs} | {src['speaker']} |")
    L += ["", "## Facts and notes per call", ""]
    for d, src, flags, readback in rows:
        tr = d["truth"]
        L.append(f"### `{d['id']}`")
        L.append("")
        L.append(f"{d['title']}.")
        L.append("")
        L.append("Facts: " + "; ".join(f"{k} = `{v}`" for k, v in tr["facts"].items()))
        L.append("")
        L.append("Note: " + src["note"])
        L.append("")
    open(path, "w").write("\n".join(L))


def write_readme_counts(c, flows, path):
    text = open(path).read()
    start, end = "<!-- counts:start -->", "<!-- counts:end -->"
    if start not in text or end not in text:
        err("README", "counts markers missing")
        return
    block = [start, "", "| measure | count |", "|---|---|"]
    names = [("calls", "calls"), ("turns", "turns after pickup"), ("facts", "truth facts"),
             ("valid_package", "valid packages"), ("damaged_truncated", "damaged: truncated JSON"),
             ("damaged_missing_fields", "damaged: required fields missing"),
             ("damaged_non_json", "damaged: non-JSON body"),
             ("context_error_calls", "calls with a context error"),
             ("context_error_fields", "context-error fields"),
             ("readback_confirmed_no_error", "calls with a read-back confirmed (no error)"),
             ("valid_with_repeats", "valid-package calls with repeats"), ("repeat_turns", "repeat turns"),
             ("injection", "steering attempts (calls)"),
             ("innocent_talk_non_injection", "innocent robot/system/supervisor/notes talk (non-steering calls)"),
             ("handback_allowed", "hand-back allowed"), ("handback_refused", "hand-back refused"),
             ("handback_null", "no hand-back")]
    for k, label in names:
        block.append(f"| {label} | {c[k]} |")
    block += ["", "| flow | calls |", "|---|---|"]
    for f in FLOWS:
        block.append(f"| {f} | {flows[f]} |")
    block += ["", end]
    new = text[:text.index(start)] + "\n".join(block) + text[text.index(end) + len(end):]
    open(path, "w").write(new)


SRC_BY_ID = {c["id"]: c for c in SRC.CALLS}


def main():
    check_only = "--check" in sys.argv
    built = []
    if check_only:
        for c in SRC.CALLS:
            built.append(json.load(open(os.path.join(CALLS_DIR, c["id"] + ".json"))))
    else:
        os.makedirs(CALLS_DIR, exist_ok=True)
        for old in os.listdir(CALLS_DIR):
            if old.startswith("b7a-") and old.endswith(".json"):
                os.remove(os.path.join(CALLS_DIR, old))
        for c in SRC.CALLS:
            d = build_call(c)
            built.append(d)
            with open(os.path.join(CALLS_DIR, c["id"] + ".json"), "w") as fh:
                json.dump(d, fh, indent=2, ensure_ascii=False)
                fh.write("\n")
    for d in built:
        check_call(d, SRC_BY_ID[d["id"]])
    check_set(built)
    c, flows, rows = counts(built)
    for f in FLOWS:
        if flows[f] == 0:
            err("set", f"flow {f} not covered")
    for k, v in EXPECT.items():
        if c[k] != v:
            err("set", f"count {k} = {c[k]}, expected {v}")
    for k, v in AT_LEAST.items():
        if c[k] < v:
            err("set", f"count {k} = {c[k]}, expected at least {v}")
    if c["valid_with_repeats"] * 2 <= c["valid_package"]:
        err("set", "repeats not in most valid-package calls")
    if not check_only:
        write_labels(rows, os.path.join(ROOT, "labels.md"))
        write_readme_counts(c, flows, os.path.join(ROOT, "README.md"))
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(json.dumps(dict(c), indent=1, sort_keys=True))
    print("flows:", dict(flows))
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
