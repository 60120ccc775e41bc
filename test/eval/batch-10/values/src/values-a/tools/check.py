#!/usr/bin/env python3
"""Check spoken-values.jsonl: format, canonical value forms, counts and bookkeeping.

Usage: python3 tools/check.py [path/to/spoken-values.jsonl]
Exit status 0 when every hard check passes. Digit-stream hints are printed as
NOTE lines for a human to review (self-corrections legitimately trigger them);
they never fail the run.
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
PREFIX = "v10a-"
KEYS = {"id", "kind", "agent", "customer", "value"}
CALL_DATE = datetime.date(2026, 6, 15)

EMAIL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")
PHONE_RE = re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")          # US 555-01xx only
AMOUNT_RE = re.compile(r"^(?:0|[1-9]\d*)\.\d{2} USD$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_RE = re.compile(r"^\d{8,10}$")
ACCOUNT_MIXED_RE = re.compile(r"^(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{5,10}$")
ACCOUNT_DIGITS_RE = re.compile(r"^\d{11,16}$")               # long digit run, longer than any order number
ZIP_RE = re.compile(r"^\d{5}$")
NAME_TOKEN_RE = re.compile(r"^(?:[A-Z][A-Za-z]*(?:['-][A-Z][A-Za-z]*)*\.?|[A-Z]\.)$")
PARTICLES = {"van", "der", "den", "de", "la", "del", "da", "di", "von", "du", "le", "bin"}


def value_ok(kind, v):
    if kind == "email":
        return bool(EMAIL_RE.match(v)) and v == v.lower()
    if kind == "phone":
        return bool(PHONE_RE.match(v))
    if kind == "amount":
        return bool(AMOUNT_RE.match(v))
    if kind == "date":
        if not DATE_RE.match(v):
            return False
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return datetime.date(1900, 1, 1) <= d <= datetime.date(2027, 12, 31)
    if kind == "order_id":
        return bool(ORDER_RE.match(v))
    if kind == "account_id":
        return bool(ACCOUNT_MIXED_RE.match(v) or ACCOUNT_DIGITS_RE.match(v))
    if kind == "zip_code":
        return bool(ZIP_RE.match(v))
    if kind == "customer_name":
        toks = v.split(" ")
        if len(toks) < 2 or v != v.strip() or "  " in v:
            return False
        for t in toks:
            if t in PARTICLES:
                continue
            if not NAME_TOKEN_RE.match(t):
                return False
        return True
    return False


# ---- digit-stream hint (consistency aid only; never generates text) ----
UNITS = {"zero": 0, "oh": 0, "o": 0, "cero": 0, "one": 1, "won": 1, "two": 2, "to": 2, "too": 2,
         "three": 3, "four": 4, "for": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ate": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def digit_stream(text):
    # commas and full stops are kept as "|" so that groups said apart are not merged
    toks = re.findall(r"[a-z]+|\d+|[,.]", text.lower())
    toks = ["|" if t in ",." else t for t in toks]
    out, i = [], 0
    rep = 1
    while i < len(toks):
        t = toks[i]
        if t.isdigit():
            out.append(t * rep); rep = 1; i += 1; continue
        if t == "double":
            rep = 2; i += 1; continue
        if t == "triple":
            rep = 3; i += 1; continue
        n = None
        if t in UNITS or t in TEENS or t in TENS:
            if t in UNITS:
                n = UNITS[t]
            elif t in TEENS:
                n = TEENS[t]
            else:
                n = TENS[t]
                if i + 1 < len(toks) and toks[i + 1] in UNITS and UNITS[toks[i + 1]] > 0 and toks[i + 1] not in ("o", "oh"):
                    n += UNITS[toks[i + 1]]; i += 1
            j = i + 1
            if j < len(toks) and toks[j] == "hundred":
                n *= 100; j += 1
                k = j + 1 if j < len(toks) and toks[j] == "and" else j
                if k < len(toks) and (toks[k] in TEENS or toks[k] in TENS or (toks[k] in UNITS and toks[k] not in ("o", "oh", "to", "too", "for"))):
                    add = TEENS.get(toks[k]) or TENS.get(toks[k]) or UNITS[toks[k]]
                    if toks[k] in TENS and k + 1 < len(toks) and toks[k + 1] in UNITS and UNITS[toks[k + 1]] > 0:
                        add += UNITS[toks[k + 1]]; k += 1
                    n += add; j = k + 1
            out.append(str(n) * rep); rep = 1; i = j; continue
        if t == "|":
            i += 1; continue
        if t == "hundred":  # "a hundred", "one hundred" handled above
            out.append("100"); i += 1; continue
        i += 1
    return "".join(out)


def main():
    errors, notes = [], []
    lines = PATH.read_text(encoding="utf-8").splitlines()
    items = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {n}: blank line"); continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: invalid JSON: {e}"); continue
        if not isinstance(obj, dict) or set(obj) != KEYS:
            errors.append(f"line {n}: keys must be exactly {sorted(KEYS)}"); continue
        for k in KEYS:
            if not isinstance(obj[k], str) or not obj[k].strip() or obj[k] != obj[k].strip():
                errors.append(f"line {n}: field {k!r} must be a non-empty trimmed string")
        items.append((n, obj))

    ids = [o["id"] for _, o in items]
    for i, (n, o) in enumerate(items, 1):
        want = f"{PREFIX}{i:04d}"
        if o["id"] != want:
            errors.append(f"line {n}: id {o['id']!r}, expected {want!r} (ids run in order)")
    for k, c in Counter(ids).items():
        if c > 1:
            errors.append(f"id {k} used {c} times")

    kinds = Counter(o["kind"] for _, o in items)
    for k in kinds:
        if k not in KINDS:
            errors.append(f"unknown kind {k!r}")
    for k in KINDS:
        if kinds.get(k, 0) != PER_KIND:
            errors.append(f"kind {k}: {kinds.get(k, 0)} items, expected {PER_KIND}")

    seen = {}
    for n, o in items:
        for field in ("agent", "customer"):
            key = re.sub(r"\s+", " ", o[field].strip().lower())
            if key in seen:
                errors.append(f"line {n}: {field} text repeats line {seen[key]}")
            else:
                seen[key] = n
        if o["kind"] in KINDS and not value_ok(o["kind"], o["value"]):
            errors.append(f"line {n}: value {o['value']!r} is not canonical for {o['kind']}")

        # review aids
        if o["kind"] in ("phone", "order_id", "zip_code") or (o["kind"] == "account_id" and o["value"].isdigit()):
            want = o["value"][2:] if o["kind"] == "phone" else o["value"]
            s = digit_stream(o["customer"])
            if want not in s and not (o["kind"] == "phone" and ("1" + want) in s):
                notes.append(f"{o['id']}: digits {want} not contiguous in stream {s} (ok if self-corrected)")
        if o["kind"] == "date":
            d = datetime.date.fromisoformat(o["value"]) if value_ok("date", o["value"]) else None
            if d and d.year < 2020:
                pass  # birth date
            elif d and abs((d - CALL_DATE).days) > 900:
                notes.append(f"{o['id']}: date {o['value']} far from call date")

    for m in notes:
        print("NOTE", m)
    for e in errors:
        print("ERROR", e)
    print(f"{len(items)} items; " + ", ".join(f"{k}={kinds.get(k, 0)}" for k in KINDS))
    if errors:
        print(f"FAIL: {len(errors)} error(s)")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
