#!/usr/bin/env python3
"""Check the batch: call-scenario/1 format, canonical value forms, truth bookkeeping and batch counts.

Run from anywhere:  python3 tools/check.py      (exit 0 = everything holds)

It rebuilds the calls from src/ in memory (tools/build.py) and checks that calls/*.json and labels.md
are up to date, then validates every call.  It reads only this folder and the ABCD ontology in
/work/shared/data/abcd/ontology.json (for subflow ids).
"""
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402

ONTOLOGY = "/work/shared/data/abcd/ontology.json"
FACT_NAMES = ["customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"]
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
MEMBERSHIP = {"guest", "bronze", "silver", "gold"}
PAYMENT = {"credit card", "debit card", "paypal"}
BRANDS = ["calvin klein", "guess", "michael kors", "tommy hilfiger"]
ITEMS = ["boots", "jacket", "jeans", "shirt"]
PRODUCTS = {f"{b} {i}" for b in BRANDS for i in ITEMS}
EMAIL_DOMAINS = {"email.com", "example.com", "example.net", "example.org"}
HANDOFF_KEYS = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"]
CALL_DATE = datetime.date(2026, 6, 15)

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


# ---------------------------------------------------------------- canonical forms
def canonical_ok(name, value):
    if not isinstance(value, str) or value != value.strip() or not value:
        return False
    if name == "customer_name":
        return re.fullmatch(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*)+", value) is not None
    if name == "account_id":
        return re.fullmatch(r"[A-Z0-9]{10}", value) is not None and re.search(r"\d", value) and re.search(r"[A-Z]", value)
    if name == "username":
        return re.fullmatch(r"[a-z0-9][a-z0-9._-]{1,40}", value) is not None
    if name == "email":
        m = re.fullmatch(r"[a-z0-9][a-z0-9._+-]*@([a-z0-9.-]+\.[a-z]{2,})", value)
        return m is not None and m.group(1) in EMAIL_DOMAINS
    if name == "phone":
        return any(re.fullmatch(p, value) for p in (r"\+1[2-9]\d{2}55501\d{2}", r"\+447700900\d{3}",
                                                      r"\+6149157\d{4}", r"\+6125550\d{4}"))
    if name == "order_id":
        return re.fullmatch(r"\d{10}", value) is not None
    if name == "zip_code":
        return re.fullmatch(r"\d{5}", value) is not None
    if name == "street_address":
        return re.fullmatch(r"\d+ (?:[A-Z][a-z]*|\d+(?:st|nd|rd|th))(?: (?:[A-Z][a-z]*|\d+(?:st|nd|rd|th)))+", value) is not None
    if name == "amount":
        return re.fullmatch(r"\d+\.\d{2} USD", value) is not None
    if name == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None and abs((d - CALL_DATE).days) < 400
    if name == "membership_level":
        return value in MEMBERSHIP
    if name == "payment_method":
        return value in PAYMENT
    if name == "product":
        return value in PRODUCTS
    return False


# ---------------------------------------------------------------- spoken digits (a check aid only)
UNITS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "won": "1", "two": "2", "to": "2", "too": "2",
         "three": "3", "four": "4", "for": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
         "ate": "8", "nine": "9"}
TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
         "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
        "eighty": "8", "ninety": "9"}


def spoken_digits(text):
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in UNITS:
            out.append(UNITS[nxt] * (2 if t == "double" else 3))
            i += 1
        elif t in UNITS and nxt == "hundred":
            nn = toks[i + 2] if i + 2 < len(toks) else None
            if nn in TENS or nn in TEENS or nn in UNITS:
                out.append(UNITS[t])
            else:
                out.append(UNITS[t] + "00")
            i += 1
        elif t in UNITS:
            out.append(UNITS[t])
        elif t in TEENS:
            out.append(TEENS[t])
        elif t in TENS:
            if nxt in UNITS and nxt not in ("oh", "o", "zero", "to", "too", "for", "won", "ate"):
                out.append(TENS[t] + UNITS[nxt])
                i += 1
            else:
                out.append(TENS[t] + "0")
        i += 1
    return "".join(out)


