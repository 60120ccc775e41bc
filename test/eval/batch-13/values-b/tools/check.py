#!/usr/bin/env python3
"""Check spoken-values.jsonl: shape, order, counts and canonical forms.

Standard-library Python 3. Exits 0 when everything holds, 1 otherwise.
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip", "name"]
PER_KIND = 20
KEYS = ["id", "kind", "agent", "customer", "value"]
CURRENCIES = {"USD", "GBP", "CAD", "AUD", "EUR"}

EMAIL = re.compile(r"^[a-z0-9][a-z0-9._+\-]*@([a-z0-9]([a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$")
PHONE_RANGES = [
    ("US/CA", re.compile(r"^\+1[2-9]\d{2}55501\d{2}$")),
    ("UK London drama", re.compile(r"^\+442079460\d{3}$")),
    ("UK mobile drama", re.compile(r"^\+447700900\d{3}$")),
    ("AU mobile", re.compile(r"^\+61491000\d{3}$")),
    ("AU landline", re.compile(r"^\+6125550\d{4}$")),
]
AMOUNT = re.compile(r"^(0|[1-9]\d*)\.\d{2} ([A-Z]{3})$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER = re.compile(r"^\d{8,10}$")
ACCOUNT = re.compile(r"^[A-Z]{2}\d{4}[A-Z]{2}$")
ZIP = re.compile(r"^\d{5}$")
NAME_PART = re.compile(r"^[^\W\d_]+(['\-][^\W\d_]+)*$")
# upper case in recogniser text is allowed only in tokens the recogniser wrote as codes
CODE_TOKEN = re.compile(r"^[A-Z0-9\-]*\d[A-Z0-9\-]*[.,]?$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def check_value(where, kind, v):
    if v != v.strip() or not v:
        err(where, "value empty or padded")
        return
    if kind == "email":
        if v != v.lower() or not EMAIL.match(v) or ".." in v:
            err(where, f"bad email {v!r}")
    elif kind == "phone":
        if not any(rx.match(v) for _, rx in PHONE_RANGES):
            err(where, f"phone not E.164 in a fictional range: {v!r}")
    elif kind == "amount":
        m = AMOUNT.match(v)
        if not m or m.group(2) not in CURRENCIES:
            err(where, f"bad amount {v!r}")
    elif kind == "date":
        ok = bool(DATE.match(v))
        if ok:
            try:
                datetime.date.fromisoformat(v)
            except ValueError:
                ok = False
        if not ok:
            err(where, f"bad date {v!r}")
    elif kind == "order_id":
        if not ORDER.match(v):
            err(where, f"bad order id {v!r}")
    elif kind == "account_id":
        if not ACCOUNT.match(v):
            err(where, f"bad account id {v!r} (shape AA9999AA)")
    elif kind == "zip":
        if not ZIP.match(v):
            err(where, f"bad zip {v!r}")
    elif kind == "name":
        parts = v.split(" ")
        if len(parts) < 2 or any(not p for p in parts):
            err(where, f"name needs a first and last part, single spaces: {v!r}")
        for p in parts:
            if not NAME_PART.match(p):
                err(where, f"odd name part {p!r} in {v!r}")
        if not any(p[:1].isupper() for p in parts) or not parts[-1][:1].isupper():
            err(where, f"name not capitalised as written: {v!r}")


def check_text(where, field, text):
    if not text or text != text.strip():
        err(where, f"{field} empty or padded")
        return
    if "\n" in text or "\t" in text:
        err(where, f"{field} has control characters")
    for tok in text.split():
        if tok != tok.lower() and not CODE_TOKEN.match(tok.lstrip("$")):
            err(where, f"{field} has upper case outside a written code: {tok!r}")


def parse_sources():
    out = []
    for kind in KINDS:
        items, cur = [], {}
        with open(os.path.join(ROOT, "sources", f"{kind}.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("#"):
                    continue
                if not line.strip():
                    if cur:
                        items.append(cur)
                        cur = {}
                    continue
                k, _, rest = line.partition(": ")
                cur[k] = rest
        if cur:
            items.append(cur)
        out.extend((kind, it) for it in items)
    return out


def main():
    path = os.path.join(ROOT, "spoken-values.jsonl")
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"line {n}", "blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"line {n}", f"not JSON: {e}")
                continue
            if list(rec) != KEYS:
                err(f"line {n}", f"keys {list(rec)} != {KEYS}")
            recs.append(rec)

    want = len(KINDS) * PER_KIND
    if len(recs) != want:
        err("file", f"{len(recs)} items, want {want}")

    seen_values = {}
    for i, rec in enumerate(recs):
        where = rec.get("id", f"item {i + 1}")
        if rec.get("id") != f"v13b-{i + 1:04d}":
            err(where, f"id out of sequence, want v13b-{i + 1:04d}")
        kind = rec.get("kind")
        want_kind = KINDS[i // PER_KIND] if i < want else None
        if kind != want_kind:
            err(where, f"kind {kind!r}, block order wants {want_kind!r}")
        for field in ("agent", "customer", "value"):
            if not isinstance(rec.get(field), str):
                err(where, f"{field} is not a string")
        if not all(isinstance(rec.get(k), str) for k in ("agent", "customer", "value")):
            continue
        check_text(where, "agent", rec["agent"])
        check_text(where, "customer", rec["customer"])
        check_value(where, kind, rec["value"])
        key = (kind, rec["value"])
        if key in seen_values:
            err(where, f"same value as {seen_values[key]}")
        seen_values[key] = where

    # the file must be exactly what the sources say
    src = parse_sources()
    if len(src) != len(recs):
        err("sources", f"{len(src)} blocks in sources, {len(recs)} items in the file")
    for rec, (kind, it) in zip(recs, src):
        if (rec.get("kind"), rec.get("agent"), rec.get("customer"), rec.get("value")) != (
                kind, it.get("agent"), it.get("customer"), it.get("value")):
            err(rec.get("id", "?"), "differs from sources; run tools/build.py")

    # mix checks asked for by the brief
    amounts = [r["value"].split()[1] for r in recs if r.get("kind") == "amount" and AMOUNT.match(r.get("value", ""))]
    usd = amounts.count("USD")
    if usd * 2 <= len(amounts) or len(set(amounts)) < len(CURRENCIES):
        err("amount", f"want mostly USD and every one of {sorted(CURRENCIES)}: {sorted(set(amounts))}, USD={usd}")
    phones = [r["value"] for r in recs if r.get("kind") == "phone"]
    regions = {name.split()[0] for name, rx in PHONE_RANGES for p in phones if rx.match(p)}
    if regions != {"US/CA", "UK", "AU"}:
        err("phone", f"want US/CA, UK and AU numbers, got {sorted(regions)}")
    if not any(r["value"].startswith("0") for r in recs if r.get("kind") == "order_id"):
        err("order_id", "no order id with a leading zero")

    counts = {k: sum(1 for r in recs if r.get("kind") == k) for k in KINDS}
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        return 1
    print(f"ok: {len(recs)} items; " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"amount currencies: " + ", ".join(f"{c} {amounts.count(c)}" for c in sorted(CURRENCIES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
