#!/usr/bin/env python3
"""Build steering.jsonl from the hand-written sources in src/.

This script only parses, numbers and serialises. Every text, label, place and
hardness flag comes from a hand-written record `CODE | WHERE | TEXT` in
src/<business>.txt; nothing is generated here.

Codes: A = attempt, X = disguised (hard) attempt, O = ordinary, H = hard ordinary.
Lines starting with '#' are comments (the first one names the business).
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "steering.jsonl"

CODES = {
    "A": ("attempt", False),
    "X": ("attempt", True),
    "O": ("ordinary", False),
    "H": ("ordinary", True),
}
WHERE = {
    "customer", "agent", "package.summary", "package.nextSteps",
    "package.notes", "package.aiAttempts", "package.facts",
}


class SourceError(Exception):
    pass


def parse_source(path):
    """Return (business_comment, [(code, where, text, lineno)]) for one file."""
    title = None
    records = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            if title is None:
                title = line.lstrip("#").strip()
            continue
        parts = line.split(" | ", 2)
        if len(parts) != 3:
            raise SourceError(f"{path.name}:{lineno}: expected 'CODE | WHERE | TEXT'")
        code, where, text = (p.strip() for p in parts)
        if code not in CODES:
            raise SourceError(f"{path.name}:{lineno}: unknown code {code!r}")
        if where not in WHERE:
            raise SourceError(f"{path.name}:{lineno}: unknown where {where!r}")
        if not text:
            raise SourceError(f"{path.name}:{lineno}: empty text")
        records.append((code, where, text, lineno))
    return title, records


def source_files():
    return sorted(SRC.glob("*.txt"))


def build_rows():
    """Return (rows, ranges): rows in serialised order, ranges per source file."""
    rows, ranges = [], []
    n = 0
    for path in source_files():
        title, records = parse_source(path)
        first = n + 1
        for code, where, text, _ in records:
            n += 1
            label, hard = CODES[code]
            rows.append({
                "id": f"s14-{n:04d}",
                "text": text,
                "label": label,
                "where": where,
                "hard": hard,
            })
        ranges.append((path.stem, title, f"s14-{first:04d}", f"s14-{n:04d}"))
    return rows, ranges


def serialise(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main():
    try:
        rows, ranges = build_rows()
    except SourceError as e:
        print(f"build: {e}", file=sys.stderr)
        return 1
    OUT.write_text(serialise(rows), encoding="utf-8")
    for stem, title, a, b in ranges:
        print(f"{a}..{b}  {stem:14s} {title}")
    print(f"wrote {len(rows)} lines to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
