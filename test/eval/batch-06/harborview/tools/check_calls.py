#!/usr/bin/env python3
"""Check the Harborview call scenarios (call-scenario/1, /work/shared/scenarios/README.md).

Usage: python3 check_calls.py [calls_dir] [pack_dir]  -> exit 1 on any error.
Errors: JSON validity and shape; id = file name; kb = pack id; package shape (callSid, times, caller,
intent from the pack, facts with pack fact names and canonical values, trigger codes); turns timed after
pickup and increasing; truth facts use pack fact names in canonical form (E.164, YYYY-MM-DD, "N.NN USD",
lower-case email, id patterns, enum/catalogue values); package facts equal truth unless listed as a
context error (and differ when listed); repeats are customer turns of a valid package whose text carries
a package value (not only a corrected one); kbSubflows are article ids; handBack task is a pack task,
refused when non-routine or when the package trigger is sensitive_topic; damaged packages have no
repeats or context errors and a rawHandoff that does not parse.
Warnings (for a human to review): customer turns that seem to restate a package value but are not
labelled as repeats; truth facts whose value the matcher cannot find in any turn.
"""
import json, os, re, sys, datetime

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy", "tool_failure_repeated", "sensitive_topic"}
errors, warnings = [], []
def err(w, m): errors.append(f"ERROR {w}: {m}")
def warn(w, m): warnings.append(f"WARN  {w}: {m}")

# ---------------------------------------------------------------- spoken-value matching (heuristic)
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
DIGIT_WORDS = {w: str(i) for i, w in enumerate(ONES[:10])}
DIGIT_WORDS["oh"] = "0"
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth",
       10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth", 15: "fifteenth",
       16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

def norm(text):
    t = text.lower().replace("-", " ").replace("’", "'")
    t = re.sub(r"[^\w@.$' ]+", " ", t)
    t = re.sub(r"\.(?!\w)|(?<!\w)\.", " ", t)          # sentence periods, not the dot in 4.5 or a.b
    return " " + re.sub(r"\s+", " ", t).strip() + " "

def digit_string(text):
    """Digits said one by one or written, in order: 'five two oh nine' -> '5209'."""
    out = []
    for tok in re.findall(r"[a-z]+|\d+", text.lower()):
        if tok in DIGIT_WORDS: out.append(DIGIT_WORDS[tok])
        elif tok.isdigit(): out.append(tok)
    return "".join(out)

def words_under_100(n):
    if n < 20: return ONES[n]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])

def words_under_1000(n):
    h, r = divmod(n, 100)
    if h and r: return ONES[h] + " hundred " + words_under_100(r)
    if h: return ONES[h] + " hundred"
    return words_under_100(r)

