#!/usr/bin/env python3
"""Serialise and check the batch-06 ABCD call scenarios (b6a-*).

Every utterance, value and label lives in calls_*.py, written by hand. This script only
  * turns each hand-written call into call-scenario/1 JSON (ids, call clock, file layout),
  * checks format, canonical forms and the consistency of the labels,
  * writes calls/b6a-*.json and labels.md (the table pasted into README.md).

Run:  python3 tools/build.py            (build + check, exit 1 on any error)
      python3 tools/build.py --check    (check the JSON already in calls/ only)
"""
import hashlib
import json
import os
import random
import re
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "calls")
sys.path.insert(0, HERE)

PACK = "/work/main/resources/packs/abcd-store/pack.json"
ONTOLOGY = "/work/shared/data/abcd/ontology.json"

FACT_NAMES = ["customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"]
TRIGGERS = ["customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"]
CALL_DATE = date(2026, 6, 15)


# ---------------------------------------------------------------- building

def _hex(seed, n):
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def build_handoff(c):
    p = c["pkg"]
    name, phone, verified, verification = p["caller"]
    trig = c["trig"]
    return {
        "handoffId": "ho_" + _hex(c["id"] + "/ho", 4),
        "callSid": "CA" + _hex(c["id"] + "/sid", 32),
        "triggeredAtMs": trig,
        "packagedAtMs": trig + c.get("pack_delay", 420),
        "caller": {"name": name, "phone": phone, "verified": verified, "verification": verification},
        "intent": {"label": p["intent"][0], "confidence": p["intent"][1]},
        "summary": p["summary"],
        "facts": [{"name": n, "value": v, "source": s} for (n, v, s) in p["facts"]],
        "aiAttempts": [{"tool": t, "input": i, "ok": ok, "result": r} for (t, i, ok, r) in p["attempts"]],
        "trigger": {"code": p["trigger"][0], "detail": p["trigger"][1]},
        "nextSteps": p["next"],
        "language": "en",
    }


def time_turns(c, pickup):
    rnd = random.Random(c["id"])
    rate = c.get("rate", 1.0)          # <1 slower speakers (elderly), >1 rushed
    t = pickup + rnd.randint(1500, 3200)
    out = []
    for turn in c["turns"]:
        spk, text = turn[0], turn[1]
        out.append({"atMs": t, "speaker": "agent" if spk == "A" else "customer", "text": text})
        words = len(text.split())
        r = rate if spk == "C" else 1.0
        dur = int(words * 370 / r) + 300
        gap = rnd.randint(450, 1400)
        t += dur + gap
    return out


def build(c):
    turns_src = c["turns"]
    handoff = build_handoff(c) if c.get("pkg") else None
    if handoff:
        pickup = handoff["packagedAtMs"] + c["wait"]
    else:
        pickup = c["trig"] + 420 + c["wait"]
    turns = time_turns(c, pickup)
    repeats = [i for i, t in enumerate(turns_src) if len(t) > 2 and t[2]]
    scen = {
        "format": "call-scenario/1",
        "id": c["id"],
        "title": c["title"],
        "kb": "abcd",
        "handoff": handoff,
    }
    if c.get("raw") is not None:
        scen["rawHandoff"] = c["raw"]
    scen["pickupAtMs"] = pickup
    scen["turns"] = turns
    hb = c["handBack"]
    scen["truth"] = {
        "facts": c["facts"],
        "repeats": repeats,
        "kbSubflows": c["kb"],
        "contextErrors": c.get("errors", []),
        "handBack": None if hb is None else {"task": hb[0], "allowed": hb[1]},
        "injection": c.get("injection", False),
    }
    return scen


# ---------------------------------------------------------------- checking

NUM = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
       "six": "6", "seven": "7", "eight": "8", "nine": "9", "niner": "9"}
TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
         "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
        "eighty": "8", "ninety": "9"}
NATO = {"alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f",
        "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "kilo": "k", "lima": "l", "mike": "m",
        "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t",
        "uniform": "u", "victor": "v", "whiskey": "w", "xray": "x", "yankee": "y", "zulu": "z"}


