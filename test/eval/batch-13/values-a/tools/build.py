#!/usr/bin/env python3
"""Build spoken-values.jsonl from the hand-written sources/<kind>.txt files.

This script only parses, numbers and serialises. Every agent line, customer line and
value comes verbatim from the sources; nothing is generated or varied here.

Source format: blocks separated by blank lines, each with exactly three lines
  A: <agent turn>
  C: <customer turn, as the speech recogniser writes it>
  V: <labelled value, canonical form>
Lines starting with '#' are comments.
"""
import json
import pathlib
import sys

KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip", "name"]
ROOT = pathlib.Path(__file__).resolve().parent.parent
PREFIX = "v13a-"


def parse(path):
    items, cur = [], {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                items.append(cur)
                cur = {}
            continue
        tag, sep, text = line.partition(": ")
        if not sep or tag not in ("A", "C", "V") or tag in cur:
            sys.exit(f"{path.name}:{lineno}: bad or repeated line: {raw!r}")
        cur[tag] = text.strip()
    if cur:
        items.append(cur)
    for i, it in enumerate(items, 1):
        if set(it) != {"A", "C", "V"}:
            sys.exit(f"{path.name}: block {i} lacks one of A/C/V")
    return items


def build():
    rows, n = [], 0
    for kind in KINDS:
        for it in parse(ROOT / "sources" / f"{kind}.txt"):
            n += 1
            rows.append({"id": f"{PREFIX}{n:04d}", "kind": kind,
                         "agent": it["A"], "customer": it["C"], "value": it["V"]})
    return rows


def serialise(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


if __name__ == "__main__":
    out = ROOT / "spoken-values.jsonl"
    rows = build()
    out.write_text(serialise(rows), encoding="utf-8")
    print(f"wrote {len(rows)} items to {out}")
