#!/usr/bin/env python3
"""Validate steering.jsonl: format, counts, hard share, duplicates and
near-duplicates, ASR-style lower-case speech, fictional phone ranges,
canonical package values, and that the file matches src/ exactly.
Exits 0 when everything passes, 1 otherwise."""
import datetime
import difflib
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build  # noqa: E402

ROOT = build.ROOT
OUT = build.OUT
KEYS = ["id", "text", "label", "where", "hard"]
LABELS = {"attempt", "ordinary"}
SPEECH = {"customer", "agent"}

# Exact totals, plus the "about" ranges of the brief for each field.
TOTAL = {"attempt": 220, "ordinary": 660}
RANGES = {
    "customer": {"attempt": (110, 130), "ordinary": (350, 380)},
    "agent": {"attempt": (16, 24), "ordinary": (90, 110)},
}
for w in build.WHERES[2:]:
    RANGES[w] = {"attempt": (10, 16), "ordinary": (28, 36)}
HARD_SHARE = (0.28, 0.40)   # "about a third" of each label
JACCARD_MAX = 0.75          # word-set overlap above this = near-duplicate
RATIO_MAX = 0.88            # character similarity above this = near-duplicate

errors = []


def err(msg):
    errors.append(msg)


def norm(text):
    t = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(t.split())


PHONE_PATTERNS = [
    # (finder, fictional-range test)
    (re.compile(r"\+1\d{10}"), re.compile(r"^\+1\d{3}55501\d\d$")),
    (re.compile(r"\b\d{3}-\d{3}-\d{4}\b"), re.compile(r"^\d{3}-555-01\d\d$")),
    (re.compile(r"\+44\s?7\d{3}\s?\d{6}"), re.compile(r"^\+44\s?7700\s?900\d{3}$")),
    (re.compile(r"\b07\d{3}\s?\d{6}\b"), re.compile(r"^07700\s?900\d{3}$")),
    (re.compile(r"\+61\s?\d(?:\s?\d){8}"),
     re.compile(r"^\+61\s?(4\s?9157\s?\d{4}|2\s?5550\s?\d{4})$")),
]


def check_values(r):
    text, where = r["text"], r["where"]
    for finder, ok in PHONE_PATTERNS:
        for m in finder.finditer(text):
            if not ok.match(m.group(0)):
                err(f"{r['id']}: phone not in a fictional range: {m.group(0)}")
    if where.startswith("package."):
        for m in re.finditer(r"\b\d{4}-\d{2}-\d{2}\b", text):
            try:
                datetime.date.fromisoformat(m.group(0))
            except ValueError:
                err(f"{r['id']}: bad date {m.group(0)}")
        if re.search(r"[$£€]\s?\d", text):
            err(f"{r['id']}: package amount not in '<digits>.<2> <ISO>' form")
        for m in re.finditer(r"\b\d+\.\d+\s+[A-Z]{3}\b", text):
            if not re.fullmatch(r"\d+\.\d{2}\s[A-Z]{3}", m.group(0)):
                err(f"{r['id']}: amount not canonical: {m.group(0)}")
        if where == "package.trigger":
            code = text.split(":", 1)[0]
            if code not in {"customer_request", "low_confidence", "task_failed",
                            "distress", "off_policy", "tool_failure_repeated",
                            "sensitive_topic"}:
                err(f"{r['id']}: unknown trigger code {code!r}")
        if where == "package.aiAttempts":
            if not re.match(r"^[a-z_]+: ", text):
                err(f"{r['id']}: aiAttempts text should be 'tool_name: result'")


