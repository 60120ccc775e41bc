#!/usr/bin/env python3
"""Consistency checks for the Tamarack Residential pack and its b9x calls. Exit 1 on any problem.

Checks only: format and shapes (DOMAIN-PACKS.md, scenarios/README.md), canonical value forms,
references between calls and the pack, truth bookkeeping (package facts, repeats, contextErrors),
turn timing, duplicate texts, and the coverage counts printed for the README.
"""
import calendar, collections, datetime, json, pathlib, re, sys
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACK = ROOT / "pack-tamarack-residential"
problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


# ---------------------------------------------------------------- pack
pack = json.loads((PACK / "pack.json").read_text())
for k in ["format", "id", "name", "version", "locale", "defaultRegion", "currency", "facts", "intents", "handBack"]:
    if k not in pack:
        bad("pack.json", f"missing {k}")
if pack.get("format") != "domain-pack/1":
    bad("pack.json", "format")
if not re.fullmatch(r"[a-z0-9]+([-_][a-z0-9]+)*", pack["id"]):
    bad("pack.json", "id not kebab/snake")
if not re.fullmatch(r"\d+\.\d+\.\d+", pack["version"]):
    bad("pack.json", "version not semver")
TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
facts = {}
for f in pack["facts"]:
    n = f.get("name", "?")
    if n in facts:
        bad("pack.json", f"duplicate fact {n}")
    facts[n] = f
    if not re.fullmatch(r"[a-z][a-z0-9_]*", n):
        bad("pack.json", f"fact name {n}")
    if f.get("type") not in TYPES:
        bad("pack.json", f"fact {n} type")
    if not f.get("label") or not f.get("cues"):
        bad("pack.json", f"fact {n} label/cues")
    if f["type"] in ("id", "postcode"):
        if "pattern" not in f:
            bad("pack.json", f"fact {n} needs pattern")
        else:
            re.compile(f["pattern"])
    if f["type"] == "enum":
        vals = [v["value"] for v in f.get("values", [])]
        if not vals or len(vals) != len(set(vals)):
            bad("pack.json", f"enum {n} values")
    if f["type"] == "catalogue" and f.get("catalogue") not in pack.get("catalogue", {}):
        bad("pack.json", f"catalogue {n} list missing")
    if f.get("lookup") not in (None, "account", "order"):
        bad("pack.json", f"fact {n} lookup")
for lst, items in pack.get("catalogue", {}).items():
    vals = [i["value"] for i in items]
    if len(vals) != len(set(vals)):
        bad("pack.json", f"catalogue {lst} duplicate values")
    for i in items:
        if set(i) - {"value", "label", "aliases"} or not i.get("label"):
            bad("pack.json", f"catalogue {lst} item {i.get('value')}")
intents = {}
for it in pack["intents"]:
    if it["id"] in intents:
        bad("pack.json", f"duplicate intent {it['id']}")
    intents[it["id"]] = it
    if not it.get("label") or len(it.get("phrasings", [])) < 4:
        bad("pack.json", f"intent {it['id']} label/phrasings")
    say = it.get("say")
    if say is not None and set(say) != {"issue", "help"}:
        bad("pack.json", f"intent {it['id']} say")
tasks = {}
for t in pack["handBack"]["tasks"]:
    tasks[t["id"]] = t
    for k in ["label", "needs", "verifiedCaller", "routine", "phrasings"]:
        if k not in t:
            bad("pack.json", f"task {t['id']} missing {k}")
    for need in t["needs"]:
        if need not in facts:
            bad("pack.json", f"task {t['id']} needs unknown fact {need}")
for s in pack["handBack"].get("sensitiveTopics", []):
    if not s.get("label") or not s.get("phrasings"):
        bad("pack.json", f"sensitive topic {s.get('id')}")

