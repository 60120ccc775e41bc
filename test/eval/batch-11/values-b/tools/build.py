#!/usr/bin/env python3
"""Serialise the hand-written sources in src/ into spoken-values.jsonl.

Each src/<n>-<kind>.txt holds blocks separated by blank lines:
    a: <agent question>
    c: <caller answer, as the ASR wrote it>
    v: <canonical value>
Lines starting with '#' are comments. This script only copies what is written;
it invents no wording.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "spoken-values.jsonl"
PREFIX = "v11b"


def parse(path):
    kind = path.stem.split("-", 1)[1]
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
        if not sep or tag not in ("a", "c", "v") or tag in cur:
            sys.exit(f"{path.name}:{lineno}: bad line: {raw!r}")
        cur[tag] = text.strip()
    if cur:
        items.append(cur)
    for i, it in enumerate(items, 1):
        if set(it) != {"a", "c", "v"}:
            sys.exit(f"{path.name}: block {i} lacks one of a/c/v")
    return kind, items


def load():
    rows = []
    for path in sorted(SRC.glob("*.txt")):
        kind, items = parse(path)
        for it in items:
            rows.append({"kind": kind, "agent": it["a"], "customer": it["c"], "value": it["v"]})
    for n, row in enumerate(rows, 1):
        row_id = f"{PREFIX}-{n:04d}"
        rows[n - 1] = {"id": row_id, **row}
    return rows


def main():
    rows = load()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT.name}")


if __name__ == "__main__":
    main()