def spoken_integers(n):
    """Ways people say an integer amount: standard, paired ('four twelve'), 'thirty two hundred'."""
    v = set()
    if n < 1000: v.add(words_under_1000(n))
    else:
        th, r = divmod(n, 1000)
        head = words_under_1000(th) + " thousand"
        v.add(head if r == 0 else head + " " + words_under_1000(r))
        if r and r % 100 and r >= 100:                                  # forty eight thousand two fifty
            v.add(head + " " + ONES[r // 100] + " " + words_under_100(r % 100))
        if n < 10000 and n % 100 == 0 and (n // 100) % 10:             # thirty two hundred
            v.add(words_under_100(n // 100) + " hundred")
        if n < 10000 and n % 100:                                       # eighteen seventy four
            v.add(words_under_100(n // 100) + " " + words_under_100(n % 100))
        v.add(words_under_100(n // 100) + " hundred and " + words_under_100(n % 100) if n % 100 and n < 10000 else head)
    if 100 < n < 1000 and n % 100:                                      # four twelve, one eighty nine
        v.add(ONES[n // 100] + " " + words_under_100(n % 100))
    return v

def amount_said(value, text):
    m = re.match(r"^(\d+)\.(\d{2}) USD$", value)
    if not m: return False
    whole, cents = int(m.group(1)), int(m.group(2))
    t = norm(text)
    written = "{:,}".format(whole)
    if re.search(r"(?<![\d,])\$?(%s|%d)(\.%02d)?(?![\d,])" % (re.escape(written), whole, cents), text):
        return True
    for w in spoken_integers(whole):
        if f" {w} " in t: return True
    return False

def date_said(value, text):
    d = datetime.date.fromisoformat(value)
    t = norm(text)
    day = d.day
    ordinals = [ORD.get(day) or (TENS[day // 10] + "ieth" if day % 10 == 0 else TENS[day // 10] + " " + ORD[day % 10])]
    ordinals += [f"{day}st", f"{day}nd", f"{day}rd", f"{day}th"]
    for o in ordinals:
        if f" {o} " in t: return True
    mon = MONTHS[d.month - 1]
    return bool(re.search(rf"\b{mon} {day}\b|\b{mon} {ORD.get(day, '@@')}\b", t))

def fact_said(name, value, fdef, text):
    t = norm(text)
    ftype = fdef["type"] if fdef else "text"
    if ftype == "amount": return amount_said(value, text)
    if ftype == "date": return date_said(value, text)
    if ftype == "phone":
        return value[-10:] in digit_string(text)
    if ftype in ("id", "postcode"):
        digits = re.sub(r"\D", "", value)
        return len(digits) >= 4 and digits in digit_string(text)
    if ftype == "email":
        local = re.sub(r"[^a-z0-9]", "", value.split("@")[0])
        squashed = re.sub(r"[^a-z0-9]", "", t.replace(" dot ", "").replace(" at ", ""))
        spelled = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", t)  # f r a n -> fran
        return local in squashed or local in re.sub(r"[^a-z0-9]", "", spelled)
    if ftype == "name":
        first = value.split()[0].lower()
        return f" {first} " in t or f" {first}'s " in t
    if ftype in ("enum", "catalogue"):
        return any(f" {norm(a).strip()} " in t for a in fdef["_aliases"].get(value, []))
    if ftype in ("text", "address"):
        words = [w for w in re.findall(r"[a-z0-9]+", value.lower()) if len(w) > 2 and w not in ("apt", "the")]
        return bool(words) and sum(w in t for w in words) >= max(1, (len(words) + 1) // 2)
    return value.lower() in t

# ---------------------------------------------------------------- canonical forms
def canonical_ok(name, value, fdef):
    if not isinstance(value, str) or not value.strip(): return "empty value"
    if value != value.strip() or re.search(r"[\x00-\x1f\u200e\u200f\u202a-\u202e\u2066-\u2069]", value):
        return "value has control/direction characters or outer spaces"
    t = fdef["type"]
    if t == "phone" and not re.match(r"^\+1[2-9]\d{2}[2-9]\d{6}$", value): return "phone not E.164 (+1NXXNXXXXXX)"
    if t == "date":
        try: datetime.date.fromisoformat(value)
        except ValueError: return "date not YYYY-MM-DD"
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", value): return "date not YYYY-MM-DD"
    if t == "amount" and not re.match(r"^(0|[1-9]\d*)\.\d{2} USD$", value): return "amount not 'N.NN USD'"
    if t == "email" and (value != value.lower() or not re.match(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$", value)): return "email not lower case / not an email"
    if t in ("id", "postcode"):
        if not re.match(fdef["pattern"], value): return f"does not match {fdef['pattern']}"
        case = fdef.get("letterCase", "upper")
        if case == "upper" and value != value.upper(): return "id not upper case"
        if case == "lower" and value != value.lower(): return "id not lower case"
        if " " in value: return "id has spaces"
    if t in ("enum", "catalogue") and value not in fdef["_aliases"]: return f"not a value of {name}"
    return None

def load_pack(pack_dir):
    m = json.load(open(os.path.join(pack_dir, "pack.json"), encoding="utf-8"))
    facts = {f["name"]: dict(f) for f in m["facts"]}
    for f in facts.values():
        if f["type"] == "enum":
            vals = f["values"]
        elif f["type"] == "catalogue":
            vals = m["catalogue"][f["catalogue"]]
        else: continue
        f["_aliases"] = {v["value"]: [v["value"].replace("_", " "), v["label"]] + v.get("aliases", []) for v in vals}
    arts = {fn[:-3] for fn in os.listdir(os.path.join(pack_dir, m.get("knowledgeBase", {}).get("articles", "articles"))) if fn.endswith(".md")}
    tasks = {t["id"]: t for t in m["handBack"]["tasks"]}
    intents = {i["id"] for i in m["intents"]}
    return m, facts, arts, tasks, intents

def package_values(h):
    vals = {}
    if h.get("caller", {}).get("name"): vals["customer_name"] = h["caller"]["name"]
    if h.get("caller", {}).get("phone"): vals["phone"] = h["caller"]["phone"]
    for f in h.get("facts", []):
        if f["name"] in vals and vals[f["name"]] != f["value"]:
            return None, f"package gives two values for {f['name']}"
        vals[f["name"]] = f["value"]
    return vals, None

def check_call(path, pack):
    m, facts, arts, tasks, intents = pack
    w = os.path.basename(path)
    try: d = json.load(open(path, encoding="utf-8"))
    except Exception as e: err(w, f"not valid JSON: {e}"); return None
    for k in ("format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"):
        if k not in d: err(w, f"missing {k}")
    extra = set(d) - {"format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"}
    if extra: err(w, f"unknown keys {sorted(extra)}")
    if d.get("format") != "call-scenario/1": err(w, "format must be call-scenario/1")
    if d.get("id") != os.path.basename(path)[:-5]: err(w, "id differs from the file name")
    if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", d.get("id", "")): err(w, "id not kebab-case")
    if d.get("kb") != m["id"]: err(w, f"kb must be {m['id']!r}")
    h = d.get("handoff")
    pickup = d.get("pickupAtMs", 0)
    pkg = {}
    if h is not None:
        for k in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts", "aiAttempts", "trigger", "nextSteps", "language"):
            if k not in h: err(w, f"handoff.{k} missing")
        if not re.match(r"^CA[0-9a-f]{32}$", h.get("callSid", "")): err(w, "callSid must be CA + 32 hex")
        if not (0 <= h.get("triggeredAtMs", -1) <= h.get("packagedAtMs", -1) <= pickup): err(w, "need triggeredAtMs <= packagedAtMs <= pickupAtMs")
        c = h.get("caller", {})
        if not (isinstance(c.get("verified"), bool) and isinstance(c.get("verification"), str)): err(w, "caller.verified/verification")
        it = h.get("intent", {})
        if it.get("label") not in intents: err(w, f"intent {it.get('label')!r} not a pack intent")
        if not (isinstance(it.get("confidence"), (int, float)) and 0 <= it["confidence"] <= 1): err(w, "intent.confidence not in 0..1")
        if h.get("trigger", {}).get("code") not in TRIGGERS: err(w, "unknown trigger code")
        for f in h.get("facts", []):
            if set(f) != {"name", "value", "source"}: err(w, f"package fact keys {sorted(f)}")
            if f.get("source") not in ("caller", "system"): err(w, f"fact source {f.get('source')!r}")
            if f.get("name") not in facts: err(w, f"package fact {f.get('name')!r} not in the pack"); continue
            p = canonical_ok(f["name"], f["value"], facts[f["name"]])
            if p: err(w, f"package facts.{f['name']}: {p}")
        if c.get("phone"):
            p = canonical_ok("phone", c["phone"], facts["phone"])
            if p: err(w, f"caller.phone: {p}")
        for a in h.get("aiAttempts", []):
            if not (isinstance(a.get("tool"), str) and isinstance(a.get("input"), dict) and isinstance(a.get("ok"), bool) and isinstance(a.get("result"), str)):
                err(w, "aiAttempts entry shape")
        if not (isinstance(h.get("nextSteps"), list) and all(isinstance(s, str) for s in h["nextSteps"])): err(w, "nextSteps must be strings")
        pkg, p = package_values(h)
        if p: err(w, p); pkg = {}
    else:
        if "rawHandoff" in d:
            try:
                json.loads(d["rawHandoff"]); err(w, "rawHandoff parses as JSON, so the package is not malformed")
            except (ValueError, TypeError): pass
    turns = d.get("turns", [])
    last = pickup
    for i, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"}: err(w, f"turn {i} keys")
        if t.get("speaker") not in ("agent", "customer"): err(w, f"turn {i} speaker")
        if not (isinstance(t.get("atMs"), int) and t["atMs"] > last): err(w, f"turn {i} atMs not after the previous turn/pickup")
        last = t.get("atMs", last)
        if not isinstance(t.get("text"), str) or not t["text"].strip(): err(w, f"turn {i} empty text")
    tr = d.get("truth", {})
    if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}: err(w, f"truth keys {sorted(tr)}")
    tf = tr.get("facts", {})
    for name, value in tf.items():
        if name not in facts: err(w, f"truth fact {name!r} not in the pack"); continue
        p = canonical_ok(name, value, facts[name])
        if p: err(w, f"truth facts.{name} = {value!r}: {p}")
    ce = tr.get("contextErrors", [])
    ce_names = set()
    for e in ce:
        mm = re.match(r"^facts\.([a-z_]+)$", e)
        if not mm: err(w, f"contextError {e!r} not 'facts.<name>'"); continue
        n = mm.group(1); ce_names.add(n)
        if n not in pkg: err(w, f"contextError {e}: the package has no {n}")
        elif tf.get(n) == pkg[n]: err(w, f"contextError {e}: truth equals the package value")
    for n, v in pkg.items():
        if n not in ce_names and tf.get(n) != v:
            err(w, f"package {n}={v!r} but truth has {tf.get(n)!r} and no context error")
    if h is None and (tr.get("repeats") or ce): err(w, "no valid package, so no repeats or context errors")
    reps = tr.get("repeats", [])
    if reps != sorted(set(reps)): err(w, "repeats not sorted/unique")
    sound = {n: v for n, v in pkg.items() if n not in ce_names}
    for i in reps:
        if not (0 <= i < len(turns)) or turns[i]["speaker"] != "customer": err(w, f"repeat {i} is not a customer turn"); continue
        hit = [n for n, v in sound.items() if fact_said(n, v, facts.get(n), turns[i]["text"])]
        if not hit: err(w, f"repeat {i} carries no (uncorrected) package value: {turns[i]['text']!r}")
    for i, t in enumerate(turns):
        if t["speaker"] == "customer" and i not in reps:
            hit = [n for n, v in sound.items() if fact_said(n, v, facts.get(n), t["text"])]
            if hit: warn(w, f"turn {i} may restate package {hit} but is not a repeat: {t['text']!r}")
    for n, v in tf.items():
        if n in pkg and n not in ce_names: continue
        if not any(fact_said(n, v, facts.get(n), t["text"]) for t in turns):
            warn(w, f"truth {n}={v!r} not found by the matcher in any turn")
    ks = tr.get("kbSubflows", [])
    if not ks: err(w, "kbSubflows empty")
    for k in ks:
        if k not in arts: err(w, f"kbSubflow {k!r} is not an article id")
    hb = tr.get("handBack")
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not isinstance(hb.get("allowed"), bool): err(w, "handBack must be {task, allowed}")
        elif hb["task"] not in tasks: err(w, f"handBack task {hb['task']!r} not a pack task")
        else:
            if hb["allowed"] and not tasks[hb["task"]]["routine"]: err(w, "non-routine task marked allowed")
            if hb["allowed"] and h and h["trigger"]["code"] == "sensitive_topic": err(w, "allowed hand-back on a sensitive_topic call")
            if hb["allowed"] and tr.get("injection"): warn(w, "allowed hand-back on a call with an injection")
            if hb["allowed"] and h and not h["caller"].get("verified") and tasks[hb["task"]]["verifiedCaller"]:
                warn(w, "task needs a verified caller; make sure the agent verifies in the turns")
    if not isinstance(tr.get("injection"), bool): err(w, "injection must be a boolean")
    return d

def main():
    here = os.path.dirname(__file__)
    calls_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "calls")
    pack_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "pack-harborview-cu")
    pack = load_pack(pack_dir)
    docs = [check_call(os.path.join(calls_dir, f), pack) for f in sorted(os.listdir(calls_dir)) if f.endswith(".json")]
    docs = [d for d in docs if d]
    ids = [d["id"] for d in docs]
    if len(ids) != len(set(ids)): err("calls", "duplicate ids")
    # summary
    hb = {"allowed": 0, "refused": 0, "null": 0}
    ce_types, inj, damaged, with_rep = [], 0, 0, 0
    facts = pack[1]
    for d in docs:
        t = d["truth"]
        hb["null" if t["handBack"] is None else ("allowed" if t["handBack"]["allowed"] else "refused")] += 1
        ce_types += [facts[e.split(".", 1)[1]]["type"] + ":" + e.split(".", 1)[1] for e in t["contextErrors"]]
        inj += t["injection"]; damaged += d["handoff"] is None; with_rep += bool(t["repeats"])
    print(f"{len(docs)} calls; handBack {hb}; context errors {len(ce_types)} {ce_types}; injection calls {inj}; "
          f"damaged packages {damaged}; calls with repeats {with_rep}; turns {sum(len(d['turns']) for d in docs)}; "
          f"repeats {sum(len(d['truth']['repeats']) for d in docs)}")
    for line in errors + warnings: print(line)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
