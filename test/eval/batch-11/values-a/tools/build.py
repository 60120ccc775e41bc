#!/usr/bin/env python3
"""Serialise the hand-written sources/*.txt into spoken-values.jsonl.

This script only serialises: it reads records written by hand (agent / customer /
value, blank-line separated) and numbers them v11a-0001.. in the fixed kind order.
It generates no wording.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id",
         "zip_code", "customer_name"]
OUT = os.path.join(ROOT, "spoken-values.jsonl")


def read_source(kind):
    path = os.path.join(ROOT, "sources", kind + ".txt")
    records, cur = [], {}
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if cur:
                    records.append(cur)
                    cur = {}
                continue
            key, sep, val = line.partition(": ")
            if not sep or key not in ("agent", "customer", "value") or key in cur:
                sys.exit(f"{path}:{lineno}: bad line: {line!r}")
            cur[key] = val.strip()
    if cur:
        records.append(cur)
    for r in records:
        if set(r) != {"agent", "customer", "value"}:
            sys.exit(f"{path}: incomplete record {r!r}")
    return records


def build():
    rows, n = [], 0
    for kind in KINDS:
        for r in read_source(kind):
            n += 1
            rows.append({"id": f"v11a-{n:04d}", "kind": kind, "agent": r["agent"],
                         "customer": r["customer"], "value": r["value"]})
    return rows


def main():
    rows = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