def spoken_id(text):
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    return "".join(t.upper() if len(t) == 1 and t not in ("o",) else UNITS.get(t, t if t.isdigit() else "")
                   for t in toks)


def heard_in(name, value, text):
    if name == "phone":
        return value.startswith("+1") and value[2:] in spoken_digits(text)
    if name in ("order_id", "zip_code"):
        return value in spoken_digits(text)
    if name == "account_id":
        return value in spoken_id(text)
    return True  # other kinds are checked by hand (origins still must point at real turns)


# ---------------------------------------------------------------- per call
def subflow_map():
    with open(ONTOLOGY, encoding="utf-8") as fh:
        onto = json.load(fh)
    return {sf: flow for flow, sfs in onto["intents"]["subflows"].items() for sf in sfs}


def check_call(src, call, sf2flow, seen):
    cid = call["id"]
    truth = src["truth"]
    want_keys = ["format", "id", "title", "kb", "handoff"] + (["rawHandoff"] if call["handoff"] is None else []) + ["pickupAtMs", "turns", "truth"]
    if list(call.keys()) != want_keys:
        err(cid, f"top-level keys {list(call.keys())}")
    if call["format"] != "call-scenario/1" or call["kb"] != "abcd":
        err(cid, "format/kb")
    if not re.fullmatch(r"b11a-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*", cid):
        err(cid, "id pattern")
    if os.path.basename(src["path"]) != cid + ".txt":
        err(cid, "source file name does not match id")
    pickup = call["pickupAtMs"]
    h = call["handoff"]
    pkg = {}  # fact name -> package value (valid package only)
    if h is None:
        raw = call.get("rawHandoff")
        if not isinstance(raw, str) or not raw:
            err(cid, "handoff null without rawHandoff")
        else:
            try:
                parsed = json.loads(raw)
                err(cid, f"rawHandoff parses as JSON ({type(parsed).__name__}); a damaged package must not")
            except json.JSONDecodeError:
                pass
    else:
        if list(h.keys()) != HANDOFF_KEYS:
            err(cid, f"handoff keys {list(h.keys())}")
        if not re.fullmatch(r"ho_[0-9a-f]{4}", h.get("handoffId", "")):
            err(cid, "handoffId")
        if not re.fullmatch(r"CA[0-9a-f]{32}", h.get("callSid", "")):
            err(cid, "callSid")
        for k in ("handoffId", "callSid"):
            if h.get(k) in seen[k]:
                err(cid, f"duplicate {k}")
            seen[k].add(h.get(k))
        if not (isinstance(h["triggeredAtMs"], int) and h["triggeredAtMs"] <= h["packagedAtMs"] < pickup):
            err(cid, "times: triggeredAtMs <= packagedAtMs < pickupAtMs")
        c = h["caller"]
        if list(c.keys()) != ["name", "phone", "verified", "verification"] or not isinstance(c["verified"], bool):
            err(cid, "caller shape")
        if not canonical_ok("customer_name", c["name"]):
            err(cid, f"caller.name {c['name']!r}")
        if not canonical_ok("phone", c["phone"]):
            err(cid, f"caller.phone {c['phone']!r}")
        pkg["customer_name"] = c["name"]
        pkg["phone"] = c["phone"]
        if h["intent"]["label"] not in sf2flow or not (0 <= h["intent"]["confidence"] <= 1):
            err(cid, "intent")
        if not isinstance(h["summary"], str) or len(h["summary"]) < 40:
            err(cid, "summary")
        names = []
        for f in h["facts"]:
            if set(f.keys()) != {"name", "value", "source"} or f["name"] not in FACT_NAMES or f["source"] not in ("caller", "system"):
                err(cid, f"package fact shape {f}")
                continue
            if not canonical_ok(f["name"], f["value"]):
                err(cid, f"package fact {f['name']}={f['value']!r} not canonical")
            names.append(f["name"])
            if f["name"] in pkg and pkg[f["name"]] != f["value"]:
                err(cid, f"package fact {f['name']} disagrees with caller block")
            pkg[f["name"]] = f["value"]
        if len(names) != len(set(names)):
            err(cid, "duplicate package fact names")
        for a in h["aiAttempts"]:
            if set(a.keys()) != {"tool", "input", "ok", "result"} or not isinstance(a["ok"], bool):
                err(cid, f"aiAttempt shape {a}")
        if h["trigger"]["code"] not in TRIGGERS or not h["trigger"].get("detail"):
            err(cid, "trigger")
        if not h["nextSteps"] or not all(isinstance(s, str) and s for s in h["nextSteps"]):
            err(cid, "nextSteps")
        if h["language"] != "en":
            err(cid, "language")

    turns = call["turns"]
    if not (11 <= len(turns) <= 15):
        err(cid, f"{len(turns)} turns (want 11-15)")
    if {t["speaker"] for t in turns} != {"agent", "customer"}:
        err(cid, "both speakers needed")
    last = pickup
    for i, t in enumerate(turns):
        if list(t.keys()) != ["atMs", "speaker", "text"]:
            err(cid, f"turn {i} keys")
        if t["atMs"] <= last:
            err(cid, f"turn {i} atMs not increasing")
        last = t["atMs"]
        if re.search(r"[A-Z]", t["text"]):
            err(cid, f"turn {i} has upper case (ASR style is lower case)")
        if not t["text"].strip():
            err(cid, f"turn {i} empty")

    # truth bookkeeping
    facts = {}
    for f in truth["facts"]:
        n, v = f["name"], f["value"]
        if n not in FACT_NAMES:
            err(cid, f"fact name {n}")
            continue
        if n in facts:
            err(cid, f"fact {n} twice")
        facts[n] = f
        if not canonical_ok(n, v):
            err(cid, f"fact {n}={v!r} not canonical")
        for o in f["origins"]:
            if o == "pkg":
                if h is None:
                    err(cid, f"fact {n} from pkg but the package is damaged")
                elif n not in pkg:
                    err(cid, f"fact {n} says pkg but the package does not carry it")
            else:
                m = re.fullmatch(r"t(\d+)(~?)", o)
                if not m or int(m.group(1)) >= len(turns):
                    err(cid, f"fact {n} origin {o}")
                    continue
                if not m.group(2) and not heard_in(n, v, turns[int(m.group(1))]["text"]):
                    err(cid, f"fact {n}={v} not found spoken in turn {m.group(1)} (mark {o}~ if checked by hand)")
    for n, pv in pkg.items():
        if n not in facts:
            err(cid, f"package carries {n} but truth has no such fact")
        elif "pkg" not in facts[n]["origins"]:
            err(cid, f"package carries {n} but its truth origins lack pkg")
    ctx = [c["field"] for c in truth["contexts"]]
    for cf in ctx:
        m = re.fullmatch(r"facts\.(\w+)", cf)
        if not m or h is None or m.group(1) not in {f["name"] for f in h["facts"]}:
            err(cid, f"contextError {cf} does not name a package fact")
    if h is not None:
        for f in h["facts"]:
            n = f["name"]
            wrong = n in facts and facts[n]["value"] != f["value"]
            if wrong != (f"facts.{n}" in ctx):
                err(cid, f"package {n}: value differs from truth = {wrong} but contextError listed = {f'facts.{n}' in ctx}")
        for n in ("customer_name", "phone"):
            if n in facts and facts[n]["value"] != pkg[n] and n not in {f["name"] for f in h["facts"]}:
                err(cid, f"caller.{n} differs from truth")
    reps = [r["turn"] for r in truth["repeats"]]
    if reps != sorted(set(reps)):
        err(cid, "repeats must be sorted and unique")
    for r in truth["repeats"]:
        i, n = r["turn"], r["name"]
        if h is None:
            err(cid, "repeat in a call without a valid package")
            continue
        if i >= len(turns) or turns[i]["speaker"] != "customer":
            err(cid, f"repeat {i} is not a customer turn")
        if n not in pkg:
            err(cid, f"repeat {i} names {n}, which the package does not carry")
        elif n in facts and facts[n]["value"] != pkg[n]:
            err(cid, f"repeat {i} restates {n}, but the package value was wrong (a correction is not a repeat)")
        if n in facts and not any(re.fullmatch(rf"t{i}~?", o) for o in facts[n]["origins"]):
            err(cid, f"repeat {i} ({n}) but fact {n} does not list turn {i}")
    if not truth["subflows"]:
        err(cid, "no kbSubflows")
    for s in truth["subflows"]:
        if s["id"] not in sf2flow:
            err(cid, f"kbSubflow {s['id']} not in ontology")
    if len({s["id"] for s in truth["subflows"]}) != len(truth["subflows"]):
        err(cid, "duplicate kbSubflow")
    hb = truth["handback"]
    if hb["decision"] != "none" and not re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", hb["task"]):
        err(cid, "handBack task must be snake_case")
    return pkg


