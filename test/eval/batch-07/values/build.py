#!/usr/bin/env python3
"""Serialise the hand-written src/<kind>.txt blocks into spoken-values.jsonl and check them.

This script writes no utterances or values of its own: it only parses the Q:/C:/V:/T: blocks,
assigns ids in order, checks canonical forms / counts / duplicates, and reports tag coverage.
Usage:  python3 build.py          (build + check; exit 1 on any error)
        python3 build.py --check  (check only, do not write the jsonl)
        python3 build.py --list   (also print each value with the weekday for dates)
"""
import datetime, json, re, sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 40
PREFIX = "v7-"
OUT = HERE / "spoken-values.jsonl"
PARTICLES = {"de", "la", "le", "van", "der", "den", "von", "da", "das", "do", "dos", "di", "du", "del", "della", "ter", "ten", "y"}

EMAIL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$")
PHONE_RE = re.compile(r"^\+1[2-9]\d{2}[2-9]\d{6}$")
FICTIONAL_PHONE_RE = re.compile(r"^\+1\d{3}55501\d{2}$")
AMOUNT_RE = re.compile(r"^(0|[1-9]\d*)\.\d{2} USD$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_RE = re.compile(r"^\d{8,12}$")
ACCOUNT_RE = re.compile(r"^[A-Z0-9]{6,14}$")
ZIP_RE = re.compile(r"^\d{5}$")
NAME_PART_RE = re.compile(r"^[A-Z][a-z]*(?:(?:'|Mc|Mac)?[A-Z][a-z]*)*$")


def name_ok(v):
    parts = v.split(" ")
    if len(parts) < 2 or any(p == "" for p in parts):
        return "needs first and last name, single spaces"
    if parts[0] in PARTICLES or parts[-1] in PARTICLES:
        return "first/last token may not be a particle"
    if any(p.rstrip(".").lower() in {"mr", "mrs", "ms", "dr", "prof", "rev", "sir"} for p in parts):
        return "title in value"
    for p in parts:
        if p in PARTICLES:
            continue
        for sub in p.split("-"):
            if not NAME_PART_RE.match(sub):
                return f"part {p!r} not capitalised"
    return None


def check_value(kind, v):
    if kind == "email":
        return None if EMAIL_RE.match(v) and ".." not in v else "not lower-case local@domain.tld"
    if kind == "phone":
        if not PHONE_RE.match(v):
            return "not +1 NPA NXX XXXX"
        return None if FICTIONAL_PHONE_RE.match(v) else "not a 555-01xx number"
    if kind == "amount":
        return None if AMOUNT_RE.match(v) else "not N.NN USD"
    if kind == "date":
        if not DATE_RE.match(v):
            return "not YYYY-MM-DD"
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            return "not a real calendar date"
        return None
    if kind == "order_id":
        return None if ORDER_RE.match(v) else "not 8-12 digits"
    if kind == "account_id":
        return None if ACCOUNT_RE.match(v) else "not A-Z0-9 6-14"
    if kind == "zip_code":
        return None if ZIP_RE.match(v) else "not 5 digits"
    if kind == "customer_name":
        return name_ok(v)
    return "unknown kind"


def parse(path):
    blocks, cur, errors = [], {}, []
    lines = path.read_text(encoding="utf-8").splitlines() + [""]
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                cur["_line"] = start
                blocks.append(cur)
                cur = {}
            continue
        m = re.match(r"^([QCVT]): (.*)$", line)
        if not m:
            errors.append(f"{path.name}:{n}: unparseable line {line!r}")
            continue
        if not cur:
            start = n
        tag, text = m.groups()
        if tag in cur:
            errors.append(f"{path.name}:{n}: duplicate {tag}: in block")
        cur[tag] = text.strip()
    for b in blocks:
        for t in "QCVT":
            if not b.get(t):
                errors.append(f"{path.name}:{b['_line']}: block missing {t}:")
    return blocks, errors


def main():
    write = "--check" not in sys.argv
    errors, records, coverage = [], [], {}
    seen_text = {}
    n = 0
    for kind in KINDS:
        blocks, errs = parse(HERE / "src" / f"{kind}.txt")
        errors += errs
        if len(blocks) != PER_KIND:
            errors.append(f"{kind}: {len(blocks)} blocks, expected {PER_KIND}")
        seen_val = {}
        tags = Counter()
        for b in blocks:
            n += 1
            rid = f"{PREFIX}{n:04d}"
            where = f"{kind}.txt:{b['_line']} ({rid})"
            v, c = b.get("V", ""), b.get("C", "")
            e = check_value(kind, v)
            if e:
                errors.append(f"{where}: value {v!r}: {e}")
            if v in seen_val:
                errors.append(f"{where}: duplicate value {v!r} (also {seen_val[v]})")
            seen_val[v] = rid
            key = re.sub(r"\s+", " ", c.lower()).strip()
            if key in seen_text:
                errors.append(f"{where}: duplicate caller text (also {seen_text[key]})")
            seen_text[key] = rid
            for t in b.get("T", "").split(","):
                if t.strip():
                    tags[t.strip()] += 1
            records.append({"id": rid, "kind": kind, "agent": b.get("Q", ""), "customer": c, "value": v})
            if "--list" in sys.argv:
                extra = ""
                if kind == "date" and not e:
                    extra = datetime.date.fromisoformat(v).strftime("  %A")
                print(f"{rid} {kind:13} {v}{extra}")
        coverage[kind] = tags
    if kind_counts := Counter(r["kind"] for r in records):
        pass
    for kind in KINDS:
        tags = coverage.get(kind, {})
        print(f"{kind:13} {kind_counts.get(kind, 0):3}  " + ", ".join(f"{t}×{c}" for t, c in sorted(tags.items(), key=lambda x: (-x[1], x[0]))))
    acc = [r["value"] for r in records if r["kind"] == "account_id"]
    print(f"account_id: digit-only {sum(v.isdigit() for v in acc)}, letters+digits {sum(not v.isdigit() for v in acc)}")
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    if write:
        with OUT.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"\nwrote {len(records)} records to {OUT.name}")
    print("OK")


if __name__ == "__main__":
    main()
