"""Checks calls/*.json against the call format and the northwind-connect pack.

Usage: python3 src/check.py [calls_dir]
Exits 1 on any problem; prints a summary of the labels.
"""
import glob, json, os, re, sys, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
CALLS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(HERE), "calls")
PACK_DIR = "/work/main/resources/packs/northwind-connect"
pack = json.load(open(os.path.join(PACK_DIR, "pack.json"), encoding="utf-8"))

FACTS = {f["name"]: f for f in pack["facts"]}
INTENTS = {i["id"] for i in pack["intents"]}
TASKS = {t["id"]: t for t in pack["handBack"]["tasks"]}
ARTICLES = set()
for p in glob.glob(os.path.join(PACK_DIR, "articles", "*.md")):
    m = re.search(r"^id:\s*(\S+)", open(p, encoding="utf-8").read(), re.M)
    ARTICLES.add(m.group(1))
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
CATALOGUE = {k: {v["value"] for v in vs} for k, vs in pack["catalogue"].items()}

problems = []


def bad(cid, msg):
    problems.append(f"{cid}: {msg}")


def check_value(cid, name, value):
    f = FACTS.get(name)
    if f is None:
        bad(cid, f"fact name not in pack: {name}")
        return
    t = f["type"]
    if not isinstance(value, str) or not value:
        bad(cid, f"{name}: empty or non-string value")
        return
    if t in ("id", "postcode") and not re.match(f["pattern"], value):
        bad(cid, f"{name}={value!r} does not match {f['pattern']}")
    if t == "postcode" and (value != value.upper() or " " not in value):
        bad(cid, f"{name}={value!r} not upper case with its space")
    if t == "phone" and not re.fullmatch(r"\+44\d{10}", value):
        bad(cid, f"{name}={value!r} not UK E.164")
    if t == "amount" and not re.fullmatch(r"\d+\.\d{2} GBP", value):
        bad(cid, f"{name}={value!r} not 'N.NN GBP'")
    if t == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            bad(cid, f"{name}={value!r} not YYYY-MM-DD")
    if t == "email" and (value != value.lower() or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value)):
        bad(cid, f"{name}={value!r} not a lower-case email")
    if t == "enum" and value not in {v["value"] for v in f["values"]}:
        bad(cid, f"{name}={value!r} not an enum value")
    if t == "catalogue" and value not in CATALOGUE[f["catalogue"]]:
        bad(cid, f"{name}={value!r} not in catalogue {f['catalogue']}")


