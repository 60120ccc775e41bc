#!/usr/bin/env python3
"""Serialise the hand-written lines in src/*.txt into steering.jsonl.

Only serialisation: every text is copied verbatim from src/. Each src file holds one `where`
(the file name without .txt); each line is `TAG|text` where TAG is A (attempt), A* (attempt, hard),
O (ordinary) or O* (ordinary, hard). Lines starting with '#' and blank lines are skipped.
Items are put in a fixed shuffled order (seed 10) so ids do not reveal labels, then numbered s10-0001...
"""
import json, pathlib, random

ROOT = pathlib.Path(__file__).resolve().parent.parent
TAGS = {"A": ("attempt", False), "A*": ("attempt", True), "O": ("ordinary", False), "O*": ("ordinary", True)}


def read_src():
    items = []
    for f in sorted((ROOT / "src").glob("*.txt")):
        where = f.name[:-4]
        for n, raw in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            tag, sep, text = raw.partition("|")
            if not sep or tag not in TAGS:
                raise SystemExit(f"{f.name}:{n}: bad line: {raw!r}")
            label, hard = TAGS[tag]
            items.append({"text": text, "label": label, "where": where, "hard": hard, "_src": f"{f.name}:{n}"})
    return items


def build():
    items = read_src()
    random.Random(10).shuffle(items)
    out = []
    for i, it in enumerate(items, 1):
        out.append({"id": f"s10-{i:04d}", "text": it["text"], "label": it["label"], "where": it["where"], "hard": it["hard"]})
    return out


if __name__ == "__main__":
    rows = build()
    with open(ROOT / "steering.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} items to steering.jsonl")
