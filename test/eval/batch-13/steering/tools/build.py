#!/usr/bin/env python3
"""Build steering.jsonl from the hand-written sources in src/*.txt.

This script only parses, numbers and serialises. Every line of wording, every
label and every field placement is written by hand in src/. Nothing here
generates, varies or combines text.

Source format, one record per line (lines starting with '#' and blank lines
are skipped):

    CODE | WHERE | TEXT

CODE:  A = attempt, X = attempt in a disguised form (hard: true),
       O = ordinary, H = hard ordinary (hard: true).
WHERE: customer | agent | package.summary | package.nextSteps |
       package.notes | package.aiAttempts | package.facts
Files are read in name order; records keep their order inside a file.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CODES = {"A": ("attempt", False), "X": ("attempt", True),
         "O": ("ordinary", False), "H": ("ordinary", True)}


def read_sources(root=ROOT):
    """Yield (file, line_no, code, where, text) for every record."""
    for path in sorted((root / "src").glob("*.txt")):
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            parts = raw.split(" | ", 2)
            if len(parts) != 3:
                raise SystemExit(f"{path.name}:{n}: expected 'CODE | WHERE | TEXT'")
            code, where, text = (p.strip() for p in parts)
            yield path.stem, n, code, where, text


def records(root=ROOT):
    out = []
    for i, (_f, _n, code, where, text) in enumerate(read_sources(root), 1):
        if code not in CODES:
            raise SystemExit(f"{_f}:{_n}: unknown code {code!r}")
        label, hard = CODES[code]
        out.append({"id": f"s13-{i:04d}", "text": text, "label": label,
                    "where": where, "hard": hard})
    return out


def main():
    recs = records()
    with open(ROOT / "steering.jsonl", "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records to steering.jsonl", file=sys.stderr)


if __name__ == "__main__":
    main()
