#!/usr/bin/env python3
"""Validate spoken-values.jsonl: format, canonical forms, counts, ordering.

Exit 0 when everything holds, 1 otherwise. Standard library only.
"""
import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "spoken-values.jsonl"
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 20
PREFIX = "v11b"
KEYS = ["id", "kind", "agent", "customer", "value"]
CALL_DATE = datetime.date(2026, 6, 15)

EMAIL = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
PHONE = re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")
AMOUNT = re.compile(r"^(0|[1-9]\d*)\.\d{2} USD$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER = re.compile(r"^\d{8,10}$")
ACCT_MIXED = re.compile(r"^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{5,10}$")
ACCT_DIGITS = re.compile(r"^\d{11,13}$")
ZIP = re.compile(r"^\d{5}$")
NAME = re.compile(r"^[A-Z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*)+$")


def check_value(kind, v):
    if kind == "email":
        return bool(EMAIL.match(v)) and ".." not in v
    if kind == "phone":
        return bool(PHONE.match(v))
    if kind == "amount":
        return bool(AMOUNT.match(v))
    if kind == "date":
        if not DATE.match(v):
            return False
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return True
    if kind == "order_id":
        return bool(ORDER.match(v))
    if kind == "account_id":
        return bool(ACCT_MIXED.match(v) or ACCT_DIGITS.match(v))
    if kind == "zip_code":
        return bool(ZIP.match(v))
    if kind == "customer_name":
        return bool(NAME.match(v)) and v == v.strip() and "  " not in v
    return False


def main():
    errors = []
    if not DATA.exists():
        print(f"missing {DATA.name}")
        return 1
    lines = DATA.read_text(encoding="utf-8").splitlines()
    rows = []
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: not JSON ({e})")
            continue
        if not isinstance(obj, dict) or list(obj) != KEYS:
            errors.append(f"line {n}: keys must be exactly {KEYS} in that order")
            continue
        rows.append(obj)

    expected_total = PER_KIND * len(KINDS)
    if len(rows) != expected_total:
        errors.append(f"expected {expected_total} rows, found {len(rows)}")

    seen_ids = set()
    digit_accounts = 0
    for i, row in enumerate(rows):
        rid = row["id"]
        want_id = f"{PREFIX}-{i + 1:04d}"
        if rid != want_id:
            errors.append(f"row {i + 1}: id {rid!r}, expected {want_id!r}")
        if rid in seen_ids:
            errors.append(f"{rid}: duplicate id")
        seen_ids.add(rid)
        want_kind = KINDS[i // PER_KIND] if i < expected_total else None
        if row["kind"] != want_kind:
            errors.append(f"{rid}: kind {row['kind']!r}, expected {want_kind!r} (blocks of {PER_KIND})")
        for field in ("agent", "customer", "value"):
            if not isinstance(row[field], str) or not row[field].strip():
                errors.append(f"{rid}: empty {field}")
        for field in ("agent", "customer"):
            text = row[field]
            if isinstance(text, str):
                if text != text.lower():
                    errors.append(f"{rid}: {field} must be lower case (ASR style)")
                if any(ord(ch) < 32 for ch in text):
                    errors.append(f"{rid}: control character in {field}")
        kind, value = row["kind"], row["value"]
        if kind in KINDS and not check_value(kind, value):
            errors.append(f"{rid}: value {value!r} is not a canonical {kind}")
        if kind == "account_id" and ACCT_DIGITS.match(value or ""):
            digit_accounts += 1
        if kind == "date" and DATE.match(value or ""):
            try:
                d = datetime.date.fromisoformat(value)
                if d > CALL_DATE + datetime.timedelta(days=366):
                    errors.append(f"{rid}: date {value} is implausibly far after the call date")
            except ValueError:
                pass

    mixed_accounts = PER_KIND - digit_accounts
    if not (1 <= digit_accounts < mixed_accounts):
        errors.append(f"account_id: {digit_accounts} digit-run ids; want a few (at least 1, fewer than the mixed ones)")

    # the source files and the JSONL must agree (the JSONL is built from src/)
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build  # noqa: E402
        if build.load() != rows:
            errors.append("spoken-values.jsonl is out of date with src/: run python3 tools/build.py")
    except SystemExit as e:
        errors.append(f"src/ does not parse: {e}")

    counts = {k: sum(1 for r in rows if r["kind"] == k) for k in KINDS}
    for k in KINDS:
        if counts[k] != PER_KIND:
            errors.append(f"{k}: {counts[k]} rows, expected {PER_KIND}")

    if errors:
        for e in errors:
            print("FAIL", e)
        print(f"{len(errors)} problem(s)")
        return 1
    print(f"ok: {len(rows)} rows; " + ", ".join(f"{k} {counts[k]}" for k in KINDS)
          + f"; account_id digit runs {digit_accounts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
