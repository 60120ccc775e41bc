#!/usr/bin/env python3
"""Build spoken-values.jsonl from the hand-written sources in sources/<kind>.txt.

The script only parses, orders and serialises what is written by hand; it adds no
text and no values of its own. Standard-library Python 3 only.

Usage: python3 tools/build.py            (writes spoken-values.jsonl)
       python3 tools/build.py --stdout   (prints it instead)
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(ROOT, "sources")
OUTPUT = os.path.join(ROOT, "spoken-values.jsonl")

# the kinds, in the order of their id blocks
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
FIELDS = ["id", "note", "agent", "customer", "value"]
KEYS = ["id", "kind", "agent", "customer", "value"]


class SourceError(Exception):
    pass


def parse_kind(kind):
    """Return the items of sources/<kind>.txt as a list of dicts (with 'note' and 'line')."""
    path = os.path.join(SOURCES, kind + ".txt")
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    items, block = [], []

    def flush():
        if not block:
            return
        start = block[0][0]
        names = [name for _, name, _ in block]
        if names != FIELDS:
            raise SourceError(f"{kind}.txt:{start}: expected fields {FIELDS}, got {names}")
        item = {name: text for _, name, text in block}
        item["kind"] = kind
        item["line"] = start
        items.append(item)
        block.clear()

    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line.strip():
            flush()
            continue
        if ": " not in line:
            raise SourceError(f"{kind}.txt:{number}: not a 'field: text' line: {line!r}")
        name, text = line.split(": ", 1)
        if name not in FIELDS:
            raise SourceError(f"{kind}.txt:{number}: unknown field {name!r}")
        block.append((number, name, text.strip()))
    flush()
    return items


def parse_all():
    items = []
    for kind in KINDS:
        items.extend(parse_kind(kind))
    return items


def record(item):
    return {key: item[key] for key in KEYS}


def render(items):
    return "".join(json.dumps(record(item), ensure_ascii=False) + "\n" for item in items)


def main(argv):
    try:
        text = render(parse_all())
    except SourceError as err:
        print(f"build: {err}", file=sys.stderr)
        return 1
    if "--stdout" in argv:
        sys.stdout.write(text)
        return 0
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"build: wrote {text.count(chr(10))} records to {os.path.relpath(OUTPUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
