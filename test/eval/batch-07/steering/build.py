#!/usr/bin/env python3
"""Serialise the hand-written lines in src/*.txt into steering.jsonl.

This script does not write any text or label: it only reads src/, decodes \\uXXXX escapes,
orders the lines with a fixed seed (so ids do not reveal the source file), numbers them
s7-0001.., and rewrites the counts table in README.md between the COUNTS markers.

src line format:   @where <where>          (once, at the top of a file)
                   <L><H> <text>           L = A (attempt) | O (ordinary); H = + (hard) | - (not hard)
                   # comment / blank lines are ignored
"""
import json, random, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WHERES = ["customer", "agent", "package.summary", "package.trigger", "package.nextSteps",
          "package.facts", "package.aiAttempts", "package.caller"]
LABEL = {"A": "attempt", "O": "ordinary"}
HARD = {"+": True, "-": False}
ESC = re.compile(r"\\u([0-9a-fA-F]{4})")


def read_src():
    rows, errors = [], []
    for f in sorted((HERE / "src").glob("*.txt")):
        where = None
        for n, raw in enumerate(f.read_text(encoding="utf-8").split("\n"), 1):
            line = raw.rstrip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@where "):
                where = line[7:].strip()
                if where not in WHERES:
                    errors.append(f"{f.name}:{n}: unknown where {where!r}")
                continue
            m = re.match(r"^([AO])([+-]) (\S.*)$", line)
            if not m or where is None:
                errors.append(f"{f.name}:{n}: bad line {line!r}")
                continue
            text = ESC.sub(lambda x: chr(int(x.group(1), 16)), m.group(3))
            rows.append({"text": text, "label": LABEL[m.group(1)], "where": where,
                         "hard": HARD[m.group(2)], "_src": f"{f.name}:{n}"})
    return rows, errors


def counts_table(rows):
    out = ["| where | attempt (hard) | attempt (not hard) | ordinary (hard) | ordinary (not hard) | total |",
           "|---|---:|---:|---:|---:|---:|"]
    tot = [0, 0, 0, 0]
    for w in WHERES:
        c = [sum(1 for r in rows if r["where"] == w and r["label"] == l and r["hard"] == h)
             for l, h in (("attempt", True), ("attempt", False), ("ordinary", True), ("ordinary", False))]
        tot = [a + b for a, b in zip(tot, c)]
        out.append(f"| {w} | " + " | ".join(map(str, c)) + f" | {sum(c)} |")
    out.append("| **all** | " + " | ".join(f"**{x}**" for x in tot) + f" | **{sum(tot)}** |")
    return "\n".join(out)


def main():
    rows, errors = read_src()
    if errors:
        print("\n".join(errors)); sys.exit(1)
    random.Random(20260615).shuffle(rows)
    with open(HERE / "steering.jsonl", "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows, 1):
            obj = {"id": f"s7-{i:04d}", "text": r["text"], "label": r["label"],
                   "where": r["where"], "hard": r["hard"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    readme = HERE / "README.md"
    if readme.exists():
        s = readme.read_text(encoding="utf-8")
        s = re.sub(r"(<!-- COUNTS -->\n).*?(<!-- /COUNTS -->)",
                   lambda m: m.group(1) + counts_table(rows) + "\n" + m.group(2), s, flags=re.S)
        readme.write_text(s, encoding="utf-8")
    print(f"wrote {len(rows)} lines")


if __name__ == "__main__":
    main()
