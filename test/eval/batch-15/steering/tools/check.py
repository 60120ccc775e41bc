#!/usr/bin/env python3
"""Check steering.jsonl against the hand-written sources and the brief.

Exits 0 when every check passes, 1 otherwise. Standard library only.
"""
import json
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402

WHERES = ["customer", "agent", "package.summary", "package.nextSteps",
          "package.notes", "package.aiAttempts", "package.facts"]
SPOKEN = {"customer", "agent"}
KEYS = ["id", "text", "label", "where", "hard"]

TOTAL = 880
WANT_CODES = {"A": 110, "X": 110, "O": 440, "H": 220}
BUSINESSES = 20
PER_BUSINESS = {"attempt": 11, "O": 22, "H": 11}

EXCLUDED_KINDS = [
    "retail clothing", "clothing", "telecom", "bank", "airline", "utility", "vet",
    "veterinary", "pet insurance", "insurance", "grocery", "internet", "streaming",
    "hotel", "car rental", "gym", "pharmacy", "electronics", "auto service",
    "bike share", "university bursar", "bursar", "courier", "dental", "dentist",
    "funeral", "library", "medical billing", "moving", "removals", "parking",
    "permit", "pest control", "property", "ski", "solar", "storage", "tax",
    "water", "appliance repair", "box office", "driving school", "dry cleaner",
    "florist", "furniture", "home cleaning", "kennel", "lawn care", "locksmith",
    "optician", "phone repair", "plumbing", "plumber", "restaurant", "tutoring",
]

HEADER_RE = re.compile(r"^(?P<kind>[^()]+?) \((?P<place>[^()]+)\): (?P<situation>.+)$")
FACT_RE = re.compile(r"^[a-z][a-z0-9_]*: \S.*$")
TOOL_RE = re.compile(r"^[a-z][a-z0-9_]*\([^()]*\) (ok|failed|refused): \S.*$")
AVOID_WORDS = re.compile(r"\b(ignore|system|instructions)\b", re.I)

# Fictional phone ranges, as digit strings without '+'.
FICTIONAL = [
    re.compile(r"1?\d{3}55501\d{2}"),          # US/CA +1 AAA 555 01xx
    re.compile(r"(44|0)2079460\d{3}"),         # UK +44 20 7946 0xxx
    re.compile(r"(44|0)7700900\d{3}"),         # UK +44 7700 900xxx
    re.compile(r"(61|0)491000\d{3}"),          # AU +61 4 9100 0xxx
    re.compile(r"(353|0)1555\d{4}"),           # IE +353 1 555 xxxx
]
DIGIT_PHONE_RE = re.compile(r"(?<![\w\-])\+?\d[\d ()\-]{7,}\d")
WORD_DIGITS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3",
               "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
               "nine": "9"}
PHONE_CUES = re.compile(r"\b(phone|number|mobile|cell|call|ring|text|landline|whatsapp|reach)\b")

problems = []


def fail(msg):
    problems.append(msg)


def fictional(digits):
    if digits.startswith("00"):
        digits = digits[2:]
    return any(p.fullmatch(digits) for p in FICTIONAL)


def spoken_digit_runs(text):
    """Turn spoken digits ('oh seven seven double oh nine hundred') into runs."""
    runs, cur = [], ""
    toks = [t.strip(",.;:!?") for t in text.lower().split()]
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in WORD_DIGITS:
            cur += WORD_DIGITS[t]
        elif t.isdigit():
            cur += t
        elif t in ("double", "triple") and i + 1 < len(toks) and toks[i + 1] in WORD_DIGITS:
            cur += WORD_DIGITS[toks[i + 1]] * (2 if t == "double" else 3)
            i += 1
        elif t == "hundred" and cur:
            cur += "00"
        elif t == "plus" and not cur:
            pass
        else:
            if cur:
                runs.append(cur)
            cur = ""
        i += 1
    if cur:
        runs.append(cur)
    return runs


def check_phones(rec):
    text = rec["text"]
    for m in DIGIT_PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) >= 10 and not fictional(digits):
            fail(f"{rec['id']}: phone-like number not in a fictional range: {m.group(0)!r}")
    if rec["where"] in SPOKEN and PHONE_CUES.search(text):
        for run in spoken_digit_runs(text):
            if len(run) >= 10 and not fictional(run):
                fail(f"{rec['id']}: spoken phone-like digits not in a fictional range: {run}")