# articles
articles = {}
art_dir = PACK / pack.get("knowledgeBase", {}).get("articles", "articles")
for p in sorted(art_dir.glob("*.md")):
    text = p.read_text()
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        bad(p.name, "no front matter")
        continue
    fm = yaml.safe_load(m.group(1))
    body = m.group(2)
    if fm.get("id") != p.stem:
        bad(p.name, "id differs from file name")
    articles[fm["id"]] = fm
    if not fm.get("title"):
        bad(p.name, "title")
    for i in fm.get("intents", []):
        if i not in intents:
            bad(p.name, f"unknown intent {i}")
    if "## Steps" not in body:
        bad(p.name, "no ## Steps")
    desc = body.split("## Steps")[0].strip()
    if not desc:
        bad(p.name, "no description")
    steps = re.findall(r"^\d+\. \*\*(.+?)\*\*", body.split("## Steps")[1], re.M)
    if len(steps) < 3:
        bad(p.name, "fewer than 3 steps")
    meta = fm.get("steps", [])
    if len(meta) > len(steps):
        bad(p.name, "more step metadata than steps")
    for st in meta:
        for fct in st.get("facts", []):
            if fct not in facts:
                bad(p.name, f"step fact {fct} unknown")
        for sig in st.get("signals", []):
            if not isinstance(sig, list) or not all(isinstance(x, str) for x in sig):
                bad(p.name, "signals must be lists of strings")
for i in intents:
    if not any(i in a.get("intents", []) for a in articles.values()):
        bad("pack.json", f"intent {i} has no article")

# lookups
lk = json.loads((PACK / pack["lookups"]).read_text())
for rec in ("accounts", "orders"):
    if not isinstance(lk.get(rec), dict):
        bad("lookups.json", f"{rec} not a record")
        continue
    for k, v in lk[rec].items():
        if not isinstance(v, dict) or "found" not in v or "summary" not in v:
            bad("lookups.json", f"{rec}.{k} needs found and summary")
acct_fact = next(f for f in facts.values() if f.get("lookup") == "account")
order_fact = next(f for f in facts.values() if f.get("lookup") == "order")
for k in lk["accounts"]:
    if not re.fullmatch(acct_fact["pattern"], k):
        bad("lookups.json", f"account key {k}")
for k in lk["orders"]:
    if not re.fullmatch(order_fact["pattern"], k):
        bad("lookups.json", f"order key {k}")
if not (PACK / "LICENSE").exists():
    bad("pack", "no LICENSE")

# ---------------------------------------------------------------- values
CUR = pack["currency"]


def canon_ok(name, value):
    f = facts.get(name)
    if f is None:
        return f"unknown fact {name}"
    if not isinstance(value, str) or value != value.strip() or not value:
        return "not a trimmed string"
    t = f["type"]
    if t == "phone":
        m = re.fullmatch(r"\+1([2-9]\d\d)([2-9]\d\d)(\d{4})", value)
        if not m:
            return "phone not +1 E.164"
        if m.group(2) != "555" or not m.group(3).startswith("01"):
            return "phone not in 555-01xx"
    elif t == "email":
        if value != value.lower() or not re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", value):
            return "email not canonical"
    elif t == "amount":
        if not re.fullmatch(r"\d+\.\d\d " + CUR, value):
            return "amount not N.NN " + CUR
    elif t == "date":
        try:
            d = datetime.date.fromisoformat(value)
            if d.isoformat() != value:
                raise ValueError
        except ValueError:
            return "date not YYYY-MM-DD"
    elif t in ("id", "postcode"):
        case = f.get("letterCase", "upper")
        if case == "upper" and value != value.upper():
            return "id not upper case"
        if " " in value:
            return "id has spaces"
        if not re.fullmatch(f["pattern"], value):
            return f"does not match {f['pattern']}"
    elif t == "enum":
        if value not in [v["value"] for v in f["values"]]:
            return "not an enum value"
    elif t == "catalogue":
        if value not in [v["value"] for v in pack["catalogue"][f["catalogue"]]]:
            return "not a catalogue value"
    elif t == "name":
        parts = value.split()
        particles = {"de", "la", "van", "der", "von", "da", "del", "di", "le", "du", "bin", "al"}
        if len(parts) < 2 or any(p not in particles and not p[0].isupper() for p in parts):
            return "name not First Last capitalised"
        if parts[0].rstrip(".").lower() in {"mr", "mrs", "ms", "miss", "dr"}:
            return "title in name"
    return None


