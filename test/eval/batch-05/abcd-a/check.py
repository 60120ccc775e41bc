#!/usr/bin/env python3
"""Validate the b5-abcd-a call scenarios: JSON structure, clock, canonical fact forms,
consistency of truth with the package, and that repeats index customer turns.
Prints per-call problems and the summary counts used in README.md."""
import json, os, re, sys, glob
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ABCD = "/work/shared/data/abcd/ontology.json"
PACK = "/work/main/resources/packs/abcd-store/pack.json"

onto = json.load(open(ABCD))
SUBFLOWS = {s for v in onto["intents"]["subflows"].values() for s in v}
SUB2FLOW = {s: f for f, v in onto["intents"]["subflows"].items() for s in v}
pack = json.load(open(PACK))
PRODUCTS = {p["value"] for p in pack["catalogue"]["products"]}
FACT_NAMES = {f["name"] for f in pack["facts"]}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}

CANON = {
    "email": re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$"),
    "phone": re.compile(r"^\+1\d{10}$"),
    "amount": re.compile(r"^\d+\.\d{2} USD$"),
    "date": re.compile(r"^2026-\d{2}-\d{2}$"),
    "order_id": re.compile(r"^\d{10}$"),
    "account_id": re.compile(r"^[A-Z0-9]{6,14}$"),
    "username": re.compile(r"^[a-z0-9][a-z0-9._-]{1,40}$"),
    "zip_code": re.compile(r"^\d{5}$"),
    "customer_name": re.compile(r"^[A-ZÀ-Þ][\wÀ-ÿ'-]+( [A-ZÀ-Þ][\wÀ-ÿ'-]+)+$"),
    "street_address": re.compile(r"^\d+ [A-Z][A-Za-z ]+$"),
}
ENUMS = {"membership_level": {"guest", "bronze", "silver", "gold"},
         "payment_method": {"credit card", "debit card", "paypal"},
         "product": PRODUCTS}