def spoken_digits(text):
    """Digit stream of a turn: '4 4 oh' / 'sixty-one forty-five' / '5093317742' all count."""
    toks = re.findall(r"[a-z]+|\d", text.lower().replace("-", " "))
    out = []
    i = 0
    while i < len(toks):
        w = toks[i]
        if w.isdigit():
            out.append(w)
        elif w in NUM and (w not in ("o", "oh") or out):
            out.append(NUM[w])
        elif w in TEENS:
            out.append(TEENS[w])
        elif w in TENS:
            if i + 1 < len(toks) and toks[i + 1] in NUM and toks[i + 1] not in ("oh", "o", "zero"):
                out.append(TENS[w] + NUM[toks[i + 1]])
                i += 1
            else:
                out.append(TENS[w] + "0")
        elif w == "double" and i + 1 < len(toks) and toks[i + 1] in NUM:
            out.append(NUM[toks[i + 1]] * 2)
            i += 1
        i += 1
    return "".join(out)


def spoken_chars(text):
    """Letters and digits spelled out one by one ('K A zero five', 'Delta Hotel Seven', 'B as in boy')."""
    t = re.sub(r"\bas in \w+", " ", text.lower())
    toks = re.findall(r"[a-z]+|\d", t.replace("-", " "))
    out = []
    for w in toks:
        if w in NATO:
            out.append(NATO[w])
        elif w in NUM:
            out.append(NUM[w])
        elif len(w) == 1 or w.isdigit():
            out.append(w)
        else:
            out.append(" ")
    return "".join(out).replace(" ", "")


def spoken_email(text):
    t = text.lower()
    t = re.sub(r"\s+dot\s+", ".", t)
    t = re.sub(r"\s+at\s+", "@", t)
    for w, d in NUM.items():
        if len(w) > 2:
            t = re.sub(r"\b%s\b" % w, d, t)
    t = t.replace(" ", "")
    return t


def evidence(name, value, text):
    """Best-effort: does this turn text say this value? (warnings only, never errors)"""
    low = text.lower()
    if name in ("order_id", "zip_code"):
        return value in spoken_digits(text) or value in re.sub(r"\D", "", text)
    if name == "phone":
        return value[-10:] in spoken_digits(text)
    if name in ("account_id", "username"):
        v = value.lower()
        return v in spoken_chars(text) or v in low.replace(" ", "") or v in spoken_email(text)
    if name == "email":
        local = value.split("@")[0]
        return local.replace(".", "") in re.sub(r"[^a-z0-9]", "", spoken_email(text).replace("zero", "0"))
    if name in ("customer_name", "product", "street_address", "payment_method"):
        words = [w for w in re.findall(r"[a-z]+", value.lower()) if len(w) > 2]
        return any(w in low for w in words)
    if name == "membership_level":
        return value in low
    return True  # amount / date: checked by hand (too many spoken forms)


