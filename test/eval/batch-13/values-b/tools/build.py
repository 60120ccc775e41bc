#!/usr/bin/env python3
"""Build spoken-values.jsonl from the hand-written sources.

This script only parses the blocks in sources/<kind>.txt, numbers them in
block order and serialises them. It writes no wording and no values.
"""
import json
import os
import sys

KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip", "name"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse(path):
    items, cur = [], {}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if cur:
                    items.append(cur)
                    cur = {}
                continue
            key, sep, rest = line.partition(": ")
            if not sep or key not in ("agent", "customer", "value"):
                sys.exit(f"{path}:{n}: cannot parse line: {line!r}")
            if key in cur:
                sys.exit(f"{path}:{n}: duplicate {key} in one block")
            cur[key] = rest
    if cur:
        items.append(cur)
    for i, it in enumerate(items):
        if set(it) != {"agent", "customer", "value"}:
            sys.exit(f"{path}: block {i + 1} lacks a line: has {sorted(it)}")
    return items


def main():
    out, n = [], 0
    for kind in KINDS:
        for it in parse(os.path.join(ROOT, "sources", f"{kind}.txt")):
            n += 1
            out.append({"id": f"v13b-{n:04d}", "kind": kind, "agent": it["agent"],
                        "customer": it["customer"], "value": it["value"]})
    with open(os.path.join(ROOT, "spoken-values.jsonl"), "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} items")


if __name__ == "__main__":
    main()
