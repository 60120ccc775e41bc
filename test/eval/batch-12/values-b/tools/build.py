#!/usr/bin/env python3
"""Serialise the hand-written sources into spoken-values.jsonl.

This script only parses sources/<kind>.txt (blocks of `agent:` / `customer:` / `value:`
lines, `#` lines are notes) and numbers the exchanges v12b-0001 onwards in the fixed
kind order. It never creates or alters wording or values.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]


def parse(path):
    blocks, cur = [], {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            if cur:
                blocks.append(cur)
                cur = {}
            continue
        key, sep, text = line.partition(":")
        if not sep or key not in ("agent", "customer", "value") or key in cur:
            sys.exit(f"{path.name}:{n}: bad or repeated line: {raw!r}")
        cur[key] = text.strip()
    if cur:
        blocks.append(cur)
    for b in blocks:
        if set(b) != {"agent", "customer", "value"}:
            sys.exit(f"{path.name}: incomplete block {b}")
    return blocks


def main():
    out, i = [], 0
    for kind in KINDS:
        for b in parse(ROOT / "sources" / f"{kind}.txt"):
            i += 1
            out.append({"id": f"v12b-{i:04d}", "kind": kind, "agent": b["agent"],
                        "customer": b["customer"], "value": b["value"]})
    with open(ROOT / "spoken-values.jsonl", "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} lines")


if __name__ == "__main__":
    main()