# ---------------------------------------------------------------- calls
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy", "tool_failure_repeated", "sensitive_topic"}
CALL_DATE = datetime.date(2026, 6, 15)
calls = []
texts = collections.Counter()
for p in sorted((ROOT / "calls").glob("*.json")):
    c = json.loads(p.read_text())
    calls.append(c)
    w = c.get("id", p.name)
    for k in ["format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"]:
        if k not in c:
            bad(w, f"missing {k}")
    if c["format"] != "call-scenario/1":
        bad(w, "format")
    if p.stem != c["id"] or not re.fullmatch(r"b9x-\d\d-[a-z0-9]+(-[a-z0-9]+)*", c["id"]):
        bad(w, "id / file name")
    if c["kb"] != pack["id"]:
        bad(w, "kb is not the pack id")
    h = c["handoff"]
    if h is None:
        if "rawHandoff" in c:
            raw = c["rawHandoff"]
            try:
                obj = json.loads(raw)
                okshape = isinstance(obj.get("caller"), dict) and isinstance(obj.get("facts"), list) and isinstance(obj.get("intent"), dict)
                if okshape:
                    bad(w, "rawHandoff parses with the right shape: not damaged")
            except json.JSONDecodeError:
                pass
    else:
        if "rawHandoff" in c:
            bad(w, "rawHandoff with a valid handoff")
        for k in ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts", "aiAttempts", "trigger", "nextSteps", "language"]:
            if k not in h:
                bad(w, f"handoff missing {k}")
        if not re.fullmatch(r"ho_[0-9a-f]{4}", h["handoffId"]):
            bad(w, "handoffId")
        if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]):
            bad(w, "callSid")
        if not (0 <= h["packagedAtMs"] - h["triggeredAtMs"] <= 500):
            bad(w, "packaged more than 500 ms after trigger")
        if h["packagedAtMs"] >= c["pickupAtMs"]:
            bad(w, "pickup before package")
        cl = h["caller"]
        if set(cl) != {"name", "phone", "verified", "verification"} or not isinstance(cl["verified"], bool):
            bad(w, "caller shape")
        if h["intent"]["label"] not in intents:
            bad(w, f"intent {h['intent']['label']} not in pack")
        if not (0 <= h["intent"]["confidence"] <= 1):
            bad(w, "confidence")
        if h["trigger"]["code"] not in TRIGGERS:
            bad(w, "trigger code")
        seen = set()
        for f in h["facts"]:
            if set(f) != {"name", "value", "source"} or f["source"] not in ("caller", "system"):
                bad(w, f"package fact shape {f}")
            if f["name"] in seen:
                bad(w, f"package fact {f['name']} twice")
            seen.add(f["name"])
            e = canon_ok(f["name"], f["value"])
            if e:
                bad(w, f"package fact {f['name']}={f['value']}: {e}")
        for a in h["aiAttempts"]:
            if set(a) != {"tool", "input", "ok", "result"}:
                bad(w, "aiAttempt shape")
        if h["language"] != "en":
            bad(w, "language")
    # turns
    last = c["pickupAtMs"]
    for i, t in enumerate(c["turns"]):
        if t["speaker"] not in ("agent", "customer"):
            bad(w, f"turn {i} speaker")
        if t["atMs"] <= last and i:
            bad(w, f"turn {i} not after previous")
        last = t["atMs"]
        texts[t["text"]] += 1
    tr = c["truth"]
    if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
        bad(w, "truth keys")
    for n, v in tr["facts"].items():
        e = canon_ok(n, v)
        if e:
            bad(w, f"truth {n}={v}: {e}")
        if facts.get(n, {}).get("type") == "date":
            d = datetime.date.fromisoformat(v)
            if abs((d - CALL_DATE).days) > 400:
                bad(w, f"date {v} far from call date")
    if h is not None:
        pf = {f["name"]: f["value"] for f in h["facts"]}
        if tr["facts"].get("customer_name") != h["caller"]["name"] and "facts.customer_name" not in tr["contextErrors"]:
            bad(w, "caller.name not in truth")
        if tr["facts"].get("phone") != h["caller"]["phone"] and "facts.phone" not in tr["contextErrors"]:
            bad(w, "caller.phone not in truth")
        for n, v in pf.items():
            err = f"facts.{n}" in tr["contextErrors"]
            if n not in tr["facts"]:
                bad(w, f"package fact {n} missing from truth")
            elif err and tr["facts"][n] == v:
                bad(w, f"contextError {n} but truth keeps package value")
            elif not err and tr["facts"][n] != v:
                bad(w, f"truth {n} differs from package without contextError")
        for ce in tr["contextErrors"]:
            if not ce.startswith("facts.") or ce[6:] not in pf:
                bad(w, f"contextError {ce} not a package fact")
    else:
        if tr["repeats"] or tr["contextErrors"]:
            bad(w, "repeats/contextErrors without a valid package")
    for r in tr["repeats"]:
        if not (0 <= r < len(c["turns"])) or c["turns"][r]["speaker"] != "customer":
            bad(w, f"repeat {r} is not a customer turn")
    for k in tr["kbSubflows"]:
        if k not in articles:
            bad(w, f"kbSubflow {k} not an article")
    hb = tr["handBack"]
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not isinstance(hb["allowed"], bool) or not re.fullmatch(r"[a-z][a-z0-9_]*", hb["task"]):
            bad(w, "handBack shape")
        if hb["task"] in tasks and hb["allowed"] and not tasks[hb["task"]]["routine"]:
            bad(w, "allowed hand-back of a non-routine pack task")
        if hb["task"] in tasks and hb["allowed"] and tasks[hb["task"]]["verifiedCaller"] and (h is None or not h["caller"]["verified"]):
            bad(w, "allowed hand-back needs a verified caller")
    if not isinstance(tr["injection"], bool):
        bad(w, "injection not bool")

