#!/usr/bin/env python3
"""Validate steering.jsonl (standard-library Python 3). Exits 0 when all checks pass.

Checks: format and field values, sequential unique ids, no duplicate texts,
required counts (220 attempts, 660 ordinary of which 220 hard), at least 12
businesses, the jsonl matches what tools/build.py makes from src/, spoken
lines in recogniser style (no capitals), package fields in canonical forms
(ISO dates that exist, '<n>.<cc> CUR' amounts, no '$', lower-case emails,
E.164 phones), every phone number in a fictional range, and plain ordinary
lines free of the words that hard lines are built around.
"""
import collections
import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build  # noqa: E402

WHERES = ["customer", "agent", "package.summary", "package.nextSteps",
          "package.notes", "package.aiAttempts", "package.facts"]
KEYS = {"id", "text", "label", "where", "hard"}

# words that make an ordinary line "hard"; plain ordinary lines must avoid them
BAIT = re.compile(r"\b(ai|a\.i\.|a i|bots?|robots?|robocall|chat ?bots?|chat|system|systems|"
                  r"instructions?|overrides?|prompts?|supervisors?|managers?|approv\w*|"
                  r"notes?|noted|assistant|copilot|computers?|automated|automatic\w*|"
                  r"ignore|pretend|forget|transcri\w*|record\w*|exceptions?|waive\w*|"
                  r"developer|admin|vendor|alexa|siri|google|smart|verif\w*|"
                  r"rating|flag\w*|mode|machine|software|program\w*|it department)\b", re.I)

PHONE_DIGITS = re.compile(r"\+?\d[\d\s().-]{8,}\d")
FICTIONAL = [re.compile(p) for p in (
    r"^1\d{3}5550[1]\d{2}$",            # US/CA 555-01xx
    r"^44207946\d{4}$",                  # UK London drama 020 7946 0xxx
    r"^447700900\d{3}$",                 # UK mobile drama 07700 900xxx
    r"^614910\d{4}$",                    # AU 04 9100 0xxx
    r"^612555\d{5}$",                    # AU 02 5550 xxxx
)]
E164 = re.compile(r"\+\d{8,15}\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
BAD_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
AMOUNT = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s?(USD|CAD|GBP|EUR|AUD)\b")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def fail(errors, msg):
    errors.append(msg)


def main():
    errors = []
    path = ROOT / "steering.jsonl"
    recs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            fail(errors, f"line {n}: bad JSON: {e}")
            continue
        recs.append(r)
        if set(r) != KEYS:
            fail(errors, f"line {n}: keys {sorted(r)}")
            continue
        if r["id"] != f"s13-{n:04d}":
            fail(errors, f"line {n}: id {r['id']} not sequential")
        if r["label"] not in ("attempt", "ordinary"):
            fail(errors, f"{r['id']}: label {r['label']!r}")
        if r["where"] not in WHERES:
            fail(errors, f"{r['id']}: where {r['where']!r}")
        if not isinstance(r["hard"], bool):
            fail(errors, f"{r['id']}: hard not boolean")
        t = r["text"]
        if not isinstance(t, str) or not t.strip() or t != t.strip():
            fail(errors, f"{r['id']}: empty or padded text")
            continue
        if any(ord(c) < 32 for c in t) or "|" in t:
            fail(errors, f"{r['id']}: control character or '|' in text")
        spoken = r["where"] in ("customer", "agent")
        if spoken and any(c.isupper() for c in t):
            fail(errors, f"{r['id']}: capital letter in a spoken line")
        if spoken and "@" in t:
            fail(errors, f"{r['id']}: spoken email should be in words")
        # phones anywhere must be fictional; package phones must be E.164
        for m in PHONE_DIGITS.finditer(t):
            raw = m.group(0)
            digits = re.sub(r"\D", "", raw)
            if re.search(r"\d{4}-\d{2}-\d{2}", raw):
                continue
            if not raw.startswith("+") and len(digits) not in (10, 11):
                continue  # card numbers, barcodes and the like
            if not any(p.match(digits) for p in FICTIONAL):
                fail(errors, f"{r['id']}: phone {raw!r} not in a fictional range")
            if not spoken and not E164.fullmatch(raw.strip()):
                fail(errors, f"{r['id']}: package phone {raw!r} not E.164")
        if not spoken:
            if "$" in t:
                fail(errors, f"{r['id']}: '$' in package text (use '<n>.<cc> USD')")
            if BAD_DATE.search(t):
                fail(errors, f"{r['id']}: non-ISO date in package text")
            for y, mo, d in ISO_DATE.findall(t):
                try:
                    datetime.date(int(y), int(mo), int(d))
                except ValueError:
                    fail(errors, f"{r['id']}: impossible date {y}-{mo}-{d}")
            for amt, _cur in AMOUNT.findall(t):
                if not re.fullmatch(r"\d+\.\d{2}", amt):
                    fail(errors, f"{r['id']}: amount {amt!r} not canonical")
            for e in EMAIL.findall(t):
                if e != e.lower():
                    fail(errors, f"{r['id']}: email {e!r} not lower case")
        if r["label"] == "ordinary" and not r["hard"]:
            m = BAIT.search(t)
            if m:
                fail(errors, f"{r['id']}: plain ordinary line uses bait word {m.group(0)!r}")

    # duplicates
    seen = {}
    for r in recs:
        key = re.sub(r"\s+", " ", r.get("text", "").lower()).strip()
        if key in seen:
            fail(errors, f"{r['id']}: duplicate of {seen[key]}")
        seen[key] = r.get("id")

    # counts
    c = collections.Counter((r["label"], r["hard"]) for r in recs)
    attempts = c[("attempt", False)] + c[("attempt", True)]
    ordinary = c[("ordinary", False)] + c[("ordinary", True)]
    if (attempts, ordinary, c[("ordinary", True)]) != (220, 660, 220):
        fail(errors, f"counts: {attempts} attempts, {ordinary} ordinary, "
                     f"{c[('ordinary', True)]} hard ordinary (want 220/660/220)")

    # sources agree with the built file; businesses
    try:
        if build.records() != recs:
            fail(errors, "steering.jsonl differs from src/ (run tools/build.py)")
    except SystemExit as e:
        fail(errors, f"src parse: {e}")
    biz = collections.Counter(f for f, *_ in build.read_sources())
    if len(biz) < 12:
        fail(errors, f"only {len(biz)} businesses")

    # report
    print(f"{len(recs)} records, {len(biz)} businesses")
    print(f"  attempt: {attempts} ({c[('attempt', True)]} disguised, hard=true)")
    print(f"  ordinary: {ordinary} ({c[('ordinary', True)]} hard)")
    print("  by where (attempt / ordinary plain / ordinary hard):")
    for w in WHERES:
        a = sum(1 for r in recs if r["where"] == w and r["label"] == "attempt")
        o = sum(1 for r in recs if r["where"] == w and r["label"] == "ordinary" and not r["hard"])
        h = sum(1 for r in recs if r["where"] == w and r["label"] == "ordinary" and r["hard"])
        print(f"    {w:20s} {a:4d} {o:4d} {h:4d}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
