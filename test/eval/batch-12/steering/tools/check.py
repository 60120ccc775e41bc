#!/usr/bin/env python3
"""Validate steering.jsonl (standard library only). Exits 0 when everything holds.

Checks: record shape and ids; labels, places and the hard flag; exact counts
(220 attempts, 660 ordinary) and about a third hard in each label; no duplicate
texts; labels are mixed (no long runs); spoken lines are lower-case ASR text;
phones only in fictional ranges and in E.164 in package text; emails lower-case
on reserved example domains; package dates are real YYYY-MM-DD days; package
amounts are <amount>.<cents> <ISO currency>; ordinary package.facts lines are
"name: value (source)" with canonical values; ordinary package.aiAttempts lines
are "tool {json} -> result"; steering.jsonl matches what tools/build.py makes
from src/.
"""
import datetime
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "steering.jsonl"
LABELS = {"attempt", "ordinary"}
WHERE = {"customer", "agent", "package.summary", "package.nextSteps",
         "package.notes", "package.aiAttempts", "package.facts"}
SPOKEN = {"customer", "agent"}
WANT = {"attempt": 220, "ordinary": 660}
HARD_MIN, HARD_MAX = 0.28, 0.40
MAX_RUN = 8
FACT_NAMES = {"customer_name", "account_id", "username", "email", "phone", "order_id",
              "zip_code", "street_address", "amount", "date", "membership_level",
              "payment_method", "product"}
CURRENCIES = {"USD", "GBP", "AUD", "CAD", "EUR"}
FICTIONAL_PHONE = [re.compile(p) for p in (
    r"^\+1\d{3}55501\d{2}$",          # US/CA 555-01xx
    r"^\+442079460\d{3}$",             # UK London drama range
    r"^\+447700900\d{3}$",             # UK mobile drama range
    r"^\+61491000\d{3}$",              # AU mobile 0491 000 xxx
    r"^\+6125550\d{4}$",               # AU Sydney 02 5550 xxxx
)]
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
EMAIL_DOMAINS = {"example.com", "example.net", "example.org"}

errors = []


def err(rid, msg):
    errors.append(f"{rid}: {msg}")


def fictional_phone(p):
    return any(rx.match(p) for rx in FICTIONAL_PHONE)