summary = []
files = sorted(glob.glob(os.path.join(CALLS, "*.json")))
ids = set()
for path in files:
    try:
        c = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        bad(os.path.basename(path), f"does not parse: {e}")
        continue
    cid = c.get("id", "?")
    if cid in ids:
        bad(cid, "duplicate id")
    ids.add(cid)
    if os.path.basename(path) != cid + ".json":
        bad(cid, "file name differs from id")
    if not cid.startswith("b5n-") or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cid):
        bad(cid, "id not kebab-case with b5n- prefix")
    for k in ("format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"):
        if k not in c:
            bad(cid, f"missing {k}")
    if c.get("format") != "call-scenario/1":
        bad(cid, "format")
    if c.get("kb") != "northwind-connect":
        bad(cid, "kb")
    h = c.get("handoff")
    turns = c.get("turns", [])
    tr = c.get("truth", {})
    for k in ("facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"):
        if k not in tr:
            bad(cid, f"truth missing {k}")
    # turns
    if not 8 <= len(turns) <= 20:
        bad(cid, f"{len(turns)} turns (want 8-20)")
    last = c["pickupAtMs"]
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer") or not t.get("text"):
            bad(cid, f"turn {i} malformed")
        if t["atMs"] <= last:
            bad(cid, f"turn {i} atMs not increasing")
        last = t["atMs"]
    # repeats
    for r in tr.get("repeats", []):
        if not (0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
            bad(cid, f"repeat {r} is not a customer turn")
    if tr.get("repeats") != sorted(set(tr.get("repeats", []))):
        bad(cid, "repeats not sorted/unique")
    # facts
    facts = tr.get("facts", {})
    for n, v in facts.items():
        check_value(cid, n, v)
    # package
    pkg_facts = {}
    if h is not None:
        for k in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                  "facts", "aiAttempts", "trigger", "nextSteps", "language"):
            if k not in h:
                bad(cid, f"handoff missing {k}")
        if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]):
            bad(cid, "callSid not CA + 32 hex")
        if not (h["triggeredAtMs"] <= h["packagedAtMs"] < c["pickupAtMs"]):
            bad(cid, "package times out of order")
        if h["intent"]["label"] not in INTENTS:
            bad(cid, f"intent {h['intent']['label']} not in pack")
        if h["trigger"]["code"] not in TRIGGERS:
            bad(cid, f"trigger code {h['trigger']['code']}")
        pkg_facts["customer_name"] = h["caller"]["name"]
        pkg_facts["phone"] = h["caller"]["phone"]
        for f in h["facts"]:
            if f["name"] in pkg_facts:
                bad(cid, f"package has {f['name']} twice")
            pkg_facts[f["name"]] = f["value"]
            check_value(cid + " (package)", f["name"], f["value"])
        for n, v in pkg_facts.items():
            if n not in facts:
                bad(cid, f"package fact {n} missing from truth.facts")
            elif facts[n] != v and f"facts.{n}" not in tr["contextErrors"]:
                bad(cid, f"truth {n}={facts[n]!r} differs from package {v!r} without a context error")
        for e in tr["contextErrors"]:
            n = e.split(".", 1)[1]
            if n not in pkg_facts:
                bad(cid, f"context error {e} names no package fact")
            elif facts.get(n) == pkg_facts[n]:
                bad(cid, f"context error {e} but truth equals package value")
    else:
        if tr.get("repeats"):
            bad(cid, "repeats without a valid package")
        if tr.get("contextErrors"):
            bad(cid, "context errors without a valid package")
        if "rawHandoff" in c:
            try:
                json.loads(c["rawHandoff"])
                bad(cid, "rawHandoff parses: it should be malformed")
            except ValueError:
                pass
    # kb, handBack
    for a in tr.get("kbSubflows", []):
        if a not in ARTICLES:
            bad(cid, f"kbSubflow {a} is not an article id")
    if not tr.get("kbSubflows"):
        bad(cid, "no kbSubflows")
    hb = tr.get("handBack")
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not isinstance(hb["allowed"], bool):
            bad(cid, "handBack shape")
        elif hb["task"] not in TASKS:
            bad(cid, f"handBack task {hb['task']} not in pack")
        elif hb["allowed"] and not TASKS[hb["task"]]["routine"]:
            bad(cid, f"allowed hand-back of a non-routine task {hb['task']}")
    if not isinstance(tr.get("injection"), bool):
        bad(cid, "injection not bool")
    summary.append((cid, h is not None, len(turns), len(tr.get("repeats", [])), tr.get("contextErrors", []),
                    None if hb is None else ("allowed" if hb["allowed"] else "refused"), tr.get("injection")))

print(f"{len(files)} calls checked")
print(f"{'id':60} pkg turns rep ctxErr handBack inj")
for s in summary:
    print(f"{s[0]:60} {'y' if s[1] else 'DAMAGED':3} {s[2]:5} {s[3]:3} {','.join(s[4]) or '-':22} {s[5] or '-':8} {s[6]}")
n = len(summary)
print("damaged packages:", sum(1 for s in summary if not s[1]))
print("calls with repeats:", sum(1 for s in summary if s[3]), " repeat turns:", sum(s[3] for s in summary))
print("calls with context errors:", sum(1 for s in summary if s[4]))
print("injection:", sum(1 for s in summary if s[6]))
print("handBack allowed/refused/none:", sum(1 for s in summary if s[5] == "allowed"),
      sum(1 for s in summary if s[5] == "refused"), sum(1 for s in summary if s[5] is None))
if problems:
    print("\nPROBLEMS:")
    for p in problems:
        print(" -", p)
    sys.exit(1)
print("OK")