for t, n in texts.items():
    if n > 1:
        bad("calls", f"duplicate turn text: {t[:60]}")

# ---------------------------------------------------------------- counts
def hbkind(c):
    hb = c["truth"]["handBack"]
    return "none" if hb is None else ("allowed" if hb["allowed"] else "refused")


cnt = collections.Counter()
cnt["calls"] = len(calls)
cnt["turns"] = sum(len(c["turns"]) for c in calls)
cnt["damaged packages"] = sum(c["handoff"] is None for c in calls)
cnt["calls with a contradicted package fact"] = sum(bool(c["truth"]["contextErrors"]) for c in calls)
cnt["calls with repeats"] = sum(bool(c["truth"]["repeats"]) for c in calls)
cnt["repeat turns"] = sum(len(c["truth"]["repeats"]) for c in calls)
cnt["steering (injection) calls"] = sum(c["truth"]["injection"] for c in calls)
for k in ("allowed", "refused", "none"):
    cnt[f"hand-back {k}"] = sum(hbkind(c) == k for c in calls)
cnt["truth facts"] = sum(len(c["truth"]["facts"]) for c in calls)
intent_use = collections.Counter(c["handoff"]["intent"]["label"] for c in calls if c["handoff"])
fact_use = collections.Counter(n for c in calls for n in c["truth"]["facts"])

if "--table" in sys.argv:
    print("| measure | count |\n| --- | --- |")
    for k, v in cnt.items():
        print(f"| {k} | {v} |")
    print(f"| pack facts | {len(facts)} |\n| pack intents | {len(intents)} |\n| articles | {len(articles)} |")
    print(f"| hand-back tasks (routine / not) | {sum(t['routine'] for t in tasks.values())} / {sum(not t['routine'] for t in tasks.values())} |")
    print(f"| pack sensitive topics | {len(pack['handBack'].get('sensitiveTopics', []))} |")
    print(f"| lookups (accounts / work orders) | {len(lk['accounts'])} / {len(lk['orders'])} |")
    print("\nfact kinds used in truth:", dict(sorted(fact_use.items())))
    print("package intents:", dict(sorted(intent_use.items())))
else:
    for k, v in cnt.items():
        print(f"{k}: {v}")

if problems:
    print("\nPROBLEMS:")
    for p in problems:
        print(" -", p)
    sys.exit(1)
print("\nall checks passed")