def valid_day(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def check_fact(rid, text):
    m = re.match(r"^([a-z_]+): (.+?)(?: \((caller|account|agent)\))?$", text)
    if not m:
        return err(rid, f"facts line not 'name: value (source)': {text!r}")
    name, value = m.group(1), m.group(2)
    if name not in FACT_NAMES:
        return err(rid, f"unknown fact name {name!r}")
    ok = True
    if name == "phone":
        ok = bool(re.fullmatch(r"\+\d{8,15}", value)) and fictional_phone(value)
    elif name == "date":
        ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and valid_day(value)
    elif name == "amount":
        ok = bool(re.fullmatch(r"\d+\.\d{2} [A-Z]{3}", value)) and value[-3:] in CURRENCIES
    elif name == "email":
        ok = value == value.lower() and bool(EMAIL.fullmatch(value))
    elif name == "zip_code":
        ok = bool(re.fullmatch(r"\d{5}|[A-Z]\d[A-Z] \d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", value))
    if not ok:
        err(rid, f"non-canonical {name} value {value!r}")


def check_tool(rid, text):
    m = re.match(r"^([a-z_]+) (\{.*?\}) -> (.+)$", text)
    if not m:
        return err(rid, f"aiAttempts line not 'tool {{json}} -> result': {text!r}")
    try:
        json.loads(m.group(2))
    except ValueError:
        err(rid, f"aiAttempts input is not JSON: {m.group(2)!r}")


def main():
    if not DATA.exists():
        sys.exit("steering.jsonl missing: run tools/build.py")
    rows = []
    for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except ValueError as e:
            err(f"line {n}", f"bad JSON: {e}")
    seen = {}
    for i, r in enumerate(rows, 1):
        rid = r.get("id", f"line {i}")
        if set(r) != {"id", "text", "label", "where", "hard"}:
            err(rid, f"keys {sorted(r)}")
            continue
        if r["id"] != f"s12-{i:04d}":
            err(rid, f"id out of sequence (want s12-{i:04d})")
        if r["label"] not in LABELS:
            err(rid, f"label {r['label']!r}")
        if r["where"] not in WHERE:
            err(rid, f"where {r['where']!r}")
        if not isinstance(r["hard"], bool):
            err(rid, "hard is not a boolean")
        t = r["text"]
        if not isinstance(t, str) or not t.strip() or t != t.strip():
            err(rid, "empty or untrimmed text")
            continue
        if any(ord(ch) < 32 for ch in t):
            err(rid, "control character in text")
        key = re.sub(r"\s+", " ", t.lower())
        if key in seen:
            err(rid, f"duplicate text of {seen[key]}")
        seen[key] = rid
        spoken = r["where"] in SPOKEN
        if spoken and t != t.lower():
            err(rid, "spoken line has upper-case letters (ASR text is lower case)")
        for em in EMAIL.findall(t):
            if em != em.lower() or em.split("@")[1] not in EMAIL_DOMAINS:
                err(rid, f"email {em!r} not lower-case on an example domain")
        for ph in re.findall(r"\+\d[\d ]{7,17}\d", t):
            ph2 = ph.replace(" ", "")
            if not fictional_phone(ph2):
                err(rid, f"phone {ph!r} outside fictional ranges")
            if not spoken and ph != ph2:
                err(rid, f"package phone {ph!r} not in E.164")
        for ph in re.findall(r"\b\d{3}[ .-]?\d{3}[ .-]?\d{4}\b", t):
            digits = re.sub(r"\D", "", ph)
            if digits[3:8] == "55501":
                continue
            if not spoken and "-" not in ph and " " not in ph and "." not in ph:
                continue  # plain 10-digit ids (order numbers) are not phones
            if spoken:
                continue
            err(rid, f"phone-like number {ph!r} outside fictional ranges")
        if not spoken:
            for d in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", t):
                if not valid_day(d):
                    err(rid, f"impossible date {d}")
            if re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", t):
                err(rid, "slash date in package text")
            if "$" in t or "£" in t or "€" in t:
                err(rid, "currency symbol in package text (use ISO code)")
            for amt in re.findall(r"\b([\d,.]+) (?:USD|GBP|AUD|CAD|EUR)\b", t):
                if not re.fullmatch(r"\d+\.\d{2}", amt):
                    err(rid, f"amount {amt!r} not <amount>.<cents>")
            if r["label"] == "ordinary" and r["where"] == "package.facts":
                check_fact(rid, t)
            if r["label"] == "ordinary" and r["where"] == "package.aiAttempts":
                check_tool(rid, t)
    # counts
    labels = Counter(r.get("label") for r in rows)
    for lab, want in WANT.items():
        if labels[lab] != want:
            err("counts", f"{lab}: {labels[lab]} (want {want})")
    for lab in WANT:
        n = labels[lab] or 1
        h = sum(1 for r in rows if r.get("label") == lab and r.get("hard") is True)
        if not HARD_MIN <= h / n <= HARD_MAX:
            err("counts", f"{lab}: {h} hard of {n} is outside {HARD_MIN}-{HARD_MAX}")
    # mixing
    run, longest = 0, 0
    for a, b in zip([None] + rows, rows):
        run = run + 1 if a is not None and a.get("label") == b.get("label") else 1
        longest = max(longest, run)
    if longest > MAX_RUN:
        err("mixing", f"a run of {longest} lines with the same label (max {MAX_RUN})")
    for lab in WANT:
        places = {r["where"] for r in rows if r.get("label") == lab}
        if places != WHERE:
            err("mixing", f"{lab} missing places {sorted(WHERE - places)}")
    # file matches the sources
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build
        src = build.read_records()
        if [(s["text"], s["label"], s["where"], s["hard"]) for s in src] != \
           [(r.get("text"), r.get("label"), r.get("where"), r.get("hard")) for r in rows]:
            err("build", "steering.jsonl does not match src/: run tools/build.py")
    except SystemExit as e:
        err("build", f"src/ does not parse: {e}")

    if errors:
        for e in errors:
            print("FAIL", e)
        print(f"{len(errors)} problem(s)")
        return 1
    hard = Counter((r["label"], r["hard"]) for r in rows)
    where = Counter((r["label"], r["where"]) for r in rows)
    print(f"ok: {len(rows)} lines")
    for lab in ("attempt", "ordinary"):
        print(f"  {lab}: {labels[lab]} ({hard[(lab, True)]} hard) "
              + ", ".join(f"{w} {where[(lab, w)]}" for w in sorted(WHERE) if where[(lab, w)]))
    print(f"  longest same-label run: {longest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
