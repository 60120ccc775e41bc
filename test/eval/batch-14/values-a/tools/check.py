#!/usr/bin/env python3
"""Check spoken-values.jsonl: forms, counts, order, and that it matches the sources.

Exits 0 when all is well, 1 otherwise (each problem is printed).
"""
import datetime
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build  # noqa: E402

PER_KIND = 20
KEYS = ["id", "kind", "agent", "customer", "value"]
CURRENCIES = {"USD", "GBP", "EUR", "CAD", "AUD"}

FICTIONAL_PHONE = [
    re.compile(r"^\+1[2-9]\d{2}55501\d{2}$"),   # US/CA +1 AAA 555 01xx
    re.compile(r"^\+442079460\d{3}$"),          # UK +44 20 7946 0xxx
    re.compile(r"^\+447700900\d{3}$"),          # UK +44 7700 900xxx
    re.compile(r"^\+61491000\d{3}$"),           # AU +61 4 9100 0xxx
    re.compile(r"^\+3531555\d{4}$"),            # IE +353 1 555 xxxx
]
EMAIL = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$")
AMOUNT = re.compile(r"^(0|[1-9]\d*)\.\d{2} ([A-Z]{3})$")
ORDER = re.compile(r"^\d{8,12}$")
ACCOUNT = re.compile(r"^[A-Z0-9]{10}$")
ZIP = re.compile(r"^\d{5}$")
TITLES = {"mr", "mrs", "ms", "miss", "dr", "doctor", "prof", "sir"}
CALL_DAY = datetime.date(2026, 6, 15)


def check_value(kind, v):
    """Return a problem string, or None."""
    if v != v.strip() or not v:
        return "empty or padded value"
    if kind == "email":
        if not EMAIL.match(v) or ".." in v:
            return "not a lower-case email address"
    elif kind == "phone":
        if not any(p.match(v) for p in FICTIONAL_PHONE):
            return "not E.164 in a fictional range"
    elif kind == "amount":
        m = AMOUNT.match(v)
        if not m:
            return "not '<digits>.<2 digits> <ISO>'"
        if m.group(2) not in CURRENCIES:
            return f"unexpected currency {m.group(2)}"
    elif kind == "date":
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return "not a valid YYYY-MM-DD date"
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return "not YYYY-MM-DD"
        if not (1900 <= d.year <= CALL_DAY.year + 1):
            return "year out of range"
    elif kind == "order_id":
        if not ORDER.match(v):
            return "not 8 to 12 digits"
    elif kind == "account_id":
        if not ACCOUNT.match(v):
            return "not 10 upper-case letters/digits"
        if sum(c.isalpha() for c in v) < 2 or sum(c.isdigit() for c in v) < 2:
            return "needs at least two letters and two digits"
    elif kind == "zip_code":
        if not ZIP.match(v):
            return "not 5 digits"
    elif kind == "customer_name":
        parts = v.split(" ")
        if len(parts) < 2 or any(not p for p in parts):
            return "not a full name (two or more parts, single spaces)"
        if parts[0].lower().rstrip(".") in TITLES:
            return "title included in the name"
        if not parts[0][0].isupper():
            return "first name not capitalised"
        if re.search(r"[0-9@_]", v):
            return "odd characters in a name"
    return None


def main():
    problems = []
    path = build.OUT
    if not path.exists():
        print(f"check: {path.name} missing; run tools/build.py")
        return 1
    raw = path.read_text(encoding="utf-8")
    if not raw.endswith("\n"):
        problems.append("file does not end with a newline")
    lines = raw.split("\n")[:-1]
    records = []
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: bad JSON ({e})")
            continue
        if list(obj.keys()) != KEYS:
            problems.append(f"line {n}: keys {list(obj.keys())} not in order {KEYS}")
        records.append(obj)

    expected_total = PER_KIND * len(build.KINDS)
    if len(records) != expected_total:
        problems.append(f"{len(records)} items, expected {expected_total}")

    seen_customer, seen_value = {}, {}
    for i, r in enumerate(records):
        rid = r.get("id")
        if rid != f"v14a-{i + 1:04d}":
            problems.append(f"item {i + 1}: id {rid!r} out of sequence")
        want_kind = build.KINDS[min(i // PER_KIND, len(build.KINDS) - 1)]
        if r.get("kind") != want_kind:
            problems.append(f"{rid}: kind {r.get('kind')!r}, block order wants {want_kind!r}")
        for k in ("agent", "customer", "value"):
            s = r.get(k)
            if not isinstance(s, str) or not s.strip():
                problems.append(f"{rid}: {k} missing or empty")
            elif re.search(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", s):
                problems.append(f"{rid}: control or direction character in {k}")
        if not isinstance(r.get("value"), str):
            continue
        p = check_value(r.get("kind"), r["value"])
        if p:
            problems.append(f"{rid}: {r['kind']} {r['value']!r}: {p}")
        c = r.get("customer", "").strip().lower()
        if c in seen_customer:
            problems.append(f"{rid}: same customer turn as {seen_customer[c]}")
        seen_customer[c] = rid
        key = (r.get("kind"), r["value"])
        if key in seen_value:
            problems.append(f"{rid}: same {key[0]} value as {seen_value[key]}")
        seen_value[key] = rid

    counts = {}
    for r in records:
        counts[r.get("kind")] = counts.get(r.get("kind"), 0) + 1
    for kind in build.KINDS:
        if counts.get(kind, 0) != PER_KIND:
            problems.append(f"kind {kind}: {counts.get(kind, 0)} items, expected {PER_KIND}")

    try:
        if build.serialise(build.build()) != raw:
            problems.append("spoken-values.jsonl differs from the sources; run tools/build.py")
    except build.SourceError as e:
        problems.append(f"sources: {e}")

    if problems:
        for p in problems:
            print("check: " + p)
        print(f"check: FAILED ({len(problems)} problems)")
        return 1
    print("check: ok, " + ", ".join(f"{k} {counts[k]}" for k in build.KINDS) + f", total {len(records)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