def check(scen, src, errors, warnings, pack, subflows):
    cid = scen["id"]

    def err(msg):
        errors.append(f"{cid}: {msg}")

    def warn(msg):
        warnings.append(f"{cid}: {msg}")

    if not re.fullmatch(r"b6a-[a-z0-9-]+", cid):
        err("id not b6a-kebab")
    if scen["kb"] != "abcd" or scen["format"] != "call-scenario/1":
        err("format/kb")
    turns = scen["turns"]
    if not (10 <= len(turns) <= 18):
        err(f"{len(turns)} turns (want 10-18)")
    ts = [t["atMs"] for t in turns]
    if ts != sorted(ts) or ts[0] <= scen["pickupAtMs"]:
        err("turn times not increasing after pickup")
    for t in turns:
        if t["speaker"] not in ("agent", "customer") or not t["text"].strip():
            err("bad turn")
    ho = scen["handoff"]
    truth = scen["truth"]
    facts = truth["facts"]
    # canonical forms
    catalogue = {p["value"] for p in pack["catalogue"]["products"]}
    canon = {
        "phone": r"\+1[2-9]\d{2}[2-9]\d{6}",
        "date": r"\d{4}-\d{2}-\d{2}",
        "amount": r"\d+\.\d{2} USD",
        "email": r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}",
        "order_id": r"\d{10}",
        "account_id": r"[A-Z0-9]{6,14}",
        "zip_code": r"\d{5}",
        "username": r"[a-z0-9][a-z0-9._-]{1,40}",
    }
    for n, v in facts.items():
        if n not in FACT_NAMES:
            err(f"unknown fact {n}")
        if n in canon and not re.fullmatch(canon[n], v):
            err(f"{n}={v!r} not canonical")
        if n == "date":
            d = date.fromisoformat(v)
            if abs((d - CALL_DATE).days) > 200:
                warn(f"date {v} far from call date")
        if n == "membership_level" and v not in ("guest", "bronze", "silver", "gold"):
            err("membership value")
        if n == "payment_method" and v not in ("credit card", "debit card", "paypal"):
            err("payment value")
        if n == "product" and v not in catalogue:
            err(f"product {v} not in catalogue")
    # package vs truth
    errs = truth["contextErrors"]
    pkg_vals = {}
    if ho is not None:
        if "rawHandoff" in scen:
            err("rawHandoff alongside a valid handoff")
        if not (ho["triggeredAtMs"] < ho["packagedAtMs"] < scen["pickupAtMs"]):
            err("package times")
        if ho["trigger"]["code"] not in TRIGGERS:
            err("trigger code")
        if ho["intent"]["label"] not in subflows:
            err("intent label not an ABCD subflow")
        for f in ho["facts"]:
            if f["name"] in pkg_vals and pkg_vals[f["name"]] != f["value"]:
                err(f"two package values for {f['name']}")
            pkg_vals[f["name"]] = f["value"]
            if f["source"] not in ("caller", "system"):
                err("fact source")
        for n, v in (("customer_name", ho["caller"]["name"]), ("phone", ho["caller"]["phone"])):
            if n in pkg_vals and pkg_vals[n] != v:
                err(f"caller.{n} differs from facts.{n}")
            pkg_vals[n] = v
        for n, v in pkg_vals.items():
            key = "facts." + n
            if n not in facts:
                err(f"package fact {n} missing from truth")
            elif key in errs:
                if facts[n] == v:
                    err(f"{key} listed as context error but equals truth")
            elif facts[n] != v:
                err(f"package {n}={v!r} != truth {facts[n]!r} and not a context error")
        for e in errs:
            if not e.startswith("facts.") or e[6:] not in pkg_vals:
                err(f"context error {e} names no package fact")
        # injection planted in package text must be flagged
    else:
        if "rawHandoff" not in scen:
            warn("no package and no rawHandoff (plain missing package)")
        else:
            raw = scen["rawHandoff"]
            try:
                obj = json.loads(raw)
                need = ["handoffId", "caller", "intent", "summary", "facts", "trigger"]
                if isinstance(obj, dict) and all(k in obj for k in need):
                    err("rawHandoff parses and is complete: it is not damaged")
            except json.JSONDecodeError:
                pass
        if errs:
            err("context errors without a valid package")
        if truth["repeats"]:
            err("repeats without a valid package")
    # repeats
    for i, t in enumerate(src["turns"]):
        if len(t) > 2 and t[2]:
            if t[0] != "C":
                err(f"repeat {i} is not a customer turn")
            for n in t[2]:
                if n not in pkg_vals:
                    err(f"repeat {i} names {n}, not in package")
                elif "facts." + n in errs:
                    err(f"repeat {i} restates {n}, which is a context error (a correction is not a repeat)")
                elif not evidence(n, pkg_vals[n], t[1]):
                    warn(f"repeat {i}: cannot see {n}={pkg_vals[n]} in {t[1]!r}")
    # every truth fact should be somewhere
    alltext = " ".join(t["text"] for t in turns)
    for n, v in facts.items():
        if n in pkg_vals and pkg_vals[n] == v:
            continue
        if not any(evidence(n, v, t["text"]) for t in turns):
            warn(f"fact {n}={v} not visibly said in the turns")
    # hand-back
    hb = truth["handBack"]
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}
    if hb is not None:
        if not re.fullmatch(r"[a-z0-9_]+", hb["task"]):
            err("task not snake_case")
        t = tasks.get(hb["task"])
        if hb["allowed"]:
            if t is None or not t["routine"]:
                err("allowed hand-back of a task the pack does not list as routine")
            for n in (t or {}).get("needs", []):
                if n not in facts:
                    warn(f"allowed {hb['task']} needs {n}, which is not a fact")
            if t and t["verifiedCaller"]:
                if not re.search(r"verif", alltext, re.I) and not (ho and ho["caller"]["verified"]):
                    err("verified-caller task allowed but nobody states verification")
        else:
            if not src.get("why_refused"):
                err("refused hand-back without a stated reason (why_refused)")
    if src.get("injection") and not src.get("injection_where"):
        err("injection without injection_where")
    if scen["truth"]["kbSubflows"]:
        for s in scen["truth"]["kbSubflows"]:
            if s not in subflows:
                err(f"kbSubflow {s} unknown")
    else:
        err("no kbSubflows")


