#!/usr/bin/env python3
"""Build spoken-values.jsonl from the hand-written sources.

Parses sources/<kind>.txt, numbers the items v14a-0001.. in the fixed kind
order and writes one JSON object a line. It only parses and serialises: every
agent turn, customer turn and value is taken as written in the sources.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
OUT = ROOT / "spoken-values.jsonl"
FIELDS = ("agent", "customer", "value")


class SourceError(Exception):
    pass


def parse_kind(kind):
    """Return a list of (note, agent, customer, value) from sources/<kind>.txt."""
    path = ROOT / "sources" / f"{kind}.txt"
    text = path.read_text(encoding="utf-8")
    items = []
    block, start = [], None
    lines = text.split("\n") + [""]
    for n, line in enumerate(lines, 1):
        if line.strip() == "":
            if block:
                items.append(parse_block(path, start, block))
                block = []
            continue
        if not block:
            start = n
        block.append(line)
    # the header comment (a block of "#" lines only) is not an item
    return [it for it in items if it is not None]


def parse_block(path, start, block):
    if all(l.startswith("#") for l in block):
        return None  # header or free comment
    where = f"{path.name}:{start}"
    if len(block) != 4 or not block[0].startswith("# "):
        raise SourceError(f"{where}: an item is one '# note' line then agent:, customer:, value:")
    note = block[0][2:].strip()
    got = {}
    for line, field in zip(block[1:], FIELDS):
        prefix = field + ": "
        if not line.startswith(prefix):
            raise SourceError(f"{where}: expected '{prefix}' got {line[:30]!r}")
        got[field] = line[len(prefix):].strip()
    return note, got["agent"], got["customer"], got["value"]


def build():
    records = []
    for kind in KINDS:
        for note, agent, customer, value in parse_kind(kind):
            records.append({
                "id": f"v14a-{len(records) + 1:04d}",
                "kind": kind,
                "agent": agent,
                "customer": customer,
                "value": value,
            })
    return records


def serialise(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main():
    try:
        records = build()
    except SourceError as e:
        print(f"build: {e}", file=sys.stderr)
        return 1
    OUT.write_text(serialise(records), encoding="utf-8")
    print(f"build: wrote {len(records)} items to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
