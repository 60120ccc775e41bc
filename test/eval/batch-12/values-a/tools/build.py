#!/usr/bin/env python3
"""Serialise the hand-written sources into spoken-values.jsonl.

This script only parses, numbers and serialises. It never creates or changes
wording or values: every agent turn, customer turn and value is copied as
written in sources/<kind>.txt.

Source format: blocks separated by blank lines; each block has the lines
  agent: ...
  customer: ...
  value: ...
  note: ...        (optional, for reviewers, not serialised)
Lines starting with '#' are comments.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 20
PREFIX = "v12a-"


def parse(path):
    blocks, cur = [], {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                blocks.append(cur)
                cur = {}
            continue
        key, sep, rest = line.partition(":")
        if not sep or key not in ("agent", "customer", "value", "note"):
            sys.exit(f"{path.name}:{lineno}: bad line: {line!r}")
        if key in cur:
            sys.exit(f"{path.name}:{lineno}: duplicate {key}")
        cur[key] = rest.strip()
    if cur:
        blocks.append(cur)
    for i, b in enumerate(blocks, 1):
        for k in ("agent", "customer", "value"):
            if not b.get(k):
                sys.exit(f"{path.name}: block {i} lacks {k}")
    return blocks


def main():
    out = []
    n = 0
    for kind in KINDS:
        blocks = parse(ROOT / "sources" / f"{kind}.txt")
        if len(blocks) != PER_KIND:
            sys.exit(f"{kind}: {len(blocks)} blocks, want {PER_KIND}")
        for b in blocks:
            n += 1
            out.append({
                "id": f"{PREFIX}{n:04d}",
                "kind": kind,
                "agent": b["agent"],
                "customer": b["customer"],
                "value": b["value"],
            })
    with open(ROOT / "spoken-values.jsonl", "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} lines")


if __name__ == "__main__":
    main()
