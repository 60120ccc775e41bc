#!/usr/bin/env python3
"""Check spoken-values.jsonl (writer B, batch 10): format and bookkeeping only.

Usage: python3 tools/check.py [path/to/spoken-values.jsonl]
Exit code 0 when every check passes, 1 otherwise.
"""
import datetime
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
PATH = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "spoken-values.jsonl"

KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 20
FIELDS = ["id", "kind", "agent", "customer", "value"]
CALL_DATE = datetime.date(2026, 6, 15)

EMAIL_RE = re.compile(r"^[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$")
PHONE_RE = re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")          # US 555-01xx fictional range
AMOUNT_RE = re.compile(r"^(0|[1-9]\d*)\.\d{2} USD$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_RE = re.compile(r"^\d{8,10}$")
ACCOUNT_MIXED_RE = re.compile(r"^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{5,10}$")
ACCOUNT_DIGITS_RE = re.compile(r"^\d{10,16}$")
ZIP_RE = re.compile(r"^\d{5}$")
NAME_RE = re.compile(r"^[A-Z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*)+$")
ID_RE = re.compile(r"^v10b-\d{4}$")


def check_value(kind, value):
    """Return an error string, or None when the value is in canonical form."""
    if kind == "email":
        return None if EMAIL_RE.match(value) else "email not lower-case canonical"
    if kind == "phone":
        return None if PHONE_RE.match(value) else "phone not E.164 US 555-01xx"
    if kind == "amount":
        return None if AMOUNT_RE.match(value) else "amount not 'N.NN USD'"
    if kind == "date":
        if not DATE_RE.match(value):
            return "date not YYYY-MM-DD"
        try:
            d = datetime.date.fromisoformat(value)
        except ValueError:
            return "date not a calendar day"
        if not (1920 <= d.year <= 2027):
            return "date year out of range"
        return None
    if kind == "order_id":
        return None if ORDER_RE.match(value) else "order_id not 8-10 digits"
    if kind == "account_id":
        if ACCOUNT_MIXED_RE.match(value) or ACCOUNT_DIGITS_RE.match(value):
            return None
        return "account_id not 5-10 upper-case letters+digits nor 10-16 digit run"
    if kind == "zip_code":
        return None if ZIP_RE.match(value) else "zip_code not 5 digits"
    if kind == "customer_name":
        if value != value.strip() or "  " in value:
            return "name has stray spaces"
        return None if NAME_RE.match(value) else "name not a written full name"
    return "unknown kind"


def norm(text):
    return re.sub(r"\s+", " ", text.strip().lower())


def main():
    errors = []
    rows = []
    with open(PATH, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {n}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {n}: invalid JSON ({exc})")
                continue
            if not isinstance(obj, dict) or sorted(obj) != sorted(FIELDS):
                errors.append(f"line {n}: fields must be exactly {FIELDS}")
                continue
            if not all(isinstance(obj[f], str) and obj[f].strip() for f in FIELDS):
                errors.append(f"line {n}: every field must be a non-empty string")
                continue
            if any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
                   for f in FIELDS for c in obj[f]):
                errors.append(f"line {n}: control or direction-override character")
            rows.append((n, obj))

    ids = Counter(o["id"] for _, o in rows)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"id {i} used {c} times")
    for n, o in rows:
        if not ID_RE.match(o["id"]):
            errors.append(f"line {n}: bad id {o['id']}")
    expected_ids = [f"v10b-{k:04d}" for k in range(1, len(rows) + 1)]
    if [o["id"] for _, o in rows] != expected_ids:
        errors.append("ids are not sequential v10b-0001.. in file order")

    kinds = Counter(o["kind"] for _, o in rows)
    for k in KINDS:
        if kinds.get(k, 0) != PER_KIND:
            errors.append(f"kind {k}: {kinds.get(k, 0)} items, want {PER_KIND}")
    for k in kinds:
        if k not in KINDS:
            errors.append(f"unknown kind {k}")

    for n, o in rows:
        err = check_value(o["kind"], o["value"])
        if err:
            errors.append(f"line {n} ({o['id']}): {err}: {o['value']!r}")

    # No turn text may appear twice: customer lines, agent lines, and across the two.
    seen = {}
    for n, o in rows:
        for role in ("customer", "agent"):
            key = norm(o[role])
            if key in seen:
                errors.append(f"line {n} {role} text repeats {seen[key]}: {o[role]!r}")
            else:
                seen[key] = f"line {n} {role}"

    # Bookkeeping: the value should be recoverable from the customer line in some form.
    # Cheap sanity checks only (spoken forms are not parsed):
    for n, o in rows:
        c = o["customer"].lower()
        if o["kind"] == "email":
            if "@" not in c and " at " not in f" {c} ":
                errors.append(f"line {n}: email answer has neither '@' nor 'at'")
        if o["kind"] == "date":
            d = datetime.date.fromisoformat(o["value"])
            if d.year >= 2026 and abs((d - CALL_DATE).days) > 60:
                errors.append(f"line {n}: 2026 date far from call date, check resolution")
        if o["kind"] == "customer_name":
            # every name part (ignoring punctuation and case) must be spelt or said in the answer
            for part in re.split(r"[ .\-']+", o["value"]):
                if len(part) > 1 and part.lower() not in re.sub(r"[^a-z]", "", c) \
                        and part.lower() not in c:
                    errors.append(f"line {n}: name part {part!r} not in customer text")

    if errors:
        print(f"FAIL: {len(errors)} problem(s) in {PATH}")
        for e in errors:
            print("  " + e)
        return 1
    print(f"OK: {len(rows)} values, {len(kinds)} kinds x {PER_KIND}, ids unique, "
          f"no turn text repeated ({PATH.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
