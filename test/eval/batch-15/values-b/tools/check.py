#!/usr/bin/env python3
"""Check the spoken-values set: sources, forms, counts, ids, duplicates, and that
spoken-values.jsonl is exactly what tools/build.py makes from the sources.

Standard-library Python 3 only. Exits 0 when all is well, 1 otherwise.
Usage: python3 tools/check.py
"""
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402  (same folder)

PER_KIND = 20
PREFIX = "v15b-"

EMAIL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")
# fictional phone ranges, E.164 without spaces
PHONE_RES = [
    ("US/CA +1 AAA 555 01xx", re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")),
    ("UK +44 20 7946 0xxx", re.compile(r"^\+442079460\d{3}$")),
    ("UK +44 7700 900xxx", re.compile(r"^\+447700900\d{3}$")),
    ("AU +61 4 9100 0xxx", re.compile(r"^\+61491000\d{3}$")),
    ("IE +353 1 555 xxxx", re.compile(r"^\+3531555\d{4}$")),
]
CURRENCIES = {"USD", "GBP", "EUR", "CAD", "AUD", "NZD", "INR", "NGN", "PHP", "PLN", "HKD", "AED"}
AMOUNT_RE = re.compile(r"^(0|[1-9]\d*)\.\d{2} ([A-Z]{3})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_RE = re.compile(r"^\d{8,12}$")
ACCOUNT_RE = re.compile(r"^[A-Z0-9]{10}$")
ZIP_RE = re.compile(r"^\d{5}$")
NAME_WORD_RE = re.compile(r"^[A-Za-z]+(?:['-][A-Za-z]+)*$")


def check_value(kind, value):
    """Return a list of problems with one value of the given kind."""
    bad = []
    if value != value.strip() or not value:
        bad.append("empty or padded value")
    if kind == "email":
        if not EMAIL_RE.match(value):
            bad.append("not a lower-case email address")
        if ".." in value:
            bad.append("double dot in email")
    elif kind == "phone":
        if not any(rx.match(value) for _, rx in PHONE_RES):
            bad.append("not E.164 in a fictional range (" + "; ".join(n for n, _ in PHONE_RES) + ")")
    elif kind == "amount":
        m = AMOUNT_RE.match(value)
        if not m:
            bad.append("not '<digits>.<2 digits> <ISO>' without separators")
        elif m.group(2) not in CURRENCIES:
            bad.append(f"currency {m.group(2)} not in the expected list")
    elif kind == "date":
        if not DATE_RE.match(value):
            bad.append("not YYYY-MM-DD")
        else:
            try:
                day = datetime.date.fromisoformat(value)
            except ValueError:
                bad.append("not a calendar date")
            else:
                if not (datetime.date(1900, 1, 1) <= day <= datetime.date(2027, 12, 31)):
                    bad.append("date out of the plausible range")
    elif kind == "order_id":
        if not ORDER_RE.match(value):
            bad.append("not 8 to 12 digits")
    elif kind == "account_id":
        if not ACCOUNT_RE.match(value):
            bad.append("not 10 upper-case letters/digits")
        else:
            if sum(c.isalpha() for c in value) < 2:
                bad.append("fewer than two letters")
            if sum(c.isdigit() for c in value) < 2:
                bad.append("fewer than two digits")
    elif kind == "zip_code":
        if not ZIP_RE.match(value):
            bad.append("not five digits")
    elif kind == "customer_name":
        words = value.split(" ")
        if len(words) < 2:
            bad.append("not a full name (one word)")
        if any(not NAME_WORD_RE.match(w) for w in words):
            bad.append("a name word with characters other than letters, one hyphen or apostrophe")
        if not (words[0][:1].isupper() and words[-1][:1].isupper()):
            bad.append("first and last words should start with a capital")
    else:
        bad.append(f"unknown kind {kind}")
    return bad


def main():
    problems = []

    def fail(msg):
        problems.append(msg)

    # 1. the sources parse
    try:
        items = build.parse_all()
    except (build.SourceError, OSError) as err:
        print(f"check: FAIL source: {err}")
        return 1

    # 2. counts and kind blocks
    if len(items) != PER_KIND * len(build.KINDS):
        fail(f"expected {PER_KIND * len(build.KINDS)} items, found {len(items)}")
    for k, kind in enumerate(build.KINDS):
        block = [it for it in items if it["kind"] == kind]
        if len(block) != PER_KIND:
            fail(f"{kind}: expected {PER_KIND} items, found {len(block)}")

    # 3. ids: v15b-0001.. in order, each kind in its block of 20
    for n, it in enumerate(items, 1):
        want = f"{PREFIX}{n:04d}"
        where = f"{it['kind']}.txt:{it['line']}"
        if it["id"] != want:
            fail(f"{where}: id {it['id']} should be {want}")
        block_kind = build.KINDS[(n - 1) // PER_KIND] if (n - 1) // PER_KIND < len(build.KINDS) else None
        if it["kind"] != block_kind:
            fail(f"{where}: {it['id']} belongs to the {block_kind} block, not {it['kind']}")

    # 4. texts and values
    for it in items:
        where = f"{it['id']} ({it['kind']}.txt:{it['line']})"
        for field in ("note", "agent", "customer"):
            text = it[field]
            if not text:
                fail(f"{where}: empty {field}")
            if any(ord(c) < 32 for c in text):
                fail(f"{where}: control character in {field}")
        if len(it["customer"].split()) < 2:
            fail(f"{where}: customer turn too short to hold a spoken value")
        for problem in check_value(it["kind"], it["value"]):
            fail(f"{where}: value {it['value']!r}: {problem}")
        if it["kind"] == "email" and "@" in it["value"]:
            label = it["value"].split("@", 1)[1].split(".")[0]
            if label not in (it["agent"] + " " + it["customer"]).lower():
                fail(f"{where}: email domain {label!r} is never said in the exchange")

    # 5. no duplicates
    for field in ("id", "customer", "note"):
        seen = {}
        for it in items:
            key = it[field].lower()
            if key in seen:
                fail(f"duplicate {field} in {seen[key]} and {it['id']}")
            seen[key] = it["id"]
    seen = {}
    for it in items:
        key = (it["kind"], it["value"].lower())
        if key in seen:
            fail(f"duplicate {it['kind']} value {it['value']!r} in {seen[key]} and {it['id']}")
        seen[key] = it["id"]
    seen = {}
    for it in items:
        key = (it["agent"].lower(), it["customer"].lower())
        if key in seen:
            fail(f"duplicate exchange in {seen[key]} and {it['id']}")
        seen[key] = it["id"]

    # 6. the JSONL is exactly the build of the sources, keys in order
    expected = build.render(items)
    try:
        with open(build.OUTPUT, encoding="utf-8", newline="") as fh:
            actual = fh.read()
    except OSError as err:
        fail(f"cannot read spoken-values.jsonl: {err}")
        actual = None
    if actual is not None:
        lines = actual.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for n, line in enumerate(lines, 1):
            try:
                obj = json.loads(line)
            except ValueError as err:
                fail(f"spoken-values.jsonl:{n}: not JSON: {err}")
                continue
            if list(obj) != build.KEYS:
                fail(f"spoken-values.jsonl:{n}: keys {list(obj)} should be {build.KEYS}")
        if actual != expected:
            fail("spoken-values.jsonl does not match the sources; run python3 tools/build.py")

    # 7. the folder's other files
    root = build.ROOT
    for name in ("README.md", "LICENSE"):
        if not os.path.isfile(os.path.join(root, name)):
            fail(f"missing {name}")
    lic = os.path.join(root, "LICENSE")
    if os.path.isfile(lic):
        with open(lic, encoding="utf-8") as fh:
            if "CC0 1.0" not in fh.read():
                fail("LICENSE is not CC0 1.0")

    if problems:
        for p in problems:
            print(f"check: FAIL {p}")
        print(f"check: {len(problems)} problem(s)")
        return 1
    counts = ", ".join(f"{k} {sum(1 for it in items if it['kind'] == k)}" for k in build.KINDS)
    print(f"check: OK {len(items)} items ({counts}); spoken-values.jsonl matches the sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
