#!/usr/bin/env python3
"""Consistency checker for batch-09/abcd (format, canonical forms, labels, counts, duplicates).

Checks only; it writes nothing into calls/. Exit code 1 on any error.
  python3 tools/check.py            # check everything
  python3 tools/check.py --counts   # also print the counts table
  python3 tools/check.py --review   # also print each repeat turn and each contradicted fact
"""
import datetime
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CALLS = ROOT / "calls"
ONTOLOGY = Path("/work/shared/data/abcd/ontology.json")

FACT_NAMES = {"customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
TOP_KEYS = ["format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"]
HANDOFF_KEYS = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"]
TRUTH_KEYS = ["facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"]
PARTICLES = {"de", "la", "van", "der", "von", "da", "di", "del", "le", "du", "den", "ter", "bin", "al"}
CALL_DATE = datetime.date(2026, 6, 15)

ont = json.loads(ONTOLOGY.read_text())
SUBFLOW_FLOW = {sf: fl for fl, sfs in ont["intents"]["subflows"].items() for sf in sfs}
PRODUCTS = set(ont["values"]["enumerable"]["product"])
LEVELS = set(ont["values"]["enumerable"]["membership_level"])
PAYMENTS = set(ont["values"]["enumerable"]["payment_method"])

errors = []


def err(cid, msg):
    errors.append(f"{cid}: {msg}")


def canonical_ok(name, v):
    if not isinstance(v, str) or v != v.strip() or not v:
        return False
    if re.search(r"[\u0000-\u001f\u200e\u200f\u202a-\u202e\u2066-\u2069<>]", v):
        return False
    if name == "email":
        return re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", v) is not None
    if name == "phone":
        return re.fullmatch(r"\+1[2-9]\d{2}[2-9]\d{6}", v) is not None
    if name == "amount":
        return re.fullmatch(r"\d+\.\d{2} USD", v) is not None
    if name == "date":
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) is not None and abs((d - CALL_DATE).days) < 800
    if name == "order_id":
        return re.fullmatch(r"\d{8,12}", v) is not None
    if name == "account_id":
        return re.fullmatch(r"[A-Z0-9]{6,14}", v) is not None
    if name == "zip_code":
        return re.fullmatch(r"\d{5}", v) is not None
    if name == "username":
        return re.fullmatch(r"[a-z0-9][a-z0-9._-]{1,40}", v) is not None
    if name == "membership_level":
        return v in LEVELS
    if name == "payment_method":
        return v in PAYMENTS
    if name == "product":
        return v in PRODUCTS
    if name == "street_address":
        return re.fullmatch(r"\d+ [A-Z][A-Za-z]*( [A-Z][A-Za-z]*)+", v) is not None
    if name == "customer_name":
        parts = v.split(" ")
        if len(parts) < 2:
            return False
        for p in parts:
            if p in PARTICLES:
                continue
            for sub in p.split("-"):
                if not sub or not sub[0].isupper() or not sub[1:].islower() and sub[1:] != "":
                    return False
        return True
    return False


def package_valid(raw):
    try:
        obj = json.loads(raw)
    except (ValueError, TypeError):
        return False
    return isinstance(obj, dict) and all(k in obj and obj[k] is not None for k in HANDOFF_KEYS)


def check_handoff(cid, h):
    if list(h.keys()) != HANDOFF_KEYS:
        err(cid, f"handoff keys {list(h.keys())}")
    if not re.fullmatch(r"ho_[0-9a-f]{4}", h["handoffId"]):
        err(cid, "handoffId form")
    if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]):
        err(cid, "callSid form")
    if not (0 <= h["triggeredAtMs"] <= h["packagedAtMs"]):
        err(cid, "trigger/package times")
    c = h["caller"]
    if list(c.keys()) != ["name", "phone", "verified", "verification"]:
        err(cid, "caller keys")
    if not canonical_ok("customer_name", c["name"]) or not canonical_ok("phone", c["phone"]):
        err(cid, "caller name/phone not canonical")
    if not re.fullmatch(r"\+1\d{3}55501\d{2}", c["phone"]):
        err(cid, "caller phone not 555-01xx")
    if not isinstance(c["verified"], bool) or not isinstance(c["verification"], str):
        err(cid, "caller verified/verification")
    if h["intent"]["label"] not in SUBFLOW_FLOW or not 0 <= h["intent"]["confidence"] <= 1:
        err(cid, "intent")
    if list(h["intent"].keys()) != ["label", "confidence"]:
        err(cid, "intent keys")
    if not isinstance(h["summary"], str) or not h["summary"]:
        err(cid, "summary")
    names = []
    for f in h["facts"]:
        if list(f.keys()) != ["name", "value", "source"] or f["name"] not in FACT_NAMES \
                or f["source"] not in ("caller", "system"):
            err(cid, f"package fact shape {f}")
        elif not canonical_ok(f["name"], f["value"]):
            err(cid, f"package fact not canonical {f}")
        names.append(f["name"])
    if len(names) != len(set(names)):
        err(cid, "duplicate package fact names")
    for a in h["aiAttempts"]:
        if list(a.keys()) != ["tool", "input", "ok", "result"] or not isinstance(a["input"], dict) \
                or not isinstance(a["ok"], bool):
            err(cid, f"aiAttempt shape {a}")
    if h["trigger"]["code"] not in TRIGGERS or list(h["trigger"].keys()) != ["code", "detail"]:
        err(cid, "trigger")
    if not h["nextSteps"] or not all(isinstance(s, str) and s for s in h["nextSteps"]):
        err(cid, "nextSteps")
    if h["language"] != "en":
        err(cid, "language")


