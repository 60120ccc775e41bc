#!/usr/bin/env python3
"""Serialise hand-written lines in src/ into steering.jsonl (no text is generated here).

src file names: <where>__<label>__<hard|easy>.txt ; one item per line;
lines starting with '## ' and blank lines are skipped; \\uXXXX escapes are decoded
(used only to make invisible characters visible in the source).
Ids are assigned in a fixed, seeded shuffle so labels are not grouped.
"""
import json, os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
ESC = re.compile(r"\\u([0-9a-fA-F]{4})")
items = []
for fn in sorted(os.listdir(SRC)):
    if not fn.endswith(".txt"):
        continue
    where, label, hard = fn[:-4].split("__")
    with open(os.path.join(SRC, fn), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("## "):
                continue
            text = ESC.sub(lambda m: chr(int(m.group(1), 16)), line).strip()
            items.append({"text": text, "label": label, "where": where,
                          "hard": {"hard": True, "easy": False}[hard], "_src": f"{fn}:{n}"})
random.Random(20260615).shuffle(items)
with open(os.path.join(HERE, "steering.jsonl"), "w", encoding="utf-8") as out:
    for i, it in enumerate(items, 1):
        rec = {"id": f"s8-{i:04d}", "text": it["text"], "label": it["label"],
               "where": it["where"], "hard": it["hard"]}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(f"wrote {len(items)} records")
