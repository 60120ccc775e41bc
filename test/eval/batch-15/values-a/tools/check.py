#!/usr/bin/env python3
"""Check the spoken-values set: sources, value forms, fictional phone ranges, counts, ids,
duplicates, and that spoken-values.jsonl is exactly what tools/build.py makes from the sources.

Standard-library Python 3 only. Exit 0 when all is well, 1 otherwise.
Usage:  python3 tools/check.py
"""
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402

PER_KIND = 20
PREFIX = "v15a-"
KEYS = ["id", "kind", "agent", "customer", "value"]

CURRENCIES = {"USD", "GBP", "EUR", "CAD", "AUD", "NZD", "INR", "NGN"}

# fictional telephone ranges only (E.164, no spaces)
PHONE_RANGES = [
    ("US/CA +1 NXX 555 01xx", re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")),
    ("UK +44 20 7946 0xxx", re.compile(r"^\+442079460\d{3}$")),
    ("UK +44 7700 900xxx", re.compile(r"^\+447700900\d{3}$")),
    ("AU +61 4 9100 0xxx", re.compile(r"^\+61491000\d{3}$")),
    ("IE +353 1 555 xxxx", re.compile(r"^\+3531555\d{4}$")),
]

EMAIL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
AMOUNT_RE = re.compile(r"^(0|[1-9]\d*)\.\d{2} ([A-Z]{3})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_RE = re.compile(r"^\d{8,12}$")
ACCOUNT_RE = re.compile(r"^[A-Z0-9]{10}$")
ZIP_RE = re.compile(r"^\d{5}$")
NAME_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*$")


def check_value(kind, v):
    """Return an error string, or None when the value has its canonical form."""
    if kind == "email":
        if v != v.lower():
            return "email not lower case"
        if not EMAIL_RE.match(v) or ".." in v:
            return "not an email address"
    elif kind == "phone":
        if not any(rx.match(v) for _, rx in PHONE_RANGES):
            return "not E.164 in a fictional range (%s)" % "; ".join(n for n, _ in PHONE_RANGES)
    elif kind == "amount":
        m = AMOUNT_RE.match(v)
        if not m:
            return "amount must be <digits>.<2 digits> <ISO code>, no thousands separator"
        if m.group(2) not in CURRENCIES:
            return "currency %s not in %s" % (m.group(2), sorted(CURRENCIES))
    elif kind == "date":
        if not DATE_RE.match(v):
            return "date must be YYYY-MM-DD"
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            return "not a calendar date"
    elif kind == "order_id":
        if not ORDER_RE.match(v):
            return "order id must be 8 to 12 digits"
    elif kind == "account_id":
        if not ACCOUNT_RE.match(v):
            return "account id must be 10 characters A-Z 0-9"
        if sum(c.isalpha() for c in v) < 2 or sum(c.isdigit() for c in v) < 2:
            return "account id needs at least two letters and two digits"
    elif kind == "zip_code":
        if not ZIP_RE.match(v):
            return "zip code must be five digits"
    elif kind == "customer_name":
        words = v.split(" ")
        if len(words) < 2 or any(not NAME_WORD_RE.match(w) for w in words):
            return "name must be two or more words of letters (apostrophes/hyphens inside)"
        if not words[0][0].isupper() or not words[-1][0].isupper():
            return "given name and family name must start with a capital"
    else:
        return "unknown kind"
    return None


def main():
    errors = []
    root = build.ROOT

    for name in ("README.md", "LICENSE", "spoken-values.jsonl"):
        if not os.path.isfile(os.path.join(root, name)):
            errors.append("missing file %s" % name)
    lic = os.path.join(root, "LICENSE")
    if os.path.isfile(lic) and "CC0 1.0" not in open(lic, encoding="utf-8").read():
        errors.append("LICENSE is not CC0 1.0")
    extra = sorted(set(os.listdir(build.SOURCES)) - {k + ".txt" for k in build.KINDS})
    if extra:
        errors.append("unexpected files in sources/: %s" % extra)

    try:
        items = build.load_all()
    except build.SourceError as exc:
        print("check: FAIL\n  " + str(exc))
        return 1

    # counts, order and ids
    if len(items) != PER_KIND * len(build.KINDS):
        errors.append("expected %d items, found %d" % (PER_KIND * len(build.KINDS), len(items)))
    for kind in build.KINDS:
        n = sum(1 for it in items if it["kind"] == kind)
        if n != PER_KIND:
            errors.append("kind %s has %d items, expected %d" % (kind, n, PER_KIND))
    for i, it in enumerate(items):
        want_id = "%s%04d" % (PREFIX, i + 1)
        want_kind = build.KINDS[i // PER_KIND] if i // PER_KIND < len(build.KINDS) else None
        if it["id"] != want_id:
            errors.append("%s (sources/%s.txt:%d): expected id %s" % (it["id"], it["kind"], it["line"], want_id))
        if it["kind"] != want_kind:
            errors.append("%s: kind %s out of its block (expected %s)" % (it["id"], it["kind"], want_kind))

    # fields and value forms
    seen_ids, seen_values, seen_pairs, seen_customers = {}, {}, {}, {}
    for it in items:
        tag = "%s (sources/%s.txt:%d)" % (it["id"], it["kind"], it["line"])
        for f in ("agent", "customer", "note"):
            if any(c in it[f] for c in "\t\r\n"):
                errors.append("%s: control character in %s" % (tag, f))
        err = check_value(it["kind"], it["value"])
        if err:
            errors.append("%s: value %r: %s" % (tag, it["value"], err))
        if it["id"] in seen_ids:
            errors.append("%s: duplicate id" % tag)
        seen_ids[it["id"]] = tag
        vkey = (it["kind"], it["value"])
        if vkey in seen_values:
            errors.append("%s: duplicate value %r (also %s)" % (tag, it["value"], seen_values[vkey]))
        seen_values[vkey] = it["id"]
        pkey = (it["agent"], it["customer"])
        if pkey in seen_pairs:
            errors.append("%s: duplicate exchange (also %s)" % (tag, seen_pairs[pkey]))
        seen_pairs[pkey] = it["id"]
        if it["customer"] in seen_customers:
            errors.append("%s: customer turn repeated word for word (also %s)"
                          % (tag, seen_customers[it["customer"]]))
        seen_customers.setdefault(it["customer"], it["id"])

    # the JSONL must be exactly the build of the sources
    out = os.path.join(root, "spoken-values.jsonl")
    if os.path.isfile(out):
        with open(out, encoding="utf-8", newline="") as fh:
            text = fh.read()
        expected = build.render(items)
        for n, line in enumerate(text.split("\n")[:-1], 1):
            try:
                obj = json.loads(line)
            except ValueError as exc:
                errors.append("spoken-values.jsonl:%d: bad JSON (%s)" % (n, exc))
                continue
            if list(obj) != KEYS:
                errors.append("spoken-values.jsonl:%d: keys %s, expected %s" % (n, list(obj), KEYS))
            elif not all(isinstance(obj[k], str) and obj[k] for k in KEYS):
                errors.append("spoken-values.jsonl:%d: every field must be a non-empty string" % n)
        if text != expected:
            errors.append("spoken-values.jsonl does not match the sources; run python3 tools/build.py")

    if errors:
        print("check: FAIL (%d problems)" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    counts = ", ".join("%s %d" % (k, PER_KIND) for k in build.KINDS)
    print("check: OK - %d records (%s)" % (len(items), counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
