#!/usr/bin/env python3
"""Serialise the hand-written lines in src/*.txt into steering.jsonl.

This script only parses, numbers and serialises. Every word of every line is
written by hand in src/; nothing here generates wording, values or variations.
Source format, one record per line:  CODE | WHERE | TEXT
  CODE  A- attempt, AH hard attempt, O- ordinary, OH hard ordinary
  WHERE c customer, g agent, ps package.summary, pf package.facts,
        pa package.aiAttempts, pn package.nextSteps, pt package.notes
Lines starting with '#' and blank lines are skipped. Files are read in name order
and records keep their written order (the mixing is done by hand).
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODES = {"A-": ("attempt", False), "AH": ("attempt", True),
         "O-": ("ordinary", False), "OH": ("ordinary", True)}
WHERE = {"c": "customer", "g": "agent", "ps": "package.summary",
         "pf": "package.facts", "pa": "package.aiAttempts",
         "pn": "package.nextSteps", "pt": "package.notes"}


def read_records():
    records = []
    for path in sorted((ROOT / "src").glob("*.txt")):
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split(" | ", 2)
            if len(parts) != 3 or parts[0] not in CODES or parts[1] not in WHERE:
                sys.exit(f"{path.name}:{n}: bad record: {line!r}")
            label, hard = CODES[parts[0]]
            records.append({"label": label, "where": WHERE[parts[1]],
                            "hard": hard, "text": parts[2].strip(),
                            "_src": f"{path.name}:{n}"})
    return records


def main():
    records = read_records()
    out = ROOT / "steering.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for i, r in enumerate(records, 1):
            row = {"id": f"s12-{i:04d}", "text": r["text"], "label": r["label"],
                   "where": r["where"], "hard": r["hard"]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if "--stats" in sys.argv:
        from collections import Counter
        c = Counter((r["label"], r["hard"]) for r in records)
        w = Counter((r["label"], r["where"]) for r in records)
        print(dict(c))
        for k in sorted(w):
            print(k, w[k])
        per = Counter((r["_src"].split(":")[0], r["label"]) for r in records)
        for k in sorted(per):
            print(k, per[k])
    print(f"wrote {len(records)} records to {out.name}")


if __name__ == "__main__":
    main()
