#!/usr/bin/env python3
"""Check steering.jsonl: format, ids, labels, duplicates, counts, hard share, README table, src agreement."""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build  # only to re-read src and render the expected table

WHERES = build.WHERES
MIN = {"attempt": 280, "ordinary": 800}
HARD_SHARE = (0.25, 0.42)          # "about a third"
ZW = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
errs = []


def norm(t):
    t = "".join(ch for ch in t if ch not in ZW)
    t = unicodedata.normalize("NFKC", t).casefold()
    t = re.sub(r"[^\w]+", " ", t)
    return " ".join(t.split())


rows = []
for n, line in enumerate((HERE / "steering.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    try:
        o = json.loads(line)
    except Exception as e:
        errs.append(f"line {n}: not JSON ({e})"); continue
    if list(o.keys()) != ["id", "text", "label", "where", "hard"]:
        errs.append(f"line {n}: keys {list(o.keys())}")
    if o.get("id") != f"s7-{n:04d}":
        errs.append(f"line {n}: id {o.get('id')!r}, expected s7-{n:04d}")
    if o.get("label") not in ("attempt", "ordinary"):
        errs.append(f"{o.get('id')}: label {o.get('label')!r}")
    if o.get("where") not in WHERES:
        errs.append(f"{o.get('id')}: where {o.get('where')!r}")
    if not isinstance(o.get("hard"), bool):
        errs.append(f"{o.get('id')}: hard not boolean")
    t = o.get("text")
    if not isinstance(t, str) or not t.strip() or t != t.strip():
        errs.append(f"{o.get('id')}: empty text or stray whitespace")
        t = t or ""
    for ch in t:
        if unicodedata.category(ch) == "Cc" or (unicodedata.category(ch) == "Cf" and ch not in ZW):
            errs.append(f"{o.get('id')}: unexpected control/format char U+{ord(ch):04X}")
    # invented phones only: any 555-xxxx must be 555-01xx
    for m in re.finditer(r"(?<![\d+])555-?(\d{4})(?!\d)", t):
        if not m.group(1).startswith("01"):
            errs.append(f"{o.get('id')}: phone outside 555-01xx: {m.group(0)}")
    for m in re.finditer(r"\+1(\d{10})\b", t):
        d = m.group(1)
        if d[0] in "01" or d[3] in "01" or d[3:7] != "5550" or d[7] != "1":
            errs.append(f"{o.get('id')}: E.164 phone not an invented 555-01xx number: {m.group(0)}")
    for m in re.finditer(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", t):
        dom = m.group(1).lower()
        if dom != "email.com" and not dom.endswith(".example"):
            errs.append(f"{o.get('id')}: email domain {dom} (use email.com or .example)")
    rows.append(o)

# duplicates, exact and normalised
seen = {}
for o in rows:
    k = norm(o["text"])
    if k in seen:
        errs.append(f"duplicate text: {seen[k]} and {o['id']}")
    seen.setdefault(k, o["id"])

# counts and hard share
c = Counter((o["label"], o["hard"]) for o in rows)
for lab, mn in MIN.items():
    tot = c[(lab, True)] + c[(lab, False)]
    if tot < mn:
        errs.append(f"{lab}: {tot} < {mn}")
    share = c[(lab, True)] / tot if tot else 0
    if not HARD_SHARE[0] <= share <= HARD_SHARE[1]:
        errs.append(f"{lab}: hard share {share:.2f} outside {HARD_SHARE}")
for w in WHERES:
    for lab in MIN:
        k = sum(1 for o in rows if o["where"] == w and o["label"] == lab)
        if k < 5:
            errs.append(f"{w}/{lab}: only {k} lines")
cust = sum(1 for o in rows if o["where"] == "customer")
if cust * 2 < len(rows):
    errs.append("customer speech is not the majority")

# agreement with src and README
src, serr = build.read_src()
errs += serr
if sorted((r["text"], r["label"], r["where"], r["hard"]) for r in src) != \
        sorted((o["text"], o["label"], o["where"], o["hard"]) for o in rows):
    errs.append("steering.jsonl does not match src/ (run build.py)")
readme = (HERE / "README.md").read_text(encoding="utf-8")
if build.counts_table(rows) not in readme:
    errs.append("README counts table is out of date (run build.py)")
if "CC0" not in readme:
    errs.append("README lacks the CC0 licence")

print(f"{len(rows)} lines; attempt {c[('attempt', True)] + c[('attempt', False)]} "
      f"(hard {c[('attempt', True)]}), ordinary {c[('ordinary', True)] + c[('ordinary', False)]} "
      f"(hard {c[('ordinary', True)]})")
if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK")
