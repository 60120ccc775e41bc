#!/usr/bin/env python3
"""Checks ../calls/*.json against call-scenario/1 (shared/scenarios/README.md), the Pinecrest pack and the
labelling rules, then prints the counts used in README.md. Exit 1 on any problem.

Phone numbers are validated with libphonenumber-js when it can be found (NODE_PATH or /tmp/phcheck);
otherwise only the E.164 shape is checked.
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from vin import valid as vin_valid  # noqa: E402

ROOT = os.environ.get("B5P_ROOT") or os.path.join(HERE, "..")
PACK = os.path.join(ROOT, "pack-pinecrest-mutual")
pk = json.load(open(os.path.join(PACK, "pack.json"), encoding="utf-8"))
FACTS = {f["name"]: f for f in pk["facts"]}
INTENTS = {i["id"] for i in pk["intents"]}
TASKS = {t["id"]: t for t in pk["handBack"]["tasks"]}
ARTICLES = {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(PACK, "articles", "*.md"))}
CATALOGUE = {lid: {v["value"] for v in items} for lid, items in pk["catalogue"].items()}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
CALL_DATE = datetime.date(2026, 6, 15)

problems = []
phones_to_check = set()


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def canon_ok(name, value, where):
    f = FACTS.get(name)
    if f is None:
        bad(where, f"unknown fact {name}")
        return
    if not isinstance(value, str) or value != value.strip() or not value:
        bad(where, f"{name}: value must be a trimmed string")
        return
    if re.search(r"[\x00-\x1f\u200e\u200f\u202a-\u202e]", value):
        bad(where, f"{name}: control or direction characters in value")
    t = f["type"]
    if t in ("id", "postcode"):
        if not re.match(f["pattern"], value):
            bad(where, f"{name}={value} does not match {f['pattern']}")
        if f.get("letterCase", "upper") == "upper" and value != value.upper():
            bad(where, f"{name}={value} not upper case")
        if name == "vin" and not vin_valid(value):
            bad(where, f"vin {value} check digit wrong")
    elif t == "phone":
        if not re.match(r"^\+1[2-9]\d{2}[2-9]\d{6}$", value):
            bad(where, f"phone {value} not E.164 NANP")
        phones_to_check.add(value)
    elif t == "email":
        if value != value.lower() or not re.match(r"^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$", value):
            bad(where, f"email {value} not canonical")
    elif t == "amount":
        if not re.match(r"^\d+\.\d{2} USD$", value):
            bad(where, f"amount {value} not 'N.NN USD'")
    elif t == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            bad(where, f"date {value} not YYYY-MM-DD")
            return
        if name == "date" and abs((d - CALL_DATE).days) > 200:
            bad(where, f"date {value} far from the call date")
    elif t == "enum":
        if value not in {v["value"] for v in f["values"]}:
            bad(where, f"{name}={value} not an enum value")
    elif t == "catalogue":
        if value not in CATALOGUE[f["catalogue"]]:
            bad(where, f"{name}={value} not in catalogue {f['catalogue']}")
    elif t == "name":
        parts = value.split()
        if len(parts) < 2 or any(p[0] != p[0].upper() for p in parts):
            bad(where, f"name {value} should be first + last, capitalised")
    elif t == "address":
        if not re.match(r"^\d+ [A-Z]", value):
            bad(where, f"address {value} should start with a number and a capitalised street")


stats = {"calls": 0, "turns": [], "allowed": [], "refused": [], "nohb": [], "ctx": [], "inj": [], "rep": [],
         "norep": [], "damaged": [], "facts": 0, "kb": {}}
ids = set()
all_text = []

for path in sorted(glob.glob(os.path.join(ROOT, "calls", "*.json"))):
    fn = os.path.basename(path)
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        bad(fn, f"does not parse: {e}")
        continue
    w = doc.get("id", fn)
    stats["calls"] += 1
    top = {"format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"}
    for k in doc:
        if k not in top:
            bad(w, f"unknown key {k}")
    for k in ("format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"):
        if k not in doc:
            bad(w, f"missing {k}")
    if doc.get("format") != "call-scenario/1":
        bad(w, "format")
    if not re.match(r"^b5p-[a-z0-9]+(-[a-z0-9]+)*$", doc.get("id", "")):
        bad(w, "id must be kebab-case with b5p- prefix")
    if doc.get("id") + ".json" != fn:
        bad(w, "file name must be <id>.json")
    if doc.get("id") in ids:
        bad(w, "duplicate id")
    ids.add(doc.get("id"))
    if doc.get("kb") != pk["id"]:
        bad(w, "kb must be the pack id")
    if not isinstance(doc.get("title"), str) or len(doc["title"]) < 10:
        bad(w, "title")

    h = doc.get("handoff")
    truth = doc.get("truth", {})
    tf = truth.get("facts", {})
    pkg_facts = {}
    if h is None:
        stats["damaged"].append(doc["id"])
        raw = doc.get("rawHandoff")
        if raw is not None:
            try:
                json.loads(raw)
                bad(w, "rawHandoff parses: a damaged package should not")
            except ValueError:
                pass
    else:
        if "rawHandoff" in doc:
            bad(w, "rawHandoff only when handoff is null")
        need = {"handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts",
                "aiAttempts", "trigger", "nextSteps", "language"}
        if set(h) != need:
            bad(w, f"handoff keys {sorted(set(h) ^ need)}")
        if not re.match(r"^CA[0-9a-f]{32}$", h.get("callSid", "")):
            bad(w, "callSid")
        if not (0 <= h["triggeredAtMs"] <= h["packagedAtMs"] < doc["pickupAtMs"]):
            bad(w, "clock: triggered <= packaged < pickup")
        c = h["caller"]
        if set(c) != {"name", "phone", "verified", "verification"} or not isinstance(c["verified"], bool):
            bad(w, "caller fields")
        canon_ok("customer_name", c["name"], w + ".caller")
        canon_ok("phone", c["phone"], w + ".caller")
        if h["intent"]["label"] not in INTENTS:
            bad(w, f"intent {h['intent']['label']} not a pack intent")
        if not (0 < h["intent"]["confidence"] < 1):
            bad(w, "confidence")
        if h["trigger"]["code"] not in TRIGGERS:
            bad(w, "trigger code")
        for f in h["facts"]:
            if set(f) != {"name", "value", "source"}:
                bad(w, "package fact fields")
            canon_ok(f["name"], f["value"], w + ".handoff.facts")
            if f["name"] in pkg_facts:
                bad(w, f"package fact {f['name']} twice")
            pkg_facts[f["name"]] = f["value"]
        for a in h["aiAttempts"]:
            if set(a) != {"tool", "input", "ok", "result"} or not isinstance(a["ok"], bool):
                bad(w, "aiAttempt fields")
        # truth vs package
        if tf.get("customer_name") != c["name"]:
            bad(w, "caller.name must be truth customer_name (no caller-name errors used in this set)")
        if "phone" not in pkg_facts and tf.get("phone") != c["phone"]:
            bad(w, "caller.phone differs from truth phone")
        for n, v in pkg_facts.items():
            wrong = tf.get(n) != v
            listed = f"facts.{n}" in truth.get("contextErrors", [])
            if wrong and not listed:
                bad(w, f"package {n}={v} differs from truth {tf.get(n)} but is not a contextError")
            if listed and not wrong:
                bad(w, f"contextError facts.{n} but package value equals truth")
            if n not in tf:
                bad(w, f"package fact {n} missing from truth.facts")
    for ce in truth.get("contextErrors", []):
        if not ce.startswith("facts.") or ce[6:] not in pkg_facts:
            bad(w, f"contextError {ce} does not name a package fact")

    # turns
    turns = doc.get("turns", [])
    if not (8 <= len(turns) <= 20):
        bad(w, f"{len(turns)} turns, want 8-20")
    last = doc["pickupAtMs"]
    for i, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"} or t["speaker"] not in ("agent", "customer") or not t["text"].strip():
            bad(w, f"turn {i} shape")
        if t["atMs"] <= last:
            bad(w, f"turn {i} atMs not increasing")
        last = t["atMs"]
        all_text.append(t["text"])
    if turns and turns[0]["speaker"] != "agent":
        bad(w, "first turn should be the agent picking up")
    stats["turns"].append(len(turns))

    # truth
    if set(truth) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
        bad(w, "truth keys")
    for n, v in tf.items():
        canon_ok(n, v, w + ".truth.facts")
    stats["facts"] += len(tf)
    for r in truth.get("repeats", []):
        if not (isinstance(r, int) and 0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
            bad(w, f"repeat {r} is not a customer turn")
    if h is None and truth.get("repeats"):
        bad(w, "no valid package, so no repeats")
    if truth.get("repeats") != sorted(set(truth.get("repeats", []))):
        bad(w, "repeats sorted and unique")
    ks = truth.get("kbSubflows", [])
    if not ks or any(k not in ARTICLES for k in ks):
        bad(w, f"kbSubflows {ks} must be pack article ids")
    for k in ks:
        stats["kb"][k] = stats["kb"].get(k, 0) + 1
    hb = truth.get("handBack")
    if hb is None:
        stats["nohb"].append(doc["id"])
    else:
        if set(hb) != {"task", "allowed"} or not isinstance(hb["allowed"], bool):
            bad(w, "handBack shape")
        elif hb["task"] not in TASKS:
            bad(w, f"handBack task {hb['task']} not a pack task")
        elif TASKS[hb["task"]]["routine"] != hb["allowed"]:
            bad(w, f"handBack {hb['task']} allowed={hb['allowed']} but routine={TASKS[hb['task']]['routine']}")
        (stats["allowed"] if hb.get("allowed") else stats["refused"]).append(doc["id"])
        for n in TASKS.get(hb.get("task"), {}).get("needs", []):
            if hb.get("allowed") and n not in tf:
                bad(w, f"allowed hand-back {hb['task']} needs {n}, not in truth facts")
    if not isinstance(truth.get("injection"), bool):
        bad(w, "injection bool")
    if truth.get("injection"):
        stats["inj"].append(doc["id"])
    if truth.get("contextErrors"):
        stats["ctx"].append(doc["id"])
    (stats["rep"] if truth.get("repeats") else stats["norep"]).append(doc["id"])

# names / phrases that must not come from the shared examples
for banned in ["Crystal Minh", "3348917502", "cminh730"]:
    if any(banned.lower() in t.lower() for t in all_text):
        bad("calls", f"uses {banned} from the shared README")

# libphonenumber check of every phone value
node_path = os.environ.get("NODE_PATH") or "/tmp/phcheck/node_modules"
if phones_to_check and os.path.isdir(os.path.join(node_path, "libphonenumber-js")):
    js = ("const {parsePhoneNumberFromString:p}=require('libphonenumber-js/max');"
          "const xs=JSON.parse(process.argv[1]);for(const x of xs){const n=p(x);"
          "if(!n||!n.isValid()||n.number!==x)console.log('INVALID '+x)}")
    out = subprocess.run(["node", "-e", js, json.dumps(sorted(phones_to_check))], capture_output=True, text=True,
                         env={**os.environ, "NODE_PATH": node_path})
    for line in out.stdout.split("\n"):
        if line.startswith("INVALID"):
            bad("phone", line)
    phone_note = f"{len(phones_to_check)} phones checked with libphonenumber-js"
else:
    phone_note = "libphonenumber-js not found: phone shape only"

if __name__ == "__main__":
    s = stats
    print(f"{s['calls']} calls, turns per call {min(s['turns'])}-{max(s['turns'])} (total {sum(s['turns'])}), "
          f"{s['facts']} truth facts; {phone_note}")
    print(f"handBack allowed {len(s['allowed'])}: {s['allowed']}")
    print(f"handBack refused {len(s['refused'])}: {s['refused']}")
    print(f"handBack null    {len(s['nohb'])}: {s['nohb']}")
    print(f"contextErrors    {len(s['ctx'])}: {s['ctx']}")
    print(f"injection        {len(s['inj'])}: {s['inj']}")
    print(f"with repeats     {len(s['rep'])}; without {len(s['norep'])}: {s['norep']}")
    print(f"damaged package  {len(s['damaged'])}: {s['damaged']}")
    print("kbSubflows used:", dict(sorted(s["kb"].items())))
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
