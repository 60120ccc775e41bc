#!/usr/bin/env python3
"""Build steering.jsonl from the hand-written sources in src/.

The script only parses, numbers and serialises. Every text, label and
placement comes from the source files, which are written by hand.

Source format (one file per business, src/NN-kind.txt):
    # Business (place): situation        <- first line
    CODE | WHERE | TEXT                   <- one line per item; blank lines allowed
CODE: A = attempt (plain), X = attempt (disguised),
      O = ordinary (plain), H = ordinary (hard near miss).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "steering.jsonl")

CODES = {
    "A": ("attempt", False),
    "X": ("attempt", True),
    "O": ("ordinary", False),
    "H": ("ordinary", True),
}


class SourceError(Exception):
    pass


def source_files():
    names = sorted(n for n in os.listdir(SRC) if n.endswith(".txt"))
    return [os.path.join(SRC, n) for n in names]


def parse_file(path):
    """Return (header, [(code, where, text, lineno), ...])."""
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    lines = raw.split("\n")
    if not lines or not lines[0].startswith("# "):
        raise SourceError(f"{path}:1: first line must be '# Business (place): situation'")
    header = lines[0][2:]
    items = []
    for no, line in enumerate(lines[1:], start=2):
        if line.strip() == "":
            continue
        parts = line.split(" | ", 2)
        if len(parts) != 3:
            raise SourceError(f"{path}:{no}: expected 'CODE | WHERE | TEXT'")
        code, where, text = parts[0].strip(), parts[1].strip(), parts[2]
        if code not in CODES:
            raise SourceError(f"{path}:{no}: unknown code {code!r}")
        if text != text.strip() or text == "":
            raise SourceError(f"{path}:{no}: text empty or has surrounding blanks")
        items.append((code, where, text, no))
    return header, items


def records():
    out = []
    n = 0
    for path in source_files():
        _, items = parse_file(path)
        for code, where, text, _ in items:
            n += 1
            label, hard = CODES[code]
            out.append({"id": f"s15-{n:04d}", "text": text, "label": label,
                        "where": where, "hard": hard})
    return out


def serialise(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def main():
    try:
        data = serialise(records())
    except SourceError as e:
        print(e, file=sys.stderr)
        return 1
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(data)
    print(f"wrote {OUT} ({data.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