def load_sources():
    import calls_a, calls_b, calls_c
    return calls_a.CALLS + calls_b.CALLS + calls_c.CALLS


def main():
    pack = json.load(open(PACK))
    onto = json.load(open(ONTOLOGY))
    subflows = {s for v in onto["intents"]["subflows"].values() for s in v}
    flow_of = {s: f for f, v in onto["intents"]["subflows"].items() for s in v}
    srcs = load_sources()
    errors, warnings = [], []
    ids = set()
    os.makedirs(OUT, exist_ok=True)
    built = []
    for c in srcs:
        if c["id"] in ids:
            errors.append(f"duplicate id {c['id']}")
        ids.add(c["id"])
        scen = build(c)
        text = json.dumps(scen, indent=2, ensure_ascii=False) + "\n"
        scen2 = json.loads(text)           # round trip
        check(scen2, c, errors, warnings, pack, subflows)
        built.append((c, scen2, text))
    sids = [s["handoff"]["callSid"] for _, s, _ in built if s["handoff"]]
    if len(sids) != len(set(sids)):
        errors.append("duplicate callSid")
    if "--check" not in sys.argv:
        for f in os.listdir(OUT):
            if f.startswith("b6a-") and f.endswith(".json"):
                os.remove(os.path.join(OUT, f))
        for c, scen, text in built:
            with open(os.path.join(OUT, c["id"] + ".json"), "w") as fh:
                fh.write(text)
    # label table
    rows = ["| # | id | flow / kbSubflows | package | context errors | repeats | injection | hand-back | caller |",
            "|---|----|-------------------|---------|----------------|---------|-----------|-----------|--------|"]
    for k, (c, s, _) in enumerate(built, 1):
        t = s["truth"]
        flows = sorted({flow_of[x] for x in t["kbSubflows"]})
        pk = "valid" if s["handoff"] else ("damaged: " + c.get("damage", "?"))
        hb = t["handBack"]
        hbs = "null" if hb is None else (f"{hb['task']} **allowed**" if hb["allowed"]
                                          else f"{hb['task']} **refused** ({c['why_refused']})")
        inj = ("yes: " + c["injection_where"]) if t["injection"] else "no"
        ce = ", ".join(x[6:] for x in t["contextErrors"]) or "-"
        rp = ", ".join(map(str, t["repeats"])) or "-"
        rows.append(f"| {k} | `{s['id']}` | {'/'.join(flows)}: {', '.join(t['kbSubflows'])} | {pk} | {ce} | "
                    f"{rp} | {inj} | {hbs} | {c['persona']} |")
    with open(os.path.join(ROOT, "labels.md"), "w") as fh:
        fh.write("\n".join(rows) + "\n")
    # counts
    n = len(built)
    ce = sum(1 for _, s, _ in built if s["truth"]["contextErrors"])
    inj = sum(1 for _, s, _ in built if s["truth"]["injection"])
    rep = sum(1 for _, s, _ in built if s["truth"]["repeats"])
    hb_a = sum(1 for _, s, _ in built if s["truth"]["handBack"] and s["truth"]["handBack"]["allowed"])
    hb_r = sum(1 for _, s, _ in built if s["truth"]["handBack"] and not s["truth"]["handBack"]["allowed"])
    dmg = sum(1 for _, s, _ in built if not s["handoff"])
    flows = sorted({flow_of[x] for _, s, _ in built for x in s["truth"]["kbSubflows"]})
    print(f"{n} calls; context errors in {ce}; injection {inj}; repeats in {rep}; "
          f"hand-back allowed {hb_a} / refused {hb_r} / null {n - hb_a - hb_r}; damaged {dmg}; "
          f"flows {len(flows)}: {', '.join(flows)}")
    print("turns:", [len(s["turns"]) for _, s, _ in built])
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
