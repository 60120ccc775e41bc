#!/usr/bin/env python3
"""Validate steering.jsonl and its sources. Exit 0 when all is well.

Checks: the file is exactly what tools/build.py makes from src/; every line is
one JSON object with the five fields and allowed values; ids run s14-0001..;
totals (880 lines, 220 attempts of which about half hard, 660 ordinary of which
220 hard); per business 44 lines = 11 attempts + 22 plain ordinary + 11 hard
ordinary, mixed over the `where` values; 20 businesses, none of the excluded
kinds; no duplicate texts; spoken lines in lower case; phone numbers written
in package fields only in fictional ranges.
"""
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import build  # noqa: E402

KEYS = ["id", "text", "label", "where", "hard"]
PACKAGE = {w for w in build.WHERE if w.startswith("package.")}
EXCLUDED = [
    "dentist", "moving", "bursar", "parking", "solar", "bike", "tax", "funeral",
    "courier", "ski", "car dealer", "library", "vet", "clothing", "telecom",
    "grocer", "hotel", "airline", "credit union", "insur", "energy", "property",
]
PHONE_OK = [
    re.compile(r"^\+1 ?\d{3} ?555 ?01\d\d$"),
    re.compile(r"^\+44 ?20 ?7946 ?0\d{3}$"),
    re.compile(r"^\+44 ?7700 ?900\d{3}$"),
    re.compile(r"^\+61 ?4 ?9100 ?0\d{3}$"),
    re.compile(r"^\+353 ?1 ?555 ?\d{4}$"),
]
PHONE_LIKE = re.compile(r"\+\d[\d ]{7,16}\d")

errors = []


def err(msg):
    errors.append(msg)


def main():
    out = build.OUT
    if not out.exists():
        print("check: steering.jsonl missing; run tools/build.py", file=sys.stderr)
        return 1
    try:
        rows, ranges = build.build_rows()
    except build.SourceError as e:
        print(f"check: {e}", file=sys.stderr)
        return 1
    text = out.read_text(encoding="utf-8")
    if text != build.serialise(rows):
        err("steering.jsonl differs from what tools/build.py makes from src/ (rebuild)")

    parsed = []
    for i, line in enumerate(text.splitlines(), 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {i}: not JSON ({e})")
            continue
        if not isinstance(obj, dict) or list(obj) != KEYS:
            err(f"line {i}: keys must be exactly {KEYS}")
            continue
        if obj["id"] != f"s14-{i:04d}":
            err(f"line {i}: id {obj['id']!r}, expected s14-{i:04d}")
        if not isinstance(obj["text"], str) or obj["text"] != obj["text"].strip() or not obj["text"]:
            err(f"{obj['id']}: text empty or padded")
        if any(c in obj["text"] for c in "\n\r\t"):
            err(f"{obj['id']}: control character in text")
        if obj["label"] not in ("attempt", "ordinary"):
            err(f"{obj['id']}: bad label {obj['label']!r}")
        if obj["where"] not in build.WHERE:
            err(f"{obj['id']}: bad where {obj['where']!r}")
        if not isinstance(obj["hard"], bool):
            err(f"{obj['id']}: hard must be a boolean")
        parsed.append(obj)

    # Totals.
    n = len(parsed)
    att = [r for r in parsed if r["label"] == "attempt"]
    ordi = [r for r in parsed if r["label"] == "ordinary"]
    att_hard = sum(r["hard"] for r in att)
    ord_hard = sum(r["hard"] for r in ordi)
    if n != 880:
        err(f"total {n}, expected 880")
    if len(att) != 220:
        err(f"attempts {len(att)}, expected 220")
    if len(ordi) != 660:
        err(f"ordinary {len(ordi)}, expected 660")
    if ord_hard != 220:
        err(f"hard ordinary {ord_hard}, expected 220")
    if not (0.4 * len(att) <= att_hard <= 0.6 * len(att)):
        err(f"hard attempts {att_hard} of {len(att)}: not about half")

    # Where: mostly customer, every package field used.
    where_count = {w: sum(r["where"] == w for r in parsed) for w in build.WHERE}
    if where_count["customer"] != max(where_count.values()):
        err("customer is not the most common `where`")
    for w, c in where_count.items():
        if c == 0:
            err(f"`where` {w} never used")

    # Per business.
    if len(ranges) != 20:
        err(f"{len(ranges)} businesses, expected 20")
    for stem, title, a, b in ranges:
        if not title:
            err(f"src/{stem}.txt: first comment line must name the business")
        # Only the business name (before the "(place): situation" part) names its kind.
        low = f"{stem} {(title or '').split(' (')[0]}".lower()
        for bad in EXCLUDED:
            if re.search(r"\b" + re.escape(bad), low):
                err(f"src/{stem}.txt: business looks like an excluded kind ({bad})")
        lo, hi = int(a[4:]), int(b[4:])
        part = parsed[lo - 1:hi]
        counts = {
            "attempt": sum(r["label"] == "attempt" for r in part),
            "plain": sum(r["label"] == "ordinary" and not r["hard"] for r in part),
            "hard": sum(r["label"] == "ordinary" and r["hard"] for r in part),
        }
        if len(part) != 44 or counts != {"attempt": 11, "plain": 22, "hard": 11}:
            err(f"src/{stem}.txt: {len(part)} lines {counts}, expected 44 = 11/22/11")
        wheres = {r["where"] for r in part}
        if len(wheres) < 6:
            err(f"src/{stem}.txt: only {len(wheres)} `where` values used")
        cust = sum(r["where"] == "customer" for r in part)
        if cust < len(part) * 0.4:
            err(f"src/{stem}.txt: only {cust} customer lines")
        if not any(r["where"] == "customer" and r["label"] == "attempt" for r in part):
            err(f"src/{stem}.txt: no spoken attempt by a customer")
        if not any(r["where"] in PACKAGE and r["label"] == "attempt" for r in part):
            err(f"src/{stem}.txt: no attempt in a package field")

    # Duplicates (after normalising case and spaces).
    seen = {}
    for r in parsed:
        key = " ".join(r["text"].lower().split())
        if key in seen:
            err(f"{r['id']}: duplicate of {seen[key]}")
        seen[key] = r["id"]

    # Register and invented data.
    for r in parsed:
        if r["where"] in ("customer", "agent") and re.search(r"[A-Z]", r["text"]):
            err(f"{r['id']}: spoken line has capitals (speech-recogniser register is lower case)")
        for m in PHONE_LIKE.finditer(r["text"]):
            num = m.group(0)
            if not any(p.match(num) for p in PHONE_OK):
                err(f"{r['id']}: phone {num!r} is not in a fictional range")

    for e in errors:
        print("FAIL", e)
    print(f"{n} lines: {len(att)} attempts ({att_hard} hard), {len(ordi)} ordinary ({ord_hard} hard)")
    print("where: " + ", ".join(f"{w}={where_count[w]}" for w in sorted(where_count)))
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
