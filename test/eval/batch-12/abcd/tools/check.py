#!/usr/bin/env python3
"""Validate the b12-abcd call set. Standard-library Python 3 only. Exits 0 when every check passes.

Checks
  1. calls/ is exactly what tools/build.py makes from src/ (no hand edits drifted).
  2. call-scenario/1 format: keys, types, ids, kb "abcd", turn counts 11-16, speakers, increasing
     call-clock times, recogniser-style text (lower case, no double quotes).
  3. Package wire shape (valid packages): handoffId, callSid, times, caller, intent label (an ABCD
     subflow), confidence, summary, facts (allowed names, source), aiAttempts, trigger code,
     nextSteps, language. Damaged packages: handoff null, rawHandoff (if any) must not be a valid package.
  4. Canonical values for every fact (package and truth): E.164 in fictional ranges, YYYY-MM-DD,
     "<amount>.<cents> USD", lower-case emails, 10-digit order ids, 5-digit zips, enumerations and
     the ABCD product catalogue.
  5. Truth bookkeeping: every valid-package fact (and caller.name / caller.phone) is in truth.facts;
     a truth value differs from the package value exactly when facts.<name> is in contextErrors;
     repeats are customer turns, only with a valid package, and match src _notes.repeatFacts, whose
     facts must be package facts that are not context errors; contextErrors match _notes.contextErrorTurns;
     kbSubflows are ontology subflows; handBack is null or {task snake_case, allowed bool}.
  6. Evidence: ids, zips, phones and emails that are truth facts must be audible in the turns (or be
     carried by the valid package); each repeat turn must contain the repeated value when it is of one
     of those kinds; each context-error turn must contain the corrected value when it is of those kinds.
  7. Counts: 20 calls, all ten ABCD flows, damaged packages, injections, context errors, repeats,
     hand-back decisions. Printed as a summary.

Usage: python3 tools/check.py
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
CALLS = os.path.join(ROOT, "calls")
ABCD = "/work/shared/data/abcd"

sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import build  # noqa: E402  (same folder)

FACT_NAMES = {"customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
CALL_DAY = datetime.date(2026, 6, 15)

errors = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


# --------------------------------------------------------------------------- ontology
with open(os.path.join(ABCD, "ontology.json"), encoding="utf-8") as f:
    ONTO = json.load(f)
FLOW_OF = {}
for flow, subs in ONTO["intents"]["subflows"].items():
    for s in subs:
        FLOW_OF[s] = flow
ENUM = ONTO["values"]["enumerable"]
PRODUCTS = set(ENUM["product"])
MEMBERSHIP = set(ENUM["membership_level"])
PAYMENT = set(ENUM["payment_method"])

# --------------------------------------------------------------------------- canonical values
PHONE_RES = [
    re.compile(r"^\+1[2-9]\d{2}55501\d{2}$"),      # US/CA 555-01xx
    re.compile(r"^\+442079460\d{3}$"),             # UK London drama
    re.compile(r"^\+447700900\d{3}$"),             # UK mobile drama
    re.compile(r"^\+61491000\d{3}$"),              # AU mobile
    re.compile(r"^\+6125550\d{4}$"),               # AU Sydney
]
EMAIL_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*@[a-z0-9-]+(\.[a-z0-9-]+)+$")
AMOUNT_RE = re.compile(r"^\d+\.\d{2} USD$")
CONTROL_RE = re.compile(r"[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>]")


def canonical_problem(name, value):
    if not isinstance(value, str) or not value:
        return "not a non-empty string"
    if CONTROL_RE.search(value):
        return "control/markup characters"
    if name == "phone":
        if not any(r.match(value) for r in PHONE_RES):
            return "not E.164 in a fictional range"
    elif name == "email":
        if not EMAIL_RE.match(value):
            return "not a lower-case email"
    elif name == "order_id":
        if not re.match(r"^\d{10}$", value):
            return "order id is not 10 digits"
    elif name == "account_id":
        if not re.match(r"^[A-Z0-9]{10}$", value):
            return "account id is not 10 upper-case letters/digits"
    elif name == "username":
        if not re.match(r"^[a-z0-9][a-z0-9._-]{1,40}$", value):
            return "username not lower case"
    elif name == "zip_code":
        if not re.match(r"^\d{5}$", value):
            return "zip is not 5 digits"
    elif name == "amount":
        if not AMOUNT_RE.match(value):
            return "amount not '<n>.<cc> USD'"
    elif name == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            return "not YYYY-MM-DD"
        if not (datetime.date(2026, 1, 1) <= d <= CALL_DAY + datetime.timedelta(days=1)):
            return "date outside 2026-01-01..2026-06-16"
    elif name == "membership_level":
        if value not in MEMBERSHIP:
            return "not an ABCD membership level"
    elif name == "payment_method":
        if value not in PAYMENT:
            return "not an ABCD payment method"
    elif name == "product":
        if value not in PRODUCTS:
            return "not in the ABCD product catalogue"
    elif name == "customer_name":
        if value != value.strip() or value.lower() == value:
            return "name not written as a person writes it"
    elif name == "street_address":
        if not re.match(r"^\d+ [A-Z]", value):
            return "street address should be '<number> <Street Name>'"
    return None


# --------------------------------------------------------------------------- spoken-form normaliser (checking only)
UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
HOMOPHONES = {"ate": "8", "for": "4", "to": "2", "too": "2"}
FILLERS = {"uh", "um", "ah", "er", "erm", "hmm"}


def tokens_of(text):
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))


def spoken_compact(text):
    """Join a turn's tokens with number words turned into digits; fillers dropped."""
    toks = [t for t in tokens_of(text) if t not in FILLERS]
    isnum = lambda t: t.isdigit() or t in UNITS or t in TEENS or t in TENS  # noqa: E731
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        prev_num = i > 0 and isnum(toks[i - 1])
        next_num = i + 1 < len(toks) and isnum(toks[i + 1])
        if t in ("double", "triple") and next_num and toks[i + 1] in UNITS:
            out.append(str(UNITS[toks[i + 1]]) * (2 if t == "double" else 3))
            i += 2
            continue
        if t in HOMOPHONES and prev_num and next_num:
            out.append(HOMOPHONES[t])
        elif t in TENS:
            if i + 1 < len(toks) and toks[i + 1] in UNITS and toks[i + 1] not in ("zero", "oh"):
                out.append(str(TENS[t] + UNITS[toks[i + 1]]))
                i += 2
                continue
            out.append(str(TENS[t]))
        elif t in TEENS:
            out.append(str(TEENS[t]))
        elif t in UNITS:
            out.append(str(UNITS[t]))
        else:
            out.append(t)
        i += 1
    return "".join(out)


