#!/usr/bin/env python3
"""Build spoken-values.jsonl from the hand-written sources.

This script only parses, numbers and serialises: every word and value comes from sources/<kind>.txt.
Usage: python3 tools/build.py            (writes spoken-values.jsonl next to this folder's README)
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PREFIX = "v14b-"
FIELDS = ("agent", "customer", "value")


class SourceError(Exception):
    pass


def parse_source(path):
    """Return the list of {agent, customer, value} blocks of one source file, in file order."""
    blocks, current = [], {}
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for lineno, raw in enumerate(lines + [""], start=1):
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                missing = [f for f in FIELDS if f not in current]
                if missing:
                    raise SourceError(f"{path}:{lineno}: block lacks {', '.join(missing)}")
                blocks.append(current)
                current = {}
            continue
        key, sep, text = line.partition(":")
        if not sep or key not in FIELDS:
            raise SourceError(f"{path}:{lineno}: expected 'agent:', 'customer:' or 'value:', got {line!r}")
        if key in current:
            raise SourceError(f"{path}:{lineno}: second '{key}:' in one block")
        text = text.strip()
        if not text:
            raise SourceError(f"{path}:{lineno}: empty '{key}:'")
        current[key] = text
    return blocks


def build_records():
    records, n = [], 0
    for kind in KINDS:
        for block in parse_source(os.path.join(ROOT, "sources", f"{kind}.txt")):
            n += 1
            records.append({
                "id": f"{PREFIX}{n:04d}",
                "kind": kind,
                "agent": block["agent"],
                "customer": block["customer"],
                "value": block["value"],
            })
    return records


def serialise(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main():
    try:
        records = build_records()
    except SourceError as err:
        print(f"build: {err}", file=sys.stderr)
        return 1
    out = os.path.join(ROOT, "spoken-values.jsonl")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(serialise(records))
    print(f"build: wrote {len(records)} items to {os.path.relpath(out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
