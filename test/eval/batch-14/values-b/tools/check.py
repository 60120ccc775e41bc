#!/usr/bin/env python3
"""Validate spoken-values.jsonl against the set's conventions. Exits 0 when all is well.

Checks: the file is exactly what tools/build.py makes from sources/ (so it is up to date); one JSON object a
line with keys id, kind, agent, customer, value in that order; ids v14b-0001.. in sequence; 20 items per kind
in the fixed block order; each value in its kind's canonical form (phones in the fictional ranges only,
real calendar dates, known currency codes, the account-id shape); no duplicate exchanges.
"""
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402  (same folder)

PER_KIND = 20
KEYS = ["id", "kind", "agent", "customer", "value"]
CURRENCIES = {"USD", "GBP", "EUR", "AUD", "CAD", "INR", "NGN"}
PHONE_RANGES = [
    ("US/CA", re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")),
    ("UK London", re.compile(r"^\+442079460\d{3}$")),
    ("UK mobile", re.compile(r"^\+447700900\d{3}$")),
    ("AU mobile", re.compile(r"^\+61491000\d{3}$")),
    ("IE Dublin", re.compile(r"^\+3531555\d{4}$")),
]
EMAIL = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$")
AMOUNT = re.compile(r"^(0|[1-9]\d*)\.\d{2} ([A-Z]{3})$")
ORDER = re.compile(r"^\d{8,12}$")
ACCOUNT = re.compile(r"^[A-Z]{2}\d{4}[A-Z]{2}\d{2}$")
ZIP = re.compile(r"^\d{5}$")


def check_value(kind, value):
    """Return a problem string, or None when the value is in canonical form."""
    if kind == "email":
        if not EMAIL.match(value) or ".." in value:
            return "not a lower-case email address"
    elif kind == "phone":
        if not any(rx.match(value) for _, rx in PHONE_RANGES):
            return "not E.164 in a fictional range"
    elif kind == "amount":
        m = AMOUNT.match(value)
        if not m:
            return "not '<digits>.<2 digits> <ISO>'"
        if m.group(2) not in CURRENCIES:
            return f"currency {m.group(2)} not in {sorted(CURRENCIES)}"
    elif kind == "date":
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return "not a real YYYY-MM-DD date"
        if len(value) != 10 or not (1900 <= day.year <= 2027):
            return "date out of range"
    elif kind == "order_id":
        if not ORDER.match(value):
            return "not 8 to 12 digits"
    elif kind == "account_id":
        if not ACCOUNT.match(value):
            return "not AA9999AA99"
    elif kind == "zip_code":
        if not ZIP.match(value):
            return "not five digits"
    elif kind == "customer_name":
        parts = value.split()
        if len(parts) < 2 or value != value.strip() or "  " in value:
            return "not a full name"
        if not any(ch.isupper() for ch in value):
            return "no capital letters: not as the person writes it"
    else:
        return f"unknown kind {kind}"
    return None


def main():
    root = build.ROOT
    path = os.path.join(root, "spoken-values.jsonl")
    problems = []
    try:
        expected = build.serialise(build.build_records())
    except build.SourceError as err:
        print(f"check: sources: {err}")
        return 1
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            actual = fh.read()
    except OSError as err:
        print(f"check: cannot read {path}: {err}")
        return 1
    if actual != expected:
        problems.append("spoken-values.jsonl differs from what tools/build.py makes from sources/: run the build")

    lines = actual.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        problems.append("file does not end with a newline")
    want = len(build.KINDS) * PER_KIND
    if len(lines) != want:
        problems.append(f"{len(lines)} lines, expected {want}")

    seen_exchanges, seen_values = set(), {}
    for i, line in enumerate(lines, start=1):
        where = f"line {i}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not JSON ({err})")
            continue
        if not isinstance(obj, dict) or list(obj.keys()) != KEYS:
            problems.append(f"{where}: keys must be exactly {KEYS} in that order")
            continue
        if not all(isinstance(obj[k], str) and obj[k].strip() for k in KEYS):
            problems.append(f"{where}: every field must be a non-empty string")
            continue
        if obj["id"] != f"{build.PREFIX}{i:04d}":
            problems.append(f"{where}: id {obj['id']} out of sequence")
        kind_index = (i - 1) // PER_KIND
        if kind_index < len(build.KINDS) and obj["kind"] != build.KINDS[kind_index]:
            problems.append(f"{where}: kind {obj['kind']}, block order wants {build.KINDS[kind_index]}")
        for k in ("agent", "customer", "value"):
            if any(ord(c) < 32 for c in obj[k]) or obj[k] != obj[k].strip():
                problems.append(f"{where}: {k} has control characters or stray spaces")
        problem = check_value(obj["kind"], obj["value"])
        if problem:
            problems.append(f"{obj['id']} ({obj['kind']}): {obj['value']!r}: {problem}")
        exchange = (obj["agent"].lower(), obj["customer"].lower())
        if exchange in seen_exchanges:
            problems.append(f"{obj['id']}: duplicate exchange")
        seen_exchanges.add(exchange)
        key = (obj["kind"], obj["value"])
        if key in seen_values:
            problems.append(f"{obj['id']}: value {obj['value']!r} already used by {seen_values[key]}")
        seen_values.setdefault(key, obj["id"])

    counts = {}
    for line in lines:
        try:
            counts[json.loads(line)["kind"]] = counts.get(json.loads(line)["kind"], 0) + 1
        except (json.JSONDecodeError, KeyError, TypeError):
            pass
    for kind in build.KINDS:
        if counts.get(kind, 0) != PER_KIND:
            problems.append(f"kind {kind}: {counts.get(kind, 0)} items, expected {PER_KIND}")

    if problems:
        for p in problems:
            print(f"check: {p}")
        print(f"check: FAILED ({len(problems)} problem(s))")
        return 1
    print(f"check: ok, {len(lines)} items, {PER_KIND} of each of {len(build.KINDS)} kinds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
