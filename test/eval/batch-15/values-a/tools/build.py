#!/usr/bin/env python3
"""Build spoken-values.jsonl from the hand-written sources/<kind>.txt files.

Standard-library Python 3 only. The script parses, orders and serialises; every word and value
comes from the sources. Usage:  python3 tools/build.py        (writes spoken-values.jsonl)
                                python3 tools/build.py --stdout (prints it instead)
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(ROOT, "sources")
OUTPUT = os.path.join(ROOT, "spoken-values.jsonl")

# kinds in output order; each block is 20 items
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
FIELDS = ["note", "agent", "customer", "value"]


class SourceError(Exception):
    pass


def parse_source(kind):
    """Return a list of dicts {id, kind, note, agent, customer, value, line} for one kind."""
    path = os.path.join(SOURCES, kind + ".txt")
    items = []
    cur = None
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                raise SourceError("%s:%d: CR line ending" % (path, n))
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("== "):
                if cur is not None:
                    items.append(finish(cur, path))
                cur = {"id": line[3:].strip(), "kind": kind, "line": n, "_order": []}
                continue
            if cur is None:
                raise SourceError("%s:%d: text outside an item block" % (path, n))
            key, sep, val = line.partition(": ")
            if not sep or key not in FIELDS:
                raise SourceError("%s:%d: expected one of %s followed by ': '" % (path, n, FIELDS))
            if key in cur:
                raise SourceError("%s:%d: field %r given twice in %s" % (path, n, key, cur["id"]))
            if val != val.strip() or not val:
                raise SourceError("%s:%d: empty field or stray spaces in %r" % (path, n, key))
            cur[key] = val
            cur["_order"].append(key)
    if cur is not None:
        items.append(finish(cur, path))
    return items


def finish(cur, path):
    if cur["_order"] != FIELDS:
        raise SourceError("%s:%d: item %s must have fields %s in that order, got %s"
                          % (path, cur["line"], cur["id"], FIELDS, cur["_order"]))
    del cur["_order"]
    return cur


def load_all():
    items = []
    for kind in KINDS:
        items.extend(parse_source(kind))
    return items


def record(item):
    # key order is part of the format
    return {"id": item["id"], "kind": item["kind"], "agent": item["agent"],
            "customer": item["customer"], "value": item["value"]}


def render(items):
    return "".join(json.dumps(record(it), ensure_ascii=False) + "\n" for it in items)


def main(argv):
    try:
        items = load_all()
    except SourceError as exc:
        print("build: " + str(exc), file=sys.stderr)
        return 1
    text = render(items)
    if "--stdout" in argv:
        sys.stdout.write(text)
    else:
        with open(OUTPUT, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print("build: wrote %d records to %s" % (len(items), os.path.relpath(OUTPUT, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