def main():
    if not os.path.exists(OUT):
        print("steering.jsonl missing; run python3 tools/build.py")
        return 1
    raw = open(OUT, encoding="utf-8").read()
    expected = build.render(build.build_records(build.read_sources()))
    if raw != expected:
        err("steering.jsonl does not match src/ (run python3 tools/build.py)")

    records = []
    for n, line in enumerate(raw.splitlines(), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {n}: not JSON ({e})")
            continue
        if not isinstance(r, dict) or list(r.keys()) != KEYS:
            err(f"line {n}: keys must be exactly {KEYS}")
            continue
        if r["id"] != f"s11-{n:04d}":
            err(f"line {n}: id {r['id']!r} out of sequence")
        if r["label"] not in LABELS:
            err(f"{r['id']}: bad label {r['label']!r}")
        if r["where"] not in build.WHERES:
            err(f"{r['id']}: bad where {r['where']!r}")
        if not isinstance(r["hard"], bool):
            err(f"{r['id']}: hard must be true/false")
        t = r["text"]
        if not isinstance(t, str) or not t.strip() or t != t.strip():
            err(f"{r['id']}: empty or padded text")
            continue
        if "\n" in t or "\r" in t or "\t" in t:
            err(f"{r['id']}: text must be a single line")
        if r["where"] in SPEECH and t != t.lower():
            err(f"{r['id']}: speech must be lower case (ASR style)")
        check_values(r)
        records.append(r)

    # counts
    by_label = Counter(r["label"] for r in records)
    for lab, want in TOTAL.items():
        if by_label[lab] != want:
            err(f"{lab}: {by_label[lab]} items, want {want}")
    cell = Counter((r["where"], r["label"]) for r in records)
    for w in build.WHERES:
        for lab in LABELS:
            lo, hi = RANGES[w][lab]
            if not lo <= cell[(w, lab)] <= hi:
                err(f"{w}/{lab}: {cell[(w, lab)]} items, want {lo}-{hi}")
    for lab in LABELS:
        items = [r for r in records if r["label"] == lab]
        share = sum(r["hard"] for r in items) / max(1, len(items))
        if not HARD_SHARE[0] <= share <= HARD_SHARE[1]:
            err(f"{lab}: hard share {share:.2f} outside {HARD_SHARE}")

    # duplicates and near-duplicates
    seen = {}
    for r in records:
        k = norm(r["text"])
        if k in seen:
            err(f"{r['id']}: duplicate of {seen[k]}")
        seen[k] = r["id"]
    toks = [(r["id"], norm(r["text"]), set(norm(r["text"]).split())) for r in records]
    near = 0
    for i in range(len(toks)):
        a_id, a_n, a_set = toks[i]
        for j in range(i + 1, len(toks)):
            b_id, b_n, b_set = toks[j]
            if len(a_set) >= 5 and len(b_set) >= 5:
                jac = len(a_set & b_set) / len(a_set | b_set)
                if jac > JACCARD_MAX:
                    err(f"{a_id} ~ {b_id}: near-duplicate (word overlap {jac:.2f})")
                    near += 1
                    continue
            sm = difflib.SequenceMatcher(None, a_n, b_n, autojunk=False)
            if sm.real_quick_ratio() > RATIO_MAX and sm.quick_ratio() > RATIO_MAX \
                    and sm.ratio() > RATIO_MAX:
                err(f"{a_id} ~ {b_id}: near-duplicate (similarity {sm.ratio():.2f})")
                near += 1

    # report
    print(f"{len(records)} items")
    print(f"{'where':<20}{'attempt':>8}{'(hard)':>7}{'ordinary':>10}{'(hard)':>7}")
    for w in build.WHERES:
        row = [w]
        for lab in ("attempt", "ordinary"):
            row.append(cell[(w, lab)])
            row.append(sum(1 for r in records if r["where"] == w and r["label"] == lab and r["hard"]))
        print(f"{row[0]:<20}{row[1]:>8}{row[2]:>7}{row[3]:>10}{row[4]:>7}")
    for lab in ("attempt", "ordinary"):
        items = [r for r in records if r["label"] == lab]
        print(f"{lab}: {len(items)} items, hard {sum(r['hard'] for r in items)} "
              f"({sum(r['hard'] for r in items) / max(1, len(items)):.0%})")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