def main(argv):
    files = sorted(CALLS.glob("*.json"))
    all_texts = {}
    stats = {"calls": 0, "turns": 0, "facts": 0, "damaged": 0, "context_errors": 0, "repeats": 0,
             "steering": 0, "hb_allowed": 0, "hb_refused": 0, "hb_none": 0, "flows": {}}
    seen_nums = set()
    phones = {}
    review = []
    rows = {}
    for p in files:
        call = json.loads(p.read_text(encoding="utf-8"))
        cid = call.get("id", p.stem)
        keys = [k for k in TOP_KEYS if k in call]
        if list(call.keys()) != keys or any(k not in call for k in TOP_KEYS if k != "rawHandoff"):
            err(cid, f"top-level keys {list(call.keys())}")
        if call["format"] != "call-scenario/1" or call["kb"] != "abcd":
            err(cid, "format/kb")
        m = re.fullmatch(r"b9a-(\d{2})-[a-z0-9]+(-[a-z0-9]+)*", cid)
        if not m or p.stem != cid:
            err(cid, "id form / file name")
        else:
            seen_nums.add(int(m.group(1)))
        h = call["handoff"]
        truth = call["truth"]
        if list(truth.keys()) != TRUTH_KEYS:
            err(cid, f"truth keys {list(truth.keys())}")
        tf = truth["facts"]
        for n, v in tf.items():
            if n not in FACT_NAMES:
                err(cid, f"unknown fact name {n}")
            elif not canonical_ok(n, v):
                err(cid, f"truth fact not canonical {n}={v!r}")
        if "phone" in tf:
            if not re.fullmatch(r"\+1\d{3}55501\d{2}", tf["phone"]):
                err(cid, "phone not 555-01xx")
            if tf["phone"] in phones:
                err(cid, f"phone reused from {phones[tf['phone']]}")
            phones[tf["phone"]] = cid
        damaged = h is None
        if damaged:
            if "rawHandoff" not in call:
                err(cid, "handoff null without rawHandoff")
            elif package_valid(call["rawHandoff"]):
                err(cid, "rawHandoff parses as a complete package but handoff is null")
            if truth["repeats"] or truth["contextErrors"]:
                err(cid, "damaged package cannot have repeats or contextErrors")
        else:
            if "rawHandoff" in call:
                err(cid, "rawHandoff next to a valid handoff")
            check_handoff(cid, h)
            pk = {f["name"]: f["value"] for f in h["facts"]}
            if tf.get("customer_name") != h["caller"]["name"]:
                err(cid, "caller.name differs from truth customer_name")
            if tf.get("phone") != h["caller"]["phone"]:
                err(cid, "caller.phone differs from truth phone")
            if pk.get("customer_name", h["caller"]["name"]) != h["caller"]["name"]:
                err(cid, "package customer_name differs from caller.name")
            expected_ce = sorted(f"facts.{n}" for n, v in pk.items() if tf.get(n) != v)
            if sorted(truth["contextErrors"]) != expected_ce:
                err(cid, f"contextErrors {truth['contextErrors']} but package/truth differ on {expected_ce}")
            for n in pk:
                if n not in tf:
                    err(cid, f"package fact {n} missing from truth")
            for ce in truth["contextErrors"]:
                review.append(f"{cid} CE {ce}: package {pk.get(ce[6:])!r} -> truth {tf.get(ce[6:])!r}")
            if h["packagedAtMs"] >= call["pickupAtMs"]:
                err(cid, "pickup before package")
        turns = call["turns"]
        last = call["pickupAtMs"]
        for i, t in enumerate(turns):
            if list(t.keys()) != ["atMs", "speaker", "text"] or t["speaker"] not in ("agent", "customer"):
                err(cid, f"turn {i} shape")
            if t["atMs"] <= last:
                err(cid, f"turn {i} time not increasing")
            last = t["atMs"]
            key = t["text"].strip().lower()
            if key in all_texts:
                err(cid, f"duplicate turn text with {all_texts[key]}: {t['text'][:60]}")
            all_texts[key] = f"{cid}#{i}"
        reps = truth["repeats"]
        if reps != sorted(set(reps)):
            err(cid, "repeats not sorted/unique")
        for r in reps:
            if not (0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
                err(cid, f"repeat {r} is not a customer turn")
            else:
                review.append(f"{cid} R{r}: {turns[r]['text']}")
        if not truth["kbSubflows"] or any(s not in SUBFLOW_FLOW for s in truth["kbSubflows"]):
            err(cid, "kbSubflows")
        hb = truth["handBack"]
        if hb is not None and (list(hb.keys()) != ["task", "allowed"] or not isinstance(hb["allowed"], bool)
                               or not re.fullmatch(r"[a-z][a-z0-9_]*", hb["task"])):
            err(cid, "handBack shape")
        if not isinstance(truth["injection"], bool):
            err(cid, "injection not bool")
        flow = SUBFLOW_FLOW.get(truth["kbSubflows"][0], "?")
        stats["calls"] += 1
        stats["turns"] += len(turns)
        stats["facts"] += len(tf)
        stats["damaged"] += damaged
        stats["context_errors"] += len(truth["contextErrors"])
        stats["repeats"] += len(reps)
        stats["steering"] += truth["injection"]
        hb_state = "none" if hb is None else ("allowed" if hb["allowed"] else "refused")
        stats["hb_" + hb_state] += 1
        stats["flows"][flow] = stats["flows"].get(flow, 0) + 1
        rows[cid] = {"flow": f"{flow} / {', '.join(truth['kbSubflows'])}",
                     "ce": ", ".join(truth["contextErrors"]) or "—",
                     "rep": ", ".join(map(str, reps)) or "—",
                     "inj": "yes" if truth["injection"] else "no",
                     "hb": "none" if hb is None else f"{hb_state}: {hb['task']}",
                     "pkg": "damaged" if damaged else "valid"}
    if seen_nums != set(range(1, 21)):
        err("batch", f"call numbers {sorted(seen_nums)}")
    check_labels(rows)
    check_readme(stats)
    if "--counts" in argv:
        print_counts(stats)
    if "--review" in argv:
        print("\n".join(review))
    for e in errors:
        print("ERROR", e)
    print(f"{stats['calls']} calls checked, {len(errors)} errors")
    return 1 if errors else 0


def table_rows(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not re.match(r"\|\s*-", line):
            out.append([c.strip() for c in line.strip().strip("|").split("|")])
    return out


def check_labels(rows):
    path = ROOT / "labels.md"
    if not path.exists():
        err("labels.md", "missing")
        return
    tab = table_rows(path)
    head = tab[0]
    want = ["id", "flow / subflows", "package", "contextErrors", "repeats", "injection", "handBack"]
    if head[:len(want)] != want:
        err("labels.md", f"header {head}")
        return
    found = set()
    for r in tab[1:]:
        cid = r[0].strip("`")
        if cid not in rows:
            err("labels.md", f"unknown id {cid}")
            continue
        found.add(cid)
        exp = rows[cid]
        got = {"flow": r[1], "pkg": r[2], "ce": r[3], "rep": r[4], "inj": r[5].split(" ")[0], "hb": r[6]}
        for k in got:
            if got[k] != exp[k]:
                err("labels.md", f"{cid} column {k}: {got[k]!r} != {exp[k]!r}")
    if found != set(rows):
        err("labels.md", f"missing rows {sorted(set(rows) - found)}")


def count_lines(stats):
    lines = [("calls", stats["calls"]), ("turns", stats["turns"]), ("truth facts", stats["facts"]),
             ("damaged packages", stats["damaged"]), ("context errors", stats["context_errors"]),
             ("repeats", stats["repeats"]), ("steering calls", stats["steering"]),
             ("hand-back allowed", stats["hb_allowed"]), ("hand-back refused", stats["hb_refused"]),
             ("hand-back none", stats["hb_none"])]
    for fl in sorted(stats["flows"]):
        lines.append((f"flow {fl}", stats["flows"][fl]))
    return lines


def print_counts(stats):
    print("| count | value |\n|---|---|")
    for k, v in count_lines(stats):
        print(f"| {k} | {v} |")


def check_readme(stats):
    path = ROOT / "README.md"
    if not path.exists():
        err("README.md", "missing")
        return
    got = {r[0]: r[1] for r in table_rows(path) if len(r) >= 2}
    for k, v in count_lines(stats):
        if got.get(k) != str(v):
            err("README.md", f"count {k}: {got.get(k)!r} != {v}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
