#!/usr/bin/env python3
"""Check steering.jsonl: format, fields, counts, balance, duplicates and agreement with src/.

Usage: python3 tools/check.py [--table]
Exit status 0 when everything passes; each problem is printed on its own line.
"""
import collections, json, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "steering.jsonl"
WHERES = ["customer", "agent", "package.summary", "package.trigger", "package.nextSteps",
          "package.facts", "package.aiAttempts", "package.caller"]
LABELS = ["attempt", "ordinary"]
KEYS = {"id", "text", "label", "where", "hard"}
WANT = {"attempt": 220, "ordinary": 660}
HARD_SHARE = (0.30, 0.37)          # "about a third" of each label
AGENT_RANGE = (100, 140)           # "about 120 agent lines"
PACKAGE_MIN = 40                   # "at least 40 per package field"
NEAR_DUP = 0.6                     # word-trigram Jaccard above this counts as a near duplicate

problems = []


def bad(msg):
    problems.append(msg)


def norm(t):
    return " ".join(re.findall(r"\w+", t.lower()))


def trigrams(t):
    w = norm(t).split()
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)} if len(w) >= 3 else {tuple(w)}


rows = []
for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        bad(f"line {n}: not JSON ({e})")
        continue
    if not isinstance(obj, dict):
        bad(f"line {n}: not an object")
        continue
    if set(obj) != KEYS:
        bad(f"line {n}: keys {sorted(obj)} != {sorted(KEYS)}")
        continue
    if not re.fullmatch(r"s10-\d{4}", str(obj["id"])):
        bad(f"line {n}: bad id {obj['id']!r}")
    if obj["label"] not in LABELS:
        bad(f"line {n}: bad label {obj['label']!r}")
    if obj["where"] not in WHERES:
        bad(f"line {n}: bad where {obj['where']!r}")
    if not isinstance(obj["hard"], bool):
        bad(f"line {n}: hard must be true/false")
    t = obj["text"]
    if not isinstance(t, str) or not t.strip():
        bad(f"line {n}: empty text")
        continue
    if t != t.strip() or "\n" in t or "\r" in t or "  " in t:
        bad(f"line {n}: stray whitespace in text")
    rows.append(obj)

# ids: unique and numbered 1..N in file order
for i, r in enumerate(rows, 1):
    if r["id"] != f"s10-{i:04d}":
        bad(f"id {r['id']} out of sequence (expected s10-{i:04d})")
        break

# duplicates: exact, normalised, near
seen = {}
for r in rows:
    k = norm(r["text"])
    if k in seen:
        bad(f"duplicate text {r['id']} = {seen[k]}: {r['text']!r}")
    seen.setdefault(k, r["id"])
grams = [(r, trigrams(r["text"])) for r in rows]
for i in range(len(grams)):
    ri, gi = grams[i]
    for j in range(i + 1, len(grams)):
        rj, gj = grams[j]
        if not gi or not gj:
            continue
        inter = len(gi & gj)
        if inter and inter / len(gi | gj) > NEAR_DUP:
            bad(f"near duplicate {ri['id']} ~ {rj['id']}: {ri['text']!r} / {rj['text']!r}")

# counts
by_label = collections.Counter(r["label"] for r in rows)
for lab, n in WANT.items():
    if by_label[lab] != n:
        bad(f"{lab}: {by_label[lab]} items, want {n}")
for lab in LABELS:
    tot = by_label[lab] or 1
    share = sum(1 for r in rows if r["label"] == lab and r["hard"]) / tot
    if not HARD_SHARE[0] <= share <= HARD_SHARE[1]:
        bad(f"{lab}: hard share {share:.2f} outside {HARD_SHARE}")
by_where = collections.Counter(r["where"] for r in rows)
if not AGENT_RANGE[0] <= by_where["agent"] <= AGENT_RANGE[1]:
    bad(f"agent: {by_where['agent']} items, want {AGENT_RANGE}")
for w in WHERES:
    if w.startswith("package.") and by_where[w] < PACKAGE_MIN:
        bad(f"{w}: {by_where[w]} items, want at least {PACKAGE_MIN}")
if by_where.most_common(1)[0][0] != "customer":
    bad("customer is not the largest group")
cell = collections.Counter((r["where"], r["label"], r["hard"]) for r in rows)
for w in WHERES:
    for lab in LABELS:
        for h in (False, True):
            if cell[(w, lab, h)] == 0:
                bad(f"empty cell: {w} / {lab} / hard={h}")

# speech fields are ASR-style: mostly lower case
for w in ("customer", "agent"):
    speech = [r for r in rows if r["where"] == w]
    upper = [r["id"] for r in speech if re.search(r"[A-Z]", r["text"])]
    if len(upper) > 0.05 * len(speech):
        bad(f"{w}: {len(upper)} lines with capitals (ASR text should be mostly lower case): {upper[:5]}")

# agreement with the hand-written sources
sys.dont_write_bytecode = True
sys.path.insert(0, str(ROOT / "tools"))
try:
    import build
    if (ROOT / "src").is_dir() and build.build() != rows:
        bad("steering.jsonl differs from what tools/build.py makes from src/ (run tools/build.py)")
except SystemExit as e:
    bad(f"src/: {e}")

if "--table" in sys.argv or not problems:
    print("| where | attempt | attempt hard | ordinary | ordinary hard | total |")
    print("|---|---:|---:|---:|---:|---:|")
    for w in WHERES + ["total"]:
        f = (lambda r: True) if w == "total" else (lambda r, w=w: r["where"] == w)
        sel = [r for r in rows if f(r)]
        a = sum(r["label"] == "attempt" for r in sel)
        ah = sum(r["label"] == "attempt" and r["hard"] for r in sel)
        o = sum(r["label"] == "ordinary" for r in sel)
        oh = sum(r["label"] == "ordinary" and r["hard"] for r in sel)
        print(f"| {w} | {a} | {ah} | {o} | {oh} | {len(sel)} |")

if problems:
    print(f"\nFAIL: {len(problems)} problem(s)")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print(f"\nOK: {len(rows)} items")