def audible(name, value, text):
    """True when a careful listener could hear this value in the text (ids, zips, phones, emails)."""
    c = spoken_compact(text)
    if name in ("order_id", "zip_code"):
        return value in c
    if name == "account_id":
        return value.lower() in c
    if name == "username":
        return value.lower().replace(".", "dot") in c
    if name == "phone":
        national = value[2:] if value.startswith("+1") else value
        return national[-10:] in c or national[-7:] in c
    if name == "email":
        # spelling glosses ("v as in victor", "and then") are not part of the address
        c = spoken_compact(re.sub(r"\bas in [a-z]+|\band then\b", " ", text.lower()))
        local, domain = value.split("@")
        core = max(re.findall(r"[a-z]+", local), key=len)
        dom = domain.replace(".", "dot")
        return core in c and ("at" + dom) in c
    return None  # not checked mechanically


MECHANICAL = {"order_id", "zip_code", "account_id", "phone", "email", "username"}


# --------------------------------------------------------------------------- package shape
def package_problems(h):
    """Return a list of wire-shape problems of a handoff object (empty = valid)."""
    p = []
    if not isinstance(h, dict):
        return ["not an object"]
    need = {"handoffId": str, "callSid": str, "triggeredAtMs": int, "packagedAtMs": int, "caller": dict,
            "intent": dict, "summary": str, "facts": list, "aiAttempts": list, "trigger": dict,
            "nextSteps": list, "language": str}
    for k, t in need.items():
        if k not in h:
            p.append("missing %s" % k)
        elif not isinstance(h[k], t) or (t is int and isinstance(h[k], bool)):
            p.append("%s is not %s" % (k, t.__name__))
    extra = set(h) - set(need)
    if extra:
        p.append("unknown keys %s" % sorted(extra))
    if p:
        return p
    if not re.match(r"^ho_[0-9a-f]{4}$", h["handoffId"]):
        p.append("handoffId not ho_<4 hex>")
    if not re.match(r"^CA[0-9a-f]{32}$", h["callSid"]):
        p.append("callSid not CA<32 hex>")
    if not (0 <= h["triggeredAtMs"] <= h["packagedAtMs"]):
        p.append("triggeredAtMs/packagedAtMs order")
    c = h["caller"]
    if set(c) != {"name", "phone", "verified", "verification"}:
        p.append("caller keys %s" % sorted(c))
    else:
        if canonical_problem("customer_name", c["name"]):
            p.append("caller.name: " + canonical_problem("customer_name", c["name"]))
        if canonical_problem("phone", c["phone"]):
            p.append("caller.phone: " + canonical_problem("phone", c["phone"]))
        if not isinstance(c["verified"], bool) or not isinstance(c["verification"], str):
            p.append("caller.verified/verification types")
    it = h["intent"]
    if set(it) != {"label", "confidence"} or it.get("label") not in FLOW_OF:
        p.append("intent must be {label: ABCD subflow, confidence}")
    elif not (isinstance(it["confidence"], (int, float)) and 0 <= it["confidence"] <= 1):
        p.append("intent.confidence not in 0..1")
    seen = set()
    for i, fct in enumerate(h["facts"]):
        if not isinstance(fct, dict) or set(fct) != {"name", "value", "source"}:
            p.append("facts[%d] keys" % i)
            continue
        if fct["name"] not in FACT_NAMES:
            p.append("facts[%d] unknown name %s" % (i, fct["name"]))
        if fct["name"] in seen:
            p.append("facts[%d] duplicate name %s" % (i, fct["name"]))
        seen.add(fct["name"])
        if fct["source"] not in ("caller", "system"):
            p.append("facts[%d] source %s" % (i, fct["source"]))
        prob = canonical_problem(fct["name"], fct["value"])
        if prob:
            p.append("facts[%d] %s: %s" % (i, fct["name"], prob))
    for i, a in enumerate(h["aiAttempts"]):
        if not isinstance(a, dict) or set(a) != {"tool", "input", "ok", "result"}:
            p.append("aiAttempts[%d] keys" % i)
        elif not (isinstance(a["tool"], str) and isinstance(a["input"], dict) and isinstance(a["ok"], bool)
                  and isinstance(a["result"], str)):
            p.append("aiAttempts[%d] types" % i)
    tr = h["trigger"]
    if set(tr) != {"code", "detail"} or tr.get("code") not in TRIGGERS:
        p.append("trigger must be {code in the seed list, detail}")
    if not all(isinstance(s, str) and s for s in h["nextSteps"]):
        p.append("nextSteps must be non-empty strings")
    if h["language"] != "en":
        p.append("language not en")
    return p


