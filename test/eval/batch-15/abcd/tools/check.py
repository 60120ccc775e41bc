#!/usr/bin/env python3
"""Check batch 15 / abcd: format, truth labels, canonical values, batch coverage, README table.

Exit 0 when all is well, 1 when any problem is found. Warnings (evidence heuristics) do not fail.

    python3 tools/check.py            check calls/ against src/ and the rules
    python3 tools/check.py --verbose  also list the evidence warnings
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import build  # noqa: E402  (the same parser, to check calls/ is up to date)

PACK_PATHS = [
    os.path.join(ROOT, "..", "..", "..", "main", "resources", "packs", "abcd-store", "pack.json"),
    "/work/main/resources/packs/abcd-store/pack.json",
]
ONTOLOGY_PATHS = [
    os.path.join(ROOT, "..", "..", "..", "shared", "data", "abcd", "ontology.json"),
    "/work/shared/data/abcd/ontology.json",
]

# Copied from the abcd-store pack (domain-pack/1) so the check also runs without it.
FACT_NAMES = ["customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"]
ID_PATTERNS = {
    "account_id": r"^[A-Z0-9]{6,14}$",
    "username": r"^[a-z0-9][a-z0-9._-]{1,40}$",
    "order_id": r"^\d{8,12}$",
    "zip_code": r"^\d{5}$",
}
ENUMS = {
    "membership_level": ["guest", "bronze", "silver", "gold"],
    "payment_method": ["credit card", "debit card", "paypal"],
}
PRODUCTS = [f"{b} {t}" for b in ("calvin klein", "tommy hilfiger", "michael kors", "guess")
            for t in ("boots", "jacket", "jeans", "shirt")]
ROUTINE_TASKS = ["send_return_label", "send_password_reset_link", "send_account_login_link", "send_promo_code",
                 "send_2fa_reset", "send_username_reminder", "send_shipping_status_link",
                 "update_address_after_verification", "send_confirmation_email", "reschedule_delivery",
                 "take_subscription_payment"]
NON_ROUTINE_TASKS = ["issue_refund", "close_account"]
SUBFLOWS = {
    "account_access": ["recover_username", "recover_password", "reset_2fa"],
    "manage_account": ["status_service_added", "status_service_removed", "status_shipping_question",
                       "status_credit_missing", "manage_change_address", "manage_change_name",
                       "manage_change_phone", "manage_payment_method"],
    "order_issue": ["status_mystery_fee", "status_delivery_time", "status_payment_method", "status_quantity",
                    "manage_upgrade", "manage_downgrade", "manage_create", "manage_cancel"],
    "product_defect": ["refund_initiate", "refund_update", "refund_status", "return_stain", "return_color",
                       "return_size"],
    "purchase_dispute": ["bad_price_competitor", "bad_price_yesterday", "out_of_stock_general",
                         "out_of_stock_one_item", "promo_code_invalid", "promo_code_out_of_date",
                         "mistimed_billing_already_returned", "mistimed_billing_never_bought"],
    "shipping_issue": ["status", "manage", "missing", "cost"],
    "single_item_query": ["boots", "shirt", "jeans", "jacket"],
    "storewide_query": ["pricing", "membership", "timing", "policy"],
    "subscription_inquiry": ["status_active", "status_due_amount", "status_due_date", "manage_pay_bill",
                             "manage_extension", "manage_dispute_bill"],
    "troubleshoot_site": ["credit_card", "shopping_cart", "search_results", "slow_speed"],
}
FLOW_LABELS = {
    "Product Defect": "product_defect", "Order Issue": "order_issue", "Account Access": "account_access",
    "Troubleshoot Site": "troubleshoot_site", "Manage Account": "manage_account",
    "Purchase Dispute": "purchase_dispute", "Shipping Issue": "shipping_issue",
    "Subscription Inquiry": "subscription_inquiry", "Single-Item Query": "single_item_query",
    "Storewide Query": "storewide_query",
}
TRIGGER_CODES = ["customer_request", "low_confidence", "task_failed", "distress", "off_policy",
                 "tool_failure_repeated", "sensitive_topic"]
PHONE_RANGES = [
    r"^\+1[2-9]\d{2}55501\d{2}$",      # US / CA 555-01xx
    r"^\+4420794600\d{2}$",            # UK London drama range
    r"^\+447700900\d{3}$",             # UK mobile drama range
    r"^\+61491000\d{3}$",              # AU mobile 04 9100 0xxx
    r"^\+3531555\d{4}$",               # IE 01 555 xxxx
]
DAMAGED_STATES = ["null", "truncated-json", "html-error", "old-shape", "empty-body"]
CALL_DAY = datetime.date(2026, 6, 15)
HANDOFF_KEYS = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts",
                "aiAttempts", "trigger", "nextSteps", "language"]

problems = []
warnings = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def load_first(paths):
    for p in paths:
        if os.path.exists(p):
            with open(p, encoding="utf-8") as fh:
                return json.load(fh)
    return None


def cross_check_references():
    pack = load_first(PACK_PATHS)
    if pack is not None:
        names = [f["name"] for f in pack["facts"]]
        if names != FACT_NAMES:
            problem("pack", f"fact names changed: {names}")
        for f in pack["facts"]:
            if f["name"] in ID_PATTERNS and f.get("pattern") != ID_PATTERNS[f["name"]]:
                problem("pack", f"pattern of {f['name']} changed: {f.get('pattern')}")
            if f["name"] in ENUMS and [v["value"] for v in f["values"]] != ENUMS[f["name"]]:
                problem("pack", f"values of {f['name']} changed")
        if sorted(p["value"] for p in pack["catalogue"]["products"]) != sorted(PRODUCTS):
            problem("pack", "product catalogue changed")
        routine = [t["id"] for t in pack["handBack"]["tasks"] if t["routine"]]
        if sorted(routine) != sorted(ROUTINE_TASKS):
            problem("pack", f"routine hand-back tasks changed: {routine}")
        intents = {i["id"] for i in pack["intents"]}
        for subs in SUBFLOWS.values():
            for s in subs:
                if s not in intents:
                    problem("pack", f"subflow {s} is not a pack intent")
    ontology = load_first(ONTOLOGY_PATHS)
    if ontology is not None and ontology["intents"]["subflows"] != SUBFLOWS:
        problem("ontology", "subflows differ from the copy in check.py")


def canonical_ok(name, value):
    if not isinstance(value, str) or value != value.strip() or not value:
        return False
    if name in ID_PATTERNS:
        return re.match(ID_PATTERNS[name], value) is not None
    if name == "email":
        return re.match(r"^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$", value) is not None
    if name == "phone":
        return re.match(r"^\+[1-9]\d{6,14}$", value) is not None
    if name == "amount":
        return re.match(r"^\d+\.\d{2} USD$", value) is not None
    if name == "date":
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            return False
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if name in ENUMS:
        return value in ENUMS[name]
    if name == "product":
        return value in PRODUCTS
    if name == "customer_name":
        return re.match(r"^[^\W\d_][^\d]*$", value) is not None and " " in value
    if name == "street_address":
        return re.match(r"^\d+ [A-Z][A-Za-z]*( [A-Z][A-Za-z]*)+$", value) is not None
    return False


def fictional_phone(value):
    return any(re.match(p, value) for p in PHONE_RANGES)


# ---------- evidence heuristics (warnings only) ----------
NUM_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
             "six": "6", "seven": "7", "eight": "8", "nine": "9"}
NATO = {"alpha": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f", "golf": "g",
        "hotel": "h", "india": "i", "juliet": "j", "kilo": "k", "lima": "l", "mike": "m", "november": "n",
        "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u",
        "victor": "v", "whiskey": "w", "xray": "x", "yankee": "y", "zulu": "z"}


def char_stream(text, letters):
    """Digits (and single letters when asked) in the order spoken; 'double x' doubles x."""
    out = []
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        rep = 1
        if tok in ("double", "triple") and i + 1 < len(tokens):
            rep = 2 if tok == "double" else 3
            i += 1
            tok = tokens[i]
        if tok.isdigit():
            out.append(tok * rep)
        elif tok in NUM_WORDS and not (letters and tok == "o"):
            out.append(NUM_WORDS[tok] * rep)
        elif letters and len(tok) == 1:
            out.append(tok * rep)
        elif letters and tok in NATO:
            out.append(NATO[tok] * rep)
        i += 1
    return "".join(out)


def spelled_words(text):
    """Letters, digits and whole words in order, without the joiners of a spoken email."""
    out = []
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        rep = 1
        if tok in ("double", "triple") and i + 1 < len(tokens):
            rep = 2 if tok == "double" else 3
            i += 1
            tok = tokens[i]
        if tok in ("dot", "at", "underscore", "dash", "hyphen", "as", "in", "like", "for", "is", "and", "so",
                   "then", "all", "one", "word"):
            if tok == "one" and i + 1 < len(tokens) and tokens[i + 1] != "word":
                out.append("1")
        elif tok in NUM_WORDS and tok != "o":
            out.append(NUM_WORDS[tok] * rep)
        elif tok in NATO:
            out.append(NATO[tok] * rep)
        else:
            out.append(tok * rep)
        i += 1
    return "".join(out)


def evidence(call, name, value):
    texts = [t["text"] for t in call["turns"]]
    whole = " ".join(texts).lower()
    if call.get("handoff"):
        whole_pkg = json.dumps(call["handoff"], ensure_ascii=False).lower()
    else:
        whole_pkg = ""
    if value.lower() in whole or value.lower() in whole_pkg:
        return True
    if name in ("order_id", "zip_code"):
        return any(value in char_stream(t, False) for t in texts)
    if name == "phone":
        national = value[2:] if value.startswith("+1") else value[3:]
        return any(national[-7:] in char_stream(t, False) for t in texts)
    if name in ("account_id", "username"):
        return any(value.lower() in char_stream(t, True) for t in texts)
    if name == "email":
        local = value.split("@")[0]
        core = re.sub(r"[._-]", "", local)
        return any(core in spelled_words(t) for t in texts)
    if name == "customer_name":
        return value.split()[0].lower() in whole
    if name == "street_address":
        return value.split()[1].lower() in whole
    if name == "product":
        return value.split()[-1] in whole
    return True  # amounts, dates, enums: spoken forms too varied; checked by hand


# ---------- per-call checks ----------
def check_package(where, h, truth):
    if list(h.keys()) != HANDOFF_KEYS:
        problem(where, f"handoff keys {list(h.keys())}")
        return
    if not re.match(r"^ho_[0-9a-f]{4}$", h["handoffId"]):
        problem(where, "handoffId shape")
    if not re.match(r"^CA[0-9a-f]{32}$", h["callSid"]):
        problem(where, f"callSid shape {h['callSid']}")
    if not (isinstance(h["triggeredAtMs"], int) and isinstance(h["packagedAtMs"], int)
            and 0 <= h["triggeredAtMs"] <= h["packagedAtMs"]):
        problem(where, "trigger/package times")
    if h["packagedAtMs"] - h["triggeredAtMs"] > 1000:
        warn(where, "packaging took over a second")
    c = h["caller"]
    if list(c.keys()) != ["name", "phone", "verified", "verification"]:
        problem(where, f"caller keys {list(c.keys())}")
    if not isinstance(c.get("verified"), bool):
        problem(where, "caller.verified not boolean")
    if not fictional_phone(c.get("phone", "")):
        problem(where, f"caller.phone not in a fictional range: {c.get('phone')}")
    i = h["intent"]
    if list(i.keys()) != ["label", "confidence"] or not (0 <= i["confidence"] <= 1):
        problem(where, "intent shape")
    if not any(i["label"] in subs for subs in SUBFLOWS.values()):
        problem(where, f"intent label {i['label']} is not a subflow")
    if h["trigger"].get("code") not in TRIGGER_CODES or not h["trigger"].get("detail"):
        problem(where, "trigger")
    if not all(isinstance(s, str) and s for s in h["nextSteps"]) or not h["nextSteps"]:
        problem(where, "nextSteps")
    if h["language"] != "en":
        problem(where, "language")
    for a in h["aiAttempts"]:
        if list(a.keys()) != ["tool", "input", "ok", "result"] or not isinstance(a["ok"], bool):
            problem(where, f"aiAttempt shape {a}")
    pkg_values = {}
    for f in h["facts"]:
        if list(f.keys()) != ["name", "value", "source"] or f["source"] not in ("caller", "system"):
            problem(where, f"package fact shape {f}")
            continue
        if f["name"] not in FACT_NAMES:
            problem(where, f"package fact name {f['name']}")
        if f["name"] in pkg_values:
            problem(where, f"package fact {f['name']} twice")
        if not canonical_ok(f["name"], f["value"]):
            problem(where, f"package fact {f['name']} not canonical: {f['value']!r}")
        pkg_values[f["name"]] = f["value"]
    # caller block and facts list must agree where both carry a value
    for cname, fname in (("name", "customer_name"), ("phone", "phone")):
        if fname in pkg_values and pkg_values[fname] != c[cname]:
            problem(where, f"caller.{cname} and facts {fname} disagree")
        pkg_values.setdefault(fname, c[cname])
    errors = set(truth["contextErrors"])
    for name, value in pkg_values.items():
        key = f"facts.{name}"
        tv = truth["facts"].get(name)
        if tv is None:
            problem(where, f"package fact {name} missing from truth.facts")
        elif key in errors and tv == value:
            problem(where, f"{key} labelled an error but truth keeps the package value")
        elif key not in errors and tv != value:
            problem(where, f"truth {name}={tv!r} differs from package {value!r} without a context error")
    for e in errors:
        if not e.startswith("facts.") or e[6:] not in pkg_values:
            problem(where, f"context error {e} names no package fact")
    return pkg_values


def check_raw(where, state, raw):
    if state == "empty-body":
        if raw.strip():
            problem(where, "empty-body state but raw has content")
        return
    if state == "html-error":
        if not raw.lstrip().lower().startswith("<!doctype html") and not raw.lstrip().startswith("<html"):
            problem(where, "html-error raw is not HTML")
        return
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError:
        parsed = None
    if state == "truncated-json":
        if parsed is not None or not raw.startswith("{"):
            problem(where, "truncated-json raw must start like JSON and not parse")
    elif state == "old-shape":
        if not isinstance(parsed, dict):
            problem(where, "old-shape raw must be a JSON object")
        elif set(HANDOFF_KEYS) <= set(parsed.keys()):
            problem(where, "old-shape raw has the current package shape")
        else:
            for m in re.findall(r"\d{3}-\d{3}-\d{4}", raw):
                if not fictional_phone("+1" + m.replace("-", "")):
                    problem(where, f"raw phone {m} not fictional")
    else:
        problem(where, f"unknown damaged state {state}")
    for m in re.findall(r"\+\d{8,15}", raw):
        if not fictional_phone(m):
            problem(where, f"raw phone {m} not fictional")


def check_call(fname, call, meta, verbose):
    where = fname
    expected_keys = ["format", "id", "title", "kb", "handoff"]
    if "rawHandoff" in call:
        expected_keys.append("rawHandoff")
    expected_keys += ["pickupAtMs", "turns", "truth"]
    if list(call.keys()) != expected_keys:
        problem(where, f"top-level keys {list(call.keys())}")
        return
    if call["format"] != "call-scenario/1" or call["kb"] != "abcd":
        problem(where, "format/kb")
    if call["id"] + ".json" != fname:
        problem(where, "id does not match file name")
    if not call["title"] or len(call["title"]) > 140:
        problem(where, "title")
    state = meta["state"]
    truth = call["truth"]
    if list(truth.keys()) != ["facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"]:
        problem(where, f"truth keys {list(truth.keys())}")
        return
    pkg = None
    if state == "valid":
        if not isinstance(call["handoff"], dict) or "rawHandoff" in call:
            problem(where, "valid state needs a handoff object and no rawHandoff")
        else:
            pkg = check_package(where, call["handoff"], truth)
            if not call["pickupAtMs"] > call["handoff"]["packagedAtMs"]:
                problem(where, "pickup before the package was ready")
            wait = call["pickupAtMs"] - call["handoff"]["packagedAtMs"]
            if wait > 30000:
                warn(where, f"pickup {wait} ms after packaging (over 30 s)")
    elif state == "null":
        if call["handoff"] is not None or "rawHandoff" in call:
            problem(where, "null state must have handoff null and no rawHandoff")
    elif state in DAMAGED_STATES:
        if call["handoff"] is not None or "rawHandoff" not in call:
            problem(where, "damaged state must have handoff null and rawHandoff")
        else:
            check_raw(where, state, call["rawHandoff"])
    else:
        problem(where, f"unknown state {state}")

    turns = call["turns"]
    if not 14 <= len(turns) <= 20:
        problem(where, f"{len(turns)} turns (want 14 to 20)")
    last = call["pickupAtMs"]
    speakers = set()
    for i, t in enumerate(turns):
        if list(t.keys()) != ["atMs", "speaker", "text"]:
            problem(where, f"turn {i} keys")
            continue
        if t["speaker"] not in ("agent", "customer"):
            problem(where, f"turn {i} speaker")
        speakers.add(t["speaker"])
        if not t["atMs"] > last:
            problem(where, f"turn {i} time not after the previous one")
        gap = t["atMs"] - last
        if i > 0 and gap < 1500:
            warn(where, f"turn {i} only {gap} ms after the previous one")
        # a turn cannot start before the previous one could be spoken (about 18 chars a second)
        if i > 0:
            prev = turns[i - 1]
            if gap < len(prev["text"]) / 18 * 1000 * 0.6:
                warn(where, f"turn {i} starts {gap} ms after a {len(prev['text'])}-char turn")
        last = t["atMs"]
        if not t["text"] or t["text"] != t["text"].strip():
            problem(where, f"turn {i} text empty or padded")
        for m in re.findall(r"\+\d{8,15}", t["text"]):
            if not fictional_phone(m):
                problem(where, f"turn {i} phone {m} not fictional")
    if speakers != {"agent", "customer"}:
        problem(where, "both speakers must talk")
    for i in range(1, len(turns)):
        if turns[i]["speaker"] == turns[i - 1]["speaker"]:
            warn(where, f"turns {i - 1} and {i} by the same speaker")

    for name, value in truth["facts"].items():
        if name not in FACT_NAMES:
            problem(where, f"truth fact name {name}")
            continue
        if not canonical_ok(name, value):
            problem(where, f"truth {name} not canonical: {value!r}")
        if name == "phone" and not fictional_phone(value):
            problem(where, f"truth phone {value} not in a fictional range")
        if name == "date" and canonical_ok(name, value):
            d = datetime.date.fromisoformat(value)
            if abs((d - CALL_DAY).days) > 120:
                problem(where, f"date {value} far from the call day")
        if not evidence(call, name, value):
            warn(where, f"no evidence found for {name}={value!r}")
    for r in truth["repeats"]:
        if not isinstance(r, int) or not 0 <= r < len(turns):
            problem(where, f"repeat {r} out of range")
        elif turns[r]["speaker"] != "customer":
            problem(where, f"repeat {r} is not a customer turn")
    if truth["repeats"] != sorted(set(truth["repeats"])):
        problem(where, "repeats not sorted/unique")
    if truth["repeats"] and pkg is None:
        problem(where, "repeats without a valid package")
    if truth["contextErrors"] and pkg is None:
        problem(where, "context errors without a valid package")
    if not truth["kbSubflows"]:
        problem(where, "no kbSubflows")
    for s in truth["kbSubflows"]:
        if not any(s in subs for subs in SUBFLOWS.values()):
            problem(where, f"kbSubflow {s} unknown")
    flow = FLOW_LABELS.get(meta["flow"])
    if flow is None or truth["kbSubflows"][0] not in SUBFLOWS[flow]:
        problem(where, f"flow {meta['flow']} does not hold {truth['kbSubflows'][0]}")
    hb = truth["handBack"]
    if hb is not None:
        if list(hb.keys()) != ["task", "allowed"] or not re.match(r"^[a-z][a-z0-9_]*$", hb["task"]) \
                or not isinstance(hb["allowed"], bool):
            problem(where, f"handBack shape {hb}")
        elif hb["allowed"] and hb["task"] not in ROUTINE_TASKS:
            problem(where, f"allowed hand-back {hb['task']} is not a routine pack task")
        elif hb["task"] not in ROUTINE_TASKS + NON_ROUTINE_TASKS:
            warn(where, f"hand-back task {hb['task']} is not a pack task")
    if not isinstance(truth["injection"], bool):
        problem(where, "injection not boolean")


def check_readme(built):
    path = os.path.join(ROOT, "README.md")
    if not os.path.exists(path):
        problem("README.md", "missing")
        return
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    rows = [line.strip() for line in text.splitlines() if line.startswith("| b15a-")]
    want = build.table_rows(built)
    if rows != want:
        missing = [r for r in want if r not in rows]
        extra = [r for r in rows if r not in want]
        for r in missing:
            problem("README.md", f"table row missing or different: {r}")
        for r in extra:
            problem("README.md", f"table row not matching any call: {r}")


def check_batch(built):
    n = len(built)
    if n != 20:
        problem("batch", f"{n} calls (want 20)")
    numbers = [c["id"].split("-")[1] for c, _ in built]
    if numbers != [f"{i:02d}" for i in range(1, n + 1)]:
        problem("batch", f"call numbers {numbers}")
    for c, _ in built:
        if not re.match(r"^b15a-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$", c["id"]):
            problem(c["id"], "id is not b15a-NN-<kebab-slug>")
    ids = [c["id"] for c, _ in built]
    if len(set(ids)) != n:
        problem("batch", "duplicate ids")
    sids = [c["handoff"]["callSid"] for c, _ in built if c["handoff"]]
    if len(set(sids)) != len(sids):
        problem("batch", "duplicate callSids")
    flows = set()
    for c, meta in built:
        for s in c["truth"]["kbSubflows"]:
            flows.update(f for f, subs in SUBFLOWS.items() if s in subs)
    if flows != set(SUBFLOWS):
        problem("batch", f"flows not covered: {sorted(set(SUBFLOWS) - flows)}")
    inj = [c["id"] for c, _ in built if c["truth"]["injection"]]
    if len(inj) != 3:
        problem("batch", f"{len(inj)} calls with injection (want exactly 3)")
    errs = [e for c, _ in built for e in c["truth"]["contextErrors"]]
    if len(errs) < 5 or len(set(errs)) < 5:
        problem("batch", f"context errors {errs} (want at least 5 of 5 fact types)")
    damaged = {m["state"] for _, m in built if m["state"] != "valid"}
    if len(damaged) < 3:
        problem("batch", f"damaged kinds {sorted(damaged)} (want at least 3)")
    hb = [c["truth"]["handBack"] for c, _ in built]
    allowed = sum(1 for h in hb if h and h["allowed"])
    refused = sum(1 for h in hb if h and not h["allowed"])
    none = sum(1 for h in hb if h is None)
    if min(allowed, refused, none) < 3:
        problem("batch", f"hand-back mix allowed={allowed} refused={refused} none={none}")
    confirmed_only = 0
    for c, meta in built:
        if meta["state"] == "valid" and re.search(r"merely confirmed", meta["notes"]):
            confirmed_only += 1
    if confirmed_only < 3:
        problem("batch", f"only {confirmed_only} calls note read-backs that are merely confirmed")
    return {"calls": n, "injection": len(inj), "contextErrors": len(errs), "damaged": sorted(damaged),
            "allowed": allowed, "refused": refused, "none": none,
            "turns": sum(len(c["turns"]) for c, _ in built),
            "facts": sum(len(c["truth"]["facts"]) for c, _ in built),
            "repeats": sum(len(c["truth"]["repeats"]) for c, _ in built)}


def main():
    verbose = "--verbose" in sys.argv
    cross_check_references()
    try:
        built = build.build_all()
    except build.SourceError as exc:
        print(f"check: source error: {exc}")
        return 1
    on_disk = sorted(f for f in os.listdir(build.OUT) if f.endswith(".json"))
    if on_disk != sorted(c["id"] + ".json" for c, _ in built):
        problem("calls/", "files differ from src/ (run tools/build.py)")
    for call, meta in built:
        fname = call["id"] + ".json"
        path = os.path.join(build.OUT, fname)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                if fh.read() != build.serialise(call):
                    problem(fname, "out of date (run tools/build.py)")
            with open(path, encoding="utf-8") as fh:
                call_on_disk = json.load(fh)
            check_call(fname, call_on_disk, meta, verbose)
    stats = check_batch(built)
    check_readme(built)
    lic = os.path.join(ROOT, "LICENSE")
    if not os.path.exists(lic) or "CC0 1.0" not in open(lic, encoding="utf-8").read():
        problem("LICENSE", "missing or not CC0 1.0")
    if verbose or not problems:
        for w in warnings:
            print(f"warning: {w}")
    for p in problems:
        print(f"problem: {p}")
    print("check: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
    if problems:
        print(f"check: FAILED with {len(problems)} problem(s)")
        return 1
    print(f"check: OK ({len(warnings)} warning(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