def main():
    sf2flow = subflow_map()
    try:
        sources, rendered, labels = build.render_all()
    except build.SourceError as e:
        print(f"check: {e}")
        return 1
    # calls/ and labels.md must be what build.py makes from src/
    on_disk = sorted(n[:-5] for n in os.listdir(build.CALLS) if n.endswith(".json"))
    if on_disk != sorted(rendered):
        err("calls/", "files differ from src/ (run python3 tools/build.py)")
    for cid, text in rendered.items():
        p = os.path.join(build.CALLS, cid + ".json")
        if os.path.exists(p) and open(p, encoding="utf-8").read() != text:
            err(cid, "calls/ JSON is stale (run python3 tools/build.py)")
    lp = os.path.join(build.ROOT, "labels.md")
    if not os.path.exists(lp) or open(lp, encoding="utf-8").read() != labels:
        err("labels.md", "stale or missing (run python3 tools/build.py)")

    seen = {"handoffId": set(), "callSid": set()}
    stats = {"calls": 0, "turns": 0, "facts": 0, "repeats": 0, "ctx_calls": 0, "ctx": 0, "inj": 0,
             "allowed": 0, "refused": 0, "none": 0, "damaged": 0, "readback_confirm": 0}
    flows, subflows, numbers = set(), set(), []
    for src in sources:
        call = build.to_call(src)
        cid = call["id"]
        numbers.append(int(cid[5:7]))
        check_call(src, call, sf2flow, seen)
        t = call["truth"]
        stats["calls"] += 1
        stats["turns"] += len(call["turns"])
        stats["facts"] += len(t["facts"])
        stats["repeats"] += len(t["repeats"])
        stats["ctx"] += len(t["contextErrors"])
        stats["ctx_calls"] += 1 if t["contextErrors"] else 0
        stats["inj"] += 1 if t["injection"] else 0
        stats["damaged"] += 1 if call["handoff"] is None else 0
        hb = t["handBack"]
        stats["none" if hb is None else ("allowed" if hb["allowed"] else "refused")] += 1
        for s in t["kbSubflows"]:
            subflows.add(s)
            flows.add(sf2flow.get(s))
    if sorted(numbers) != list(range(1, 21)):
        err("batch", f"call numbers {sorted(numbers)} (want 01..20)")
    targets = [("calls", 20, 20), ("repeats", 20, 25), ("ctx_calls", 5, 7), ("inj", 3, 4),
               ("allowed", 5, 7), ("refused", 4, 6), ("damaged", 3, 3)]
    for k, lo, hi in targets:
        if not lo <= stats[k] <= hi:
            err("batch", f"{k} = {stats[k]}, want {lo}..{hi}")
    all_flows = set(sf2flow.values())
    if flows != all_flows:
        err("batch", f"flows not covered: {sorted(all_flows - flows)}")
    for e in errors:
        print("ERROR", e)
    print(f"calls {stats['calls']}, turns {stats['turns']}, facts {stats['facts']}, repeats {stats['repeats']}, "
          f"context errors {stats['ctx']} in {stats['ctx_calls']} calls, injections {stats['inj']}, "
          f"hand-back allowed {stats['allowed']} / refused {stats['refused']} / none {stats['none']}, "
          f"damaged packages {stats['damaged']}, flows {len(flows)}/10, subflows {len(subflows)}")
    print("check: OK" if not errors else f"check: {len(errors)} problem(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
