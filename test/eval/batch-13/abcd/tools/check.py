#!/usr/bin/env python3
"""Validate the calls in ../calls/ (call-scenario/1, batch b13a) and print their counts.

Standard library only. Exit 0 when every call is valid and the set meets its targets, 1 otherwise.

Checks:
  * format: keys, ids (b13a-01-... to b13a-20-..., file name = id), kb "abcd", package wire shape,
    trigger codes, intent labels (ABCD subflows), timings (trigger <= packaged < pickup < turns, increasing);
  * turns: 12-18 per call, speakers, speech-recogniser style (lower case);
  * truth: fact names, canonical values (E.164 phones in fictional ranges, YYYY-MM-DD dates, "<n>.<cc> USD"
    amounts, lower-case emails, 10-digit order ids, 10-character account ids, 5-digit zips, enumerations and
    the product catalogue), every valid package fact carried into the truth (same value once control
    characters and markup are removed, unless it is listed as a context error, then a different value),
    repeats pointing at customer turns, no repeats or context errors without a valid package,
    kbSubflows from the ABCD ontology, handBack shape, injection flag;
  * set targets: 20 calls, all 10 ABCD flows, 3 injections, >= 3 damaged or missing packages,
    6-8 context errors of distinct fact types, hand-back allowed / refused / none each >= 4.
"""
import datetime
import json
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
CALLS = ROOT / "calls"
ONTOLOGY = ROOT.parent.parent / "shared" / "data" / "abcd" / "ontology.json"

FLOWS = {
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
SUBFLOW_TO_FLOW = {s: f for f, subs in FLOWS.items() for s in subs}

FACT_NAMES = {"customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
MEMBERSHIP = {"guest", "bronze", "silver", "gold"}
PAYMENT = {"credit card", "debit card", "paypal"}
PRODUCTS = {f"{b} {t}" for b in ("calvin klein", "guess", "michael kors", "tommy hilfiger")
            for t in ("boots", "jacket", "jeans", "shirt")}
FICTIONAL_PHONES = [
    re.compile(r"^\+1[2-9]\d{2}55501\d{2}$"),   # US/CA +1 AAA 555 01xx
    re.compile(r"^\+442079460\d{3}$"),          # UK +44 20 7946 0xxx
    re.compile(r"^\+447700900\d{3}$"),          # UK +44 7700 900xxx
    re.compile(r"^\+614910000\d{2}$|^\+6149100\d{4}$"),  # AU +61 4 9100 0xxx
    re.compile(r"^\+6125550\d{4}$"),            # AU +61 2 5550 xxxx
]
CALL_DAY = datetime.date(2026, 6, 15)

errors = []


def err(cid, msg):
    errors.append(f"{cid}: {msg}")


def clean(value):
    """A package value as plain text: no markup, no control or format characters."""
    value = re.sub(r"<[^>]*>", "", value)
    value = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cf"))
    return value.strip()


def check_value(cid, name, value, where):
    if not isinstance(value, str) or not value:
        err(cid, f"{where} {name}: value must be a non-empty string")
        return
    if value != clean(value):
        err(cid, f"{where} {name}: value carries markup or invisible characters")
    if name == "phone":
        if not any(p.match(value) for p in FICTIONAL_PHONES):
            err(cid, f"{where} phone {value!r} is not E.164 in a fictional range")
    elif name == "date":
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            err(cid, f"{where} date {value!r} is not YYYY-MM-DD")
            return
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or abs((d - CALL_DAY).days) > 400:
            err(cid, f"{where} date {value!r} not canonical or implausible")
    elif name == "amount":
        if not re.fullmatch(r"\d+\.\d{2} USD", value):
            err(cid, f"{where} amount {value!r} is not '<n>.<cc> USD'")
    elif name == "email":
        if value != value.lower() or not re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}", value):
            err(cid, f"{where} email {value!r} not canonical")
    elif name == "order_id":
        if not re.fullmatch(r"\d{10}", value):
            err(cid, f"{where} order_id {value!r} is not 10 digits")
    elif name == "account_id":
        if not re.fullmatch(r"[A-Z0-9]{10}", value):
            err(cid, f"{where} account_id {value!r} is not 10 upper-case letters/digits")
    elif name == "username":
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", value):
            err(cid, f"{where} username {value!r} not canonical")
    elif name == "zip_code":
        if not re.fullmatch(r"\d{5}", value):
            err(cid, f"{where} zip_code {value!r} is not 5 digits")
    elif name == "membership_level":
        if value not in MEMBERSHIP:
            err(cid, f"{where} membership_level {value!r} unknown")
    elif name == "payment_method":
        if value not in PAYMENT:
            err(cid, f"{where} payment_method {value!r} unknown")
    elif name == "product":
        if value not in PRODUCTS:
            err(cid, f"{where} product {value!r} not in the catalogue")
    elif name == "street_address":
        if not re.fullmatch(r"\d+ [A-Z][A-Za-z]*( [A-Z][A-Za-z]*)*", value):
            err(cid, f"{where} street_address {value!r} not 'number Street Name'")
    elif name == "customer_name":
        if value != value.strip() or not re.fullmatch(r"[^\W\d_]+([ '-][^\W\d_]+)+", value):
            err(cid, f"{where} customer_name {value!r} not a written full name")


def check_handoff(cid, h, pickup):
    need = {"handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts",
            "aiAttempts", "trigger", "nextSteps", "language"}
    if set(h) != need:
        err(cid, f"handoff keys {sorted(set(h) ^ need)} differ from the wire shape")
        return
    if not re.fullmatch(r"ho_[0-9a-f]{4}", h["handoffId"]):
        err(cid, "handoffId not ho_xxxx")
    if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]):
        err(cid, "callSid not CA + 32 hex")
    if not (0 <= h["triggeredAtMs"] <= h["packagedAtMs"] < pickup):
        err(cid, "timings: need triggeredAtMs <= packagedAtMs < pickupAtMs")
    c = h["caller"]
    if set(c) != {"name", "phone", "verified", "verification"} or not isinstance(c["verified"], bool):
        err(cid, "caller shape")
    check_value(cid, "phone", c["phone"], "package caller")
    check_value(cid, "customer_name", clean(c["name"]), "package caller")
    i = h["intent"]
    if i.get("label") not in SUBFLOW_TO_FLOW or not (0 <= i.get("confidence", -1) <= 1):
        err(cid, f"intent {i!r}")
    if h["trigger"].get("code") not in TRIGGERS or not h["trigger"].get("detail"):
        err(cid, f"trigger {h['trigger']!r}")
    if h["language"] != "en":
        err(cid, "language")
    seen = set()
    for f in h["facts"]:
        if set(f) != {"name", "value", "source"} or f["source"] not in ("caller", "system"):
            err(cid, f"package fact shape {f!r}")
            continue
        if f["name"] not in FACT_NAMES:
            err(cid, f"package fact name {f['name']!r}")
        if f["name"] in seen:
            err(cid, f"package fact {f['name']} twice")
        seen.add(f["name"])
        check_value(cid, f["name"], clean(f["value"]), "package")
    for a in h["aiAttempts"]:
        if set(a) != {"tool", "input", "ok", "result"} or not isinstance(a["ok"], bool):
            err(cid, f"aiAttempt shape {a!r}")
    if not all(isinstance(s, str) and s for s in h["nextSteps"]):
        err(cid, "nextSteps")


