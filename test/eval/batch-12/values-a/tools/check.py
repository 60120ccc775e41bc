#!/usr/bin/env python3
"""Validate spoken-values.jsonl: format, key order, ids, counts, canonical forms,
fictional phone range, and that the file matches the hand-written sources.
Standard library only. Exits 0 when everything holds, 1 otherwise."""
import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 20
KEYS = ["id", "kind", "agent", "customer", "value"]
CALL_DATE = datetime.date(2026, 6, 15)

RX = {
    "email": re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$"),
    "phone": re.compile(r"^\+1[2-9]\d{2}55501\d{2}$"),
    "amount": re.compile(r"^(?:0|[1-9]\d*)\.\d{2} USD$"),
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "order_id": re.compile(r"^\d{8,10}$"),
    "account_id": re.compile(r"^(?:(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{6,10}|\d{11,13})$"),
    "zip_code": re.compile(r"^\d{5}$"),
}
NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['\-.](?=[^\W\d_]))*$")
# a number written as digits in the 3-3-4 phone shape, e.g. "(206) 555-0171" or "503 555 0162"
PHONE_SHAPE = re.compile(r"\(?\b(\d{3})\)?[ -.]?(\d{3})[ -.]?(\d{4})\b")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def parse_sources():
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(ROOT / "tools"))
    from build import parse  # same parser the build uses
    out = []
    for kind in KINDS:
        for b in parse(ROOT / "sources" / f"{kind}.txt"):
            out.append((kind, b["agent"], b["customer"], b["value"]))
    return out


def check_value(where, kind, v):
    if v != v.strip() or "  " in v:
        err(where, "value has stray whitespace")
    if kind in RX and not RX[kind].match(v):
        err(where, f"{kind} value not canonical: {v!r}")
        return
    if kind == "email" and ".." in v:
        err(where, "email has consecutive dots")
    if kind == "date":
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            err(where, f"not a calendar date: {v}")
            return
        if not (datetime.date(1900, 1, 1) <= d <= datetime.date(2027, 12, 31)):
            err(where, f"date out of plausible range: {v}")
    if kind == "customer_name":
        toks = v.split(" ")
        if len(toks) < 2:
            err(where, "customer_name is not a full name")
        for t in toks:
            if not NAME_TOKEN.match(t):
                err(where, f"odd name token {t!r}")
        if not v[0].isupper():
            err(where, "customer_name should start with a capital")


def main():
    path = ROOT / "spoken-values.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) != PER_KIND * len(KINDS):
        err("file", f"{len(lines)} lines, want {PER_KIND * len(KINDS)}")
    recs = []
    for i, line in enumerate(lines, 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {i}", f"bad json: {e}")
            continue
        if list(rec.keys()) != KEYS:
            err(f"line {i}", f"keys {list(rec.keys())} != {KEYS}")
        recs.append(rec)

    seen_vals = {}
    digit_runs = 0
    for i, rec in enumerate(recs):
        where = rec.get("id", f"line {i + 1}")
        want_id = f"v12a-{i + 1:04d}"
        if rec.get("id") != want_id:
            err(where, f"id should be {want_id}")
        want_kind = KINDS[i // PER_KIND] if i // PER_KIND < len(KINDS) else None
        kind = rec.get("kind")
        if kind != want_kind:
            err(where, f"kind {kind!r}, want {want_kind!r} (blocks of {PER_KIND})")
        for k in KEYS:
            if not isinstance(rec.get(k), str) or not rec.get(k):
                err(where, f"{k} missing or not a non-empty string")
        if errors and not all(isinstance(rec.get(k), str) for k in KEYS):
            continue
        for k in ("agent", "customer"):
            t = rec[k]
            if any(c.isupper() for c in t):
                err(where, f"{k} turn has upper case (recogniser writes lower case)")
            if any(ord(c) < 32 for c in t) or t != t.strip():
                err(where, f"{k} turn has control characters or stray whitespace")
            for m in PHONE_SHAPE.finditer(t):
                if m.group(2) != "555" or not m.group(3).startswith("01"):
                    err(where, f"{k} turn has a phone-shaped number outside 555-01xx: {m.group(0)}")
        v = rec["value"]
        check_value(where, kind, v)
        if kind == "account_id" and v.isdigit():
            digit_runs += 1
        if (kind, v) in seen_vals:
            err(where, f"duplicate {kind} value also in {seen_vals[(kind, v)]}")
        seen_vals[(kind, v)] = where
        if kind == "email":
            tld = v.rsplit(".", 1)[1]
            if not re.search(rf"\b{re.escape(tld)}\b", rec["customer"]):
                err(where, f"email top-level domain {tld!r} never said in the customer turn")

    if not (1 <= digit_runs <= 5):
        err("account_id", f"{digit_runs} all-digit ids; want a few (1-5)")

    # the serialised file must match the hand-written sources exactly
    try:
        src = parse_sources()
    except SystemExit as e:
        err("sources", f"parse failed: {e}")
        src = []
    got = [(r.get("kind"), r.get("agent"), r.get("customer"), r.get("value")) for r in recs]
    if src and src != got:
        err("sources", "spoken-values.jsonl does not match sources/ (run tools/build.py)")

    counts = {k: sum(1 for r in recs if r.get("kind") == k) for k in KINDS}
    print("counts:", ", ".join(f"{k}={n}" for k, n in counts.items()), f"total={len(recs)}")
    print(f"account_id all-digit runs: {digit_runs}; call date {CALL_DATE.isoformat()} ({CALL_DATE:%A})")
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
