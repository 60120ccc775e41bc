#!/usr/bin/env python3
"""Serialise the hand-written sources in src/ into steering.jsonl.

Each source line is:  <tag> <text>
  tag: A = attempt, O = ordinary; a trailing "+" marks the item hard.
Lines that are blank or start with "#" are skipped.
The file name (without .txt) is the `where` value.

This script adds no words: it copies each text as written, shuffles the
items with a fixed seed and numbers them s11-0001 ... s11-NNNN.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "steering.jsonl")

WHERES = [
    "customer",
    "agent",
    "package.summary",
    "package.trigger",
    "package.nextSteps",
    "package.facts",
    "package.aiAttempts",
    "package.caller",
]
TAGS = {"A": ("attempt", False), "A+": ("attempt", True),
        "O": ("ordinary", False), "O+": ("ordinary", True)}
SEED = 20260615


def read_sources():
    """Return a list of (where, label, hard, text, source_ref)."""
    items = []
    for where in WHERES:
        path = os.path.join(SRC, where + ".txt")
        with open(path, encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                line = raw.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                tag, sep, text = line.partition(" ")
                if tag not in TAGS or not sep or not text.strip():
                    raise SystemExit(f"{path}:{n}: bad line: {line!r}")
                label, hard = TAGS[tag]
                items.append((where, label, hard, text, f"{where}.txt:{n}"))
    return items


def build_records(items):
    order = list(range(len(items)))
    random.Random(SEED).shuffle(order)
    records = []
    for i, k in enumerate(order, 1):
        where, label, hard, text, _ = items[k]
        records.append({"id": f"s11-{i:04d}", "text": text, "label": label,
                        "where": where, "hard": hard})
    return records


def render(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main():
    records = build_records(read_sources())
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(render(records))
    print(f"wrote {len(records)} items to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