def package_facts(h):
    out = {"customer_name": clean(h["caller"]["name"]), "phone": clean(h["caller"]["phone"])}
    for f in h["facts"]:
        out[f["name"]] = clean(f["value"])
    return out


def raw_is_valid_package(raw):
    try:
        obj = json.loads(raw)
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("caller"), dict) and isinstance(obj.get("facts"), list)


def check_call(path, stats):
    cid = path.stem
    try:
        call = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        err(cid, f"not JSON: {e}")
        return
    keys = ["format", "id", "title", "kb", "handoff"] + (["rawHandoff"] if "rawHandoff" in call else []) + \
        ["pickupAtMs", "turns", "truth"]
    if list(call) != keys:
        err(cid, f"top-level keys {list(call)}")
    if call.get("format") != "call-scenario/1":
        err(cid, "format")
    if call.get("id") != cid or not re.fullmatch(r"b13a-(0[1-9]|1\d|20)-[a-z0-9]+(-[a-z0-9]+)*", cid):
        err(cid, "id / file name")
    if call.get("kb") != "abcd":
        err(cid, "kb must be abcd")
    if not call.get("title"):
        err(cid, "title")
    pickup = call["pickupAtMs"]
    h = call["handoff"]
    if h is not None:
        check_handoff(cid, h, pickup)
        if "rawHandoff" in call:
            err(cid, "rawHandoff only goes with a null handoff")
    else:
        stats["damaged"].append(cid)
        if "rawHandoff" in call and raw_is_valid_package(call["rawHandoff"]):
            err(cid, "rawHandoff parses as a valid package; it should be damaged")

    turns = call["turns"]
    if not 12 <= len(turns) <= 18:
        err(cid, f"{len(turns)} turns (need 12-18)")
    last = pickup
    for n, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"} or t["speaker"] not in ("agent", "customer"):
            err(cid, f"turn {n} shape")
            continue
        if t["atMs"] <= last:
            err(cid, f"turn {n} atMs not increasing")
        last = t["atMs"]
        if not t["text"] or t["text"] != t["text"].lower():
            err(cid, f"turn {n} not lower-case recogniser text")
    stats["turns"] += len(turns)

    tr = call["truth"]
    if list(tr) != ["facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"]:
        err(cid, f"truth keys {list(tr)}")
        return
    for name, value in tr["facts"].items():
        if name not in FACT_NAMES:
            err(cid, f"truth fact name {name!r}")
        check_value(cid, name, value, "truth")
    stats["facts"] += len(tr["facts"])

    reps = tr["repeats"]
    if reps != sorted(set(reps)):
        err(cid, "repeats not sorted/unique")
    for r in reps:
        if not (0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
            err(cid, f"repeat {r} is not a customer turn")
    stats["repeats"] += len(reps)

    ces = tr["contextErrors"]
    if h is None:
        if reps or ces:
            err(cid, "repeats/contextErrors need a valid package")
    else:
        pf = package_facts(h)
        ce_names = []
        for ce in ces:
            m = re.fullmatch(r"facts\.([a-z_]+)", ce)
            if not m or m.group(1) not in pf:
                err(cid, f"context error {ce!r} names no package fact")
                continue
            ce_names.append(m.group(1))
        for name, value in pf.items():
            if name not in tr["facts"]:
                err(cid, f"package fact {name} missing from truth")
            elif name in ce_names:
                if tr["facts"][name] == value:
                    err(cid, f"context error {name}: truth equals the package value")
            elif tr["facts"][name] != value:
                err(cid, f"package fact {name}: truth {tr['facts'][name]!r} != package {value!r} "
                         f"but not a context error")
        for name in ce_names:
            stats["ce_types"].append(name)
        if not reps:
            stats["no_repeat_with_pkg"].append(cid)
    stats["ce"] += len(ces)

    subs = tr["kbSubflows"]
    if not subs or any(s not in SUBFLOW_TO_FLOW for s in subs):
        err(cid, f"kbSubflows {subs}")
    else:
        stats["flows"].setdefault(SUBFLOW_TO_FLOW[subs[0]], []).append(cid)

    hb = tr["handBack"]
    if hb is None:
        stats["hb_none"] += 1
    elif set(hb) == {"task", "allowed"} and isinstance(hb["allowed"], bool) and \
            re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", hb["task"]):
        stats["hb_allowed" if hb["allowed"] else "hb_refused"] += 1
    else:
        err(cid, f"handBack {hb!r}")
    if not isinstance(tr["injection"], bool):
        err(cid, "injection must be a boolean")
    elif tr["injection"]:
        stats["injections"].append(cid)


def main():
    if ONTOLOGY.exists():
        onto = json.loads(ONTOLOGY.read_text(encoding="utf-8"))["intents"]["subflows"]
        if {k: list(v) for k, v in onto.items()} != FLOWS:
            errors.append("ontology: embedded flow list differs from shared/data/abcd/ontology.json")
    files = sorted(CALLS.glob("*.json"))
    stats = {"damaged": [], "turns": 0, "facts": 0, "repeats": 0, "ce": 0, "ce_types": [], "flows": {},
             "hb_none": 0, "hb_allowed": 0, "hb_refused": 0, "injections": [], "no_repeat_with_pkg": []}
    for p in files:
        check_call(p, stats)

    ids = [p.stem[:7] for p in files]
    if ids != [f"b13a-{n:02d}" for n in range(1, 21)]:
        errors.append(f"set: expected b13a-01 .. b13a-20, found {ids}")
    if len(stats["flows"]) != 10:
        errors.append(f"set: flows covered {sorted(stats['flows'])} (need all 10)")
    if len(stats["injections"]) != 3:
        errors.append(f"set: {len(stats['injections'])} injections (need 3)")
    if len(stats["damaged"]) < 3:
        errors.append("set: fewer than 3 damaged or missing packages")
    if not 6 <= stats["ce"] <= 8 or len(set(stats["ce_types"])) != len(stats["ce_types"]):
        errors.append(f"set: context errors {stats['ce_types']} (need 6-8 of distinct fact types)")
    if min(stats["hb_none"], stats["hb_allowed"], stats["hb_refused"]) < 4:
        errors.append("set: hand-back allowed / refused / none need at least 4 each")

    print(f"calls: {len(files)}   turns: {stats['turns']}   truth facts: {stats['facts']}   "
          f"repeats: {stats['repeats']}")
    print(f"flows: " + ", ".join(f"{f} {len(v)}" for f, v in sorted(stats["flows"].items())))
    print(f"context errors: {stats['ce']} ({', '.join(stats['ce_types'])})")
    print(f"hand-back: allowed {stats['hb_allowed']}, refused {stats['hb_refused']}, none {stats['hb_none']}")
    print(f"injections: {len(stats['injections'])} ({', '.join(c[:7] for c in stats['injections'])})")
    print(f"damaged or missing packages: {len(stats['damaged'])} ({', '.join(c[:7] for c in stats['damaged'])})")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