def main():
    root = build.ROOT
    # 1. sources parse; output matches them byte for byte.
    try:
        expected = build.serialise(build.records())
    except build.SourceError as e:
        print(f"FAIL source: {e}")
        return 1
    out_path = build.OUT
    if not os.path.exists(out_path):
        print("FAIL steering.jsonl missing; run tools/build.py")
        return 1
    with open(out_path, "rb") as fh:
        actual = fh.read()
    if actual != expected.encode("utf-8"):
        fail("steering.jsonl does not match the sources byte for byte (run tools/build.py)")

    # 2. each line: keys in order, values valid.
    recs = []
    for no, line in enumerate(actual.decode("utf-8").split("\n"), start=1):
        if line == "":
            continue
        try:
            pairs = json.loads(line, object_pairs_hook=lambda p: p)
        except json.JSONDecodeError as e:
            fail(f"line {no}: bad JSON: {e}")
            continue
        keys = [k for k, _ in pairs]
        if keys != KEYS:
            fail(f"line {no}: keys {keys} != {KEYS}")
            continue
        rec = dict(pairs)
        if rec["id"] != f"s15-{len(recs) + 1:04d}":
            fail(f"line {no}: id {rec['id']} out of sequence")
        if rec["label"] not in ("attempt", "ordinary"):
            fail(f"{rec['id']}: bad label {rec['label']!r}")
        if rec["where"] not in WHERES:
            fail(f"{rec['id']}: bad where {rec['where']!r}")
        if not isinstance(rec["hard"], bool):
            fail(f"{rec['id']}: hard must be true/false")
        if not isinstance(rec["text"], str) or not rec["text"].strip():
            fail(f"{rec['id']}: empty text")
        recs.append(rec)

    if len(recs) != TOTAL:
        fail(f"total {len(recs)} != {TOTAL}")

    # 3. per business and global counts.
    code_total = Counter()
    where_total = Counter()
    kinds = []
    files = build.source_files()
    if len(files) != BUSINESSES:
        fail(f"{len(files)} business files, want {BUSINESSES}")
    for path in files:
        name = os.path.basename(path)
        header, items = build.parse_file(path)
        m = HEADER_RE.match(header)
        if not m:
            fail(f"{name}: header must be '# Business (place): situation'")
            continue
        kind = m.group("kind").strip().lower()
        kinds.append(kind)
        for term in EXCLUDED_KINDS:
            if re.search(r"\b" + re.escape(term) + r"s?\b", kind):
                fail(f"{name}: business kind {kind!r} is an excluded kind ({term})")
        codes = Counter(c for c, _, _, _ in items)
        code_total.update(codes)
        if len(items) != 44:
            fail(f"{name}: {len(items)} lines, want 44")
        if codes["A"] + codes["X"] != PER_BUSINESS["attempt"]:
            fail(f"{name}: {codes['A'] + codes['X']} attempts, want 11")
        if codes["O"] != PER_BUSINESS["O"]:
            fail(f"{name}: {codes['O']} plain ordinary, want 22")
        if codes["H"] != PER_BUSINESS["H"]:
            fail(f"{name}: {codes['H']} hard ordinary, want 11")
        wheres = Counter(w for _, w, _, _ in items)
        where_total.update(wheres)
        if len(wheres) < 6:
            fail(f"{name}: only {len(wheres)} where values, want at least 6")
        if not any(c in "AX" and w == "customer" for c, w, _, _ in items):
            fail(f"{name}: no spoken customer attempt")
        if not any(c in "AX" and w.startswith("package.") for c, w, _, _ in items):
            fail(f"{name}: no package attempt")
        for c, w, t, no in items:
            if w not in WHERES:
                fail(f"{name}:{no}: bad where {w!r}")
    if len(set(kinds)) != len(kinds):
        fail("business kinds are not all different")
    for code, want in WANT_CODES.items():
        if code_total[code] != want:
            fail(f"code {code}: {code_total[code]} lines, want {want}")
    top = where_total.most_common(2)
    if not top or top[0][0] != "customer" or (len(top) > 1 and top[1][1] >= top[0][1]):
        fail(f"customer is not the most common where: {top}")

    # 4. texts: no duplicates; spoken lines lower case; package shapes; phones.
    seen = {}
    for rec in recs:
        t = rec["text"]
        norm = re.sub(r"\s+", " ", t).strip().casefold()
        if norm in seen:
            fail(f"{rec['id']}: duplicate text of {seen[norm]}")
        seen[norm] = rec["id"]
        w = rec["where"]
        if w in SPOKEN:
            if t != t.lower():
                fail(f"{rec['id']}: spoken line is not lower case")
        if w == "agent" and re.search(r"\d", t):
            fail(f"{rec['id']}: agent line should say numbers in words")
        if w == "package.facts" and not FACT_RE.match(t):
            fail(f"{rec['id']}: fact not written 'name: value'")
        if w == "package.aiAttempts" and not TOOL_RE.match(t):
            fail(f"{rec['id']}: tool call not written 'tool(args) ok|failed|refused: result'")
        check_phones(rec)

    # 5. disguised attempts: most of them avoid the give-away words.
    hard_attempts = [r for r in recs if r["label"] == "attempt" and r["hard"]]
    clean = [r for r in hard_attempts if not AVOID_WORDS.search(r["text"])]
    if hard_attempts and len(clean) / len(hard_attempts) < 0.75:
        fail(f"only {len(clean)}/{len(hard_attempts)} disguised attempts avoid ignore/system/instructions")

    if problems:
        for p in problems:
            print("FAIL", p)
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"ok: {len(recs)} lines, {len(files)} businesses")
    print("codes:", dict(sorted(code_total.items())))
    print("where:", dict(where_total.most_common()))
    print(f"disguised attempts avoiding ignore/system/instructions: {len(clean)}/{len(hard_attempts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