def raw_is_valid_package(raw):
    try:
        obj = json.loads(raw)
    except (ValueError, TypeError):
        return False
    return not package_problems(obj)


# --------------------------------------------------------------------------- one call
def check_call(name, call, src):
    w = name
    stats = {}
    top = ["format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"]
    for k in top:
        if k not in call:
            err(w, "missing top-level key %s" % k)
    if set(call) - set(top) - {"rawHandoff"}:
        err(w, "unknown top-level keys %s" % sorted(set(call) - set(top) - {"rawHandoff"}))
    if errors and errors[-1].startswith(w + ": missing"):
        return stats
    if call["format"] != "call-scenario/1":
        err(w, "format")
    if not re.match(r"^b12a-(0[1-9]|1\d|20)-[a-z0-9]+(-[a-z0-9]+)*$", call["id"]) or call["id"] + ".json" != name:
        err(w, "id must be b12a-NN-slug and match the file name")
    if call["kb"] != "abcd":
        err(w, "kb must be abcd")
    if not isinstance(call["title"], str) or len(call["title"]) < 10:
        err(w, "title")

    h = call["handoff"]
    valid_pkg = h is not None
    pkg_facts = {}
    if valid_pkg:
        for prob in package_problems(h):
            err(w, "handoff: " + prob)
        if "rawHandoff" in call:
            err(w, "rawHandoff given with a valid handoff")
        pkg_facts = {f["name"]: f["value"] for f in h.get("facts", []) if isinstance(f, dict)}
        if not isinstance(call["pickupAtMs"], int) or call["pickupAtMs"] <= h["packagedAtMs"]:
            err(w, "pickupAtMs must follow packagedAtMs")
    else:
        raw = call.get("rawHandoff")
        if raw is not None:
            if not isinstance(raw, str) or not raw:
                err(w, "rawHandoff must be a non-empty string")
            elif raw_is_valid_package(raw):
                err(w, "rawHandoff parses as a valid package but handoff is null")
        stats["damage"] = "missing" if raw is None else ("malformed-json" if raw.lstrip().startswith("{") else "not-json")

    turns = call["turns"]
    if not (11 <= len(turns) <= 16):
        err(w, "%d turns (want 11-16)" % len(turns))
    last = call["pickupAtMs"]
    for i, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"}:
            err(w, "turn %d keys" % i)
            continue
        if t["speaker"] not in ("agent", "customer"):
            err(w, "turn %d speaker" % i)
        if not isinstance(t["atMs"], int) or t["atMs"] <= last:
            err(w, "turn %d atMs not increasing after pickup" % i)
        last = t["atMs"]
        txt = t["text"]
        if not txt or txt != txt.lower() or '"' in txt or txt != txt.strip():
            err(w, "turn %d text not recogniser style (lower case, no quotes, trimmed)" % i)
    if turns and turns[0]["speaker"] != "agent":
        err(w, "first turn should be the agent picking up")

    truth = call["truth"]
    tkeys = {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}
    if set(truth) != tkeys:
        err(w, "truth keys %s" % sorted(truth))
        return stats
    tf = truth["facts"]
    for k, v in tf.items():
        if k not in FACT_NAMES:
            err(w, "truth fact name %s" % k)
        prob = canonical_problem(k, v)
        if prob:
            err(w, "truth %s=%r: %s" % (k, v, prob))

    notes = src.get("_notes", {})
    ce = truth["contextErrors"]
    if len(set(ce)) != len(ce):
        err(w, "duplicate contextErrors")
    if valid_pkg:
        carried = dict(pkg_facts)
        carried.setdefault("customer_name", h["caller"]["name"])
        carried.setdefault("phone", h["caller"]["phone"])
        if h["caller"]["name"] != pkg_facts.get("customer_name", h["caller"]["name"]):
            err(w, "caller.name differs from facts.customer_name")
        if h["caller"]["phone"] != pkg_facts.get("phone", h["caller"]["phone"]):
            err(w, "caller.phone differs from facts.phone")
        for k, v in carried.items():
            if k not in tf:
                err(w, "package fact %s missing from truth.facts" % k)
                continue
            wrong = tf[k] != v
            if wrong and "facts.%s" % k not in ce:
                err(w, "truth %s differs from the package but is not a context error" % k)
            if not wrong and "facts.%s" % k in ce:
                err(w, "contextError facts.%s but truth equals the package" % k)
        for e in ce:
            m = re.match(r"^facts\.([a-z_]+)$", e)
            if not m or m.group(1) not in pkg_facts:
                err(w, "contextError %s does not name a package fact" % e)
    elif ce:
        err(w, "contextErrors without a valid package")

    cet = notes.get("contextErrorTurns", {})
    if set(cet) != set(ce):
        err(w, "_notes.contextErrorTurns %s != contextErrors %s" % (sorted(cet), sorted(ce)))
    for e, ti in cet.items():
        if not (0 <= ti < len(turns)) or turns[ti]["speaker"] != "customer":
            err(w, "context error %s turn %s is not a customer turn" % (e, ti))
            continue
        fname = e.split(".", 1)[1]
        if fname in MECHANICAL and fname in tf and audible(fname, tf[fname], turns[ti]["text"]) is False:
            err(w, "context error turn %d does not contain the corrected %s" % (ti, fname))

    reps = truth["repeats"]
    if reps != sorted(set(reps)):
        err(w, "repeats must be sorted and unique")
    if reps and not valid_pkg:
        err(w, "repeats without a valid package")
    rf = notes.get("repeatFacts", {})
    if sorted(int(k) for k in rf) != reps:
        err(w, "_notes.repeatFacts %s != repeats %s" % (sorted(rf), reps))
    if valid_pkg:
        carried_names = set(pkg_facts) | {"customer_name", "phone"}
        for k, what in rf.items():
            ti = int(k)
            if not (0 <= ti < len(turns)) or turns[ti]["speaker"] != "customer":
                err(w, "repeat %s is not a customer turn" % k)
                continue
            for fname in what.split("+"):
                if fname not in carried_names:
                    err(w, "repeat %s names %s, not a package fact" % (k, fname))
                elif "facts.%s" % fname in ce:
                    err(w, "repeat %s restates %s, which is a context error" % (k, fname))
                elif fname in MECHANICAL and audible(fname, tf[fname], turns[ti]["text"]) is False:
                    err(w, "repeat turn %s does not contain the %s value" % (k, fname))

    # facts said only on the call must be audible somewhere in the turns
    alltext = " ".join(t["text"] for t in turns)
    for k, v in tf.items():
        if k in MECHANICAL and (not valid_pkg or k not in pkg_facts) and not (valid_pkg and k == "phone"):
            if not any(audible(k, v, t["text"]) for t in turns) and audible(k, v, alltext) is False:
                err(w, "truth %s=%s is not audible in any turn" % (k, v))

    subs = truth["kbSubflows"]
    if not subs or any(s not in FLOW_OF for s in subs):
        err(w, "kbSubflows must be ABCD subflow ids")
    hb = truth["handBack"]
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not re.match(r"^[a-z][a-z0-9_]*$", str(hb.get("task"))) \
                or not isinstance(hb.get("allowed"), bool):
            err(w, "handBack must be null or {task: snake_case, allowed: bool}")
        if "handBackReason" not in notes:
            err(w, "_notes.handBackReason missing")
    if not isinstance(truth["injection"], bool):
        err(w, "injection must be a boolean")

    stats.update({
        "turns": len(turns),
        "flows": {FLOW_OF.get(s) for s in subs},
        "repeats": len(reps),
        "contextErrors": list(ce),
        "injection": truth["injection"],
        "handBack": "none" if hb is None else ("allowed" if hb.get("allowed") else "refused"),
        "valid": valid_pkg,
    })
    return stats