def problems_for(path):
    p = []
    d = json.load(open(path, encoding="utf-8"))
    for k in ("format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"):
        if k not in d:
            p.append("missing top-level " + k)
    if d.get("format") != "call-scenario/1": p.append("bad format")
    if d.get("kb") != "abcd": p.append("kb must be abcd")
    if not d["id"].startswith("b5a-") or os.path.basename(path) != d["id"] + ".json":
        p.append("id/file mismatch")
    if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", d["id"]): p.append("id not kebab-case")
    ho = d["handoff"]
    pkg = {}
    if ho is None:
        if "rawHandoff" in d:
            try:
                json.loads(d["rawHandoff"]); p.append("rawHandoff parses: not malformed")
            except Exception:
                pass
    else:
        if "rawHandoff" in d: p.append("rawHandoff present with a valid handoff")
        cal = ho.get("caller") or {}
        if not re.match(r"^CA[0-9a-f]{32}$", ho.get("callSid", "")): p.append("bad callSid")
        if ho.get("trigger", {}).get("code") not in TRIGGERS: p.append("bad trigger code")
        if ho.get("packagedAtMs", 0) < ho.get("triggeredAtMs", 0): p.append("packagedAtMs < triggeredAtMs")
        if d["pickupAtMs"] <= ho.get("packagedAtMs", 0): p.append("pickup before package")
        if "name" in cal: pkg["customer_name"] = cal["name"]
        if "phone" in cal: pkg["phone"] = cal["phone"]
        for f in ho.get("facts", []):
            if f["name"] in pkg and pkg[f["name"]] != f["value"]:
                p.append("package has two values for " + f["name"])
            pkg[f["name"]] = f["value"]
            if f.get("source") not in ("caller", "account", "ai"): p.append("bad fact source")
        for a in ho.get("aiAttempts", []):
            if not {"tool", "input", "ok", "result"} <= set(a): p.append("bad aiAttempt")
        if "intent" in ho and ho["intent"]["label"] not in SUBFLOWS: p.append("intent not an ABCD subflow")
    turns = d["turns"]
    if not 8 <= len(turns) <= 20: p.append("turn count %d" % len(turns))
    last = d["pickupAtMs"]
    for i, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"}: p.append("turn %d keys" % i)
        if t["speaker"] not in ("agent", "customer"): p.append("turn %d speaker" % i)
        if t["atMs"] <= last: p.append("turn %d atMs not increasing" % i)
        last = t["atMs"]
    tr = d["truth"]
    if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
        p.append("truth keys " + str(sorted(tr)))
    for n, v in tr["facts"].items():
        if n not in FACT_NAMES: p.append("unknown fact " + n)
        if n in CANON and not CANON[n].match(v): p.append("non-canonical %s=%r" % (n, v))
        if n in ENUMS and v not in ENUMS[n]: p.append("bad enum %s=%r" % (n, v))
    errs = {e.split(".", 1)[1] for e in tr["contextErrors"]}
    for e in tr["contextErrors"]:
        if not e.startswith("facts."): p.append("contextError form " + e)
    for n, v in pkg.items():
        if n not in tr["facts"]:
            p.append("package fact %s missing from truth" % n)
        elif n in errs:
            if tr["facts"][n] == v: p.append("contextError %s but truth equals package" % n)
        elif tr["facts"][n] != v:
            p.append("truth %s differs from package without a contextError" % n)
    for n in errs:
        if n not in pkg: p.append("contextError on a fact the package lacks: " + n)
    if ho is None and (tr["repeats"] or tr["contextErrors"]):
        p.append("repeats/contextErrors without a valid package")
    for r in tr["repeats"]:
        if not (0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
            p.append("repeat %r is not a customer turn" % r)
    if tr["repeats"] != sorted(set(tr["repeats"])): p.append("repeats not sorted/unique")
    if not tr["kbSubflows"] or any(s not in SUBFLOWS for s in tr["kbSubflows"]):
        p.append("bad kbSubflows")
    hb = tr["handBack"]
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not re.match(r"^[a-z0-9_]+$", hb["task"]) or not isinstance(hb["allowed"], bool):
            p.append("bad handBack")
    if not isinstance(tr["injection"], bool): p.append("injection not bool")
    return d, p

def main():
    files = sorted(glob.glob(os.path.join(HERE, "calls", "*.json")))
    bad = 0
    stats = Counter(); flows = Counter(); subs = Counter(); hbt = Counter()
    ids = set()
    for f in files:
        d, p = problems_for(f)
        if d["id"] in ids: p.append("duplicate id")
        ids.add(d["id"])
        for x in p:
            print("%s: %s" % (os.path.basename(f), x)); bad += 1
        tr = d["truth"]
        stats["calls"] += 1
        stats["turns"] += len(d["turns"])
        stats["repeat_turns"] += len(tr["repeats"])
        stats["calls_with_repeats"] += bool(tr["repeats"])
        stats["calls_with_contextErrors"] += bool(tr["contextErrors"])
        stats["contextErrors"] += len(tr["contextErrors"])
        stats["injection"] += tr["injection"]
        stats["damaged_null_handoff"] += d["handoff"] is None
        stats["damaged_missing_fields"] += d["handoff"] is not None and "facts" not in d["handoff"]
        hb = tr["handBack"]
        k = "null" if hb is None else ("allowed" if hb["allowed"] else "refused")
        stats["handBack_" + k] += 1
        if hb: hbt["%s (%s)" % (hb["task"], k)] += 1
        for s in tr["kbSubflows"]:
            subs[s] += 1
        for fl in {SUB2FLOW[s] for s in tr["kbSubflows"]}:
            flows[fl] += 1
    print(json.dumps(dict(stats), indent=1))
    print("flows:", dict(sorted(flows.items())))
    print("subflows (%d distinct):" % len(subs), dict(sorted(subs.items())))
    print("handBack tasks:", dict(sorted(hbt.items())))
    print("PROBLEMS:", bad)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