def main():
    src_names = sorted(n for n in os.listdir(SRC) if n.endswith(".json"))
    call_names = sorted(n for n in os.listdir(CALLS) if n.endswith(".json"))
    if src_names != call_names:
        err("calls/", "file list differs from src/ (run tools/build.py)")
    all_stats = []
    for name in src_names:
        with open(os.path.join(SRC, name), encoding="utf-8") as f:
            src = json.load(f)
        try:
            expected = build.build_one(os.path.join(SRC, name))
        except Exception as e:  # noqa: BLE001
            err(name, "build failed: %s" % e)
            continue
        path = os.path.join(CALLS, name)
        if not os.path.exists(path):
            err(name, "calls/ file missing")
            continue
        with open(path, encoding="utf-8") as f:
            call = json.load(f)
        if call != expected:
            err(name, "calls/ file is not what build.py makes from src/")
        all_stats.append((name, check_call(name, call, src)))

    # counts
    n = len(all_stats)
    flows = set()
    for _, s in all_stats:
        flows |= s.get("flows", set())
    reps = sum(s.get("repeats", 0) for _, s in all_stats)
    ces = [c for _, s in all_stats for c in s.get("contextErrors", [])]
    inj = sum(1 for _, s in all_stats if s.get("injection"))
    damaged = [s.get("damage") for _, s in all_stats if not s.get("valid", True)]
    hb = {}
    for _, s in all_stats:
        hb[s.get("handBack")] = hb.get(s.get("handBack"), 0) + 1
    turns = [s.get("turns", 0) for _, s in all_stats]

    if n != 20:
        err("set", "%d calls (want 20)" % n)
    all_flows = set(ONTO["intents"]["flows"])
    if flows != all_flows:
        err("set", "flows not covered: %s" % sorted(all_flows - flows))
    if not (2 <= len(damaged) <= 3):
        err("set", "%d damaged packages (want 2-3)" % len(damaged))
    if inj != 3:
        err("set", "%d injections (want 3)" % inj)
    if not (5 <= len(ces) <= 9) or len({c for c in ces}) < 6:
        err("set", "context errors %d of %d types (want about 6, varied)" % (len(ces), len(set(ces))))
    if not (20 <= reps <= 30):
        err("set", "%d repeats (want about 25)" % reps)
    if not all(k in hb for k in ("allowed", "refused", "none")):
        err("set", "hand-back decisions must include allowed, refused and none")

    print("calls            %d" % n)
    print("turns            %d-%d per call, %d in all" % (min(turns), max(turns), sum(turns)))
    print("flows covered    %d of %d" % (len(flows & all_flows), len(all_flows)))
    print("damaged packages %d (%s)" % (len(damaged), ", ".join(damaged)))
    print("injections       %d" % inj)
    print("context errors   %d (%s)" % (len(ces), ", ".join(sorted(c.split('.')[1] for c in ces))))
    print("repeats          %d" % reps)
    print("hand-back        allowed %d, refused %d, none %d" % (hb.get("allowed", 0), hb.get("refused", 0),
                                                              hb.get("none", 0)))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
