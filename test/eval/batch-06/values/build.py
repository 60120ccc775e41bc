#!/usr/bin/env python3
"""Build spoken-values.jsonl from the hand-written sources in src/<kind>.txt and check it.

Source format: blocks separated by blank lines; lines starting with '#' are comments.
  Q: the agent's question
  C: the caller's answer (as an ASR transcript)
  V: the canonical value
  T: comma-separated coverage tags (README only, not written to the JSONL)

Checks: 40 blocks per kind, canonical form per kind, unique values per kind, unique caller
texts overall, ids v6-0001.. in order. `--review` also prints a rough digit reading of the
caller text next to the value for digit kinds (an aid for a human re-read, not a generator).
"""
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 40
OUT = HERE / "spoken-values.jsonl"

EMAIL_RE = re.compile(r"^[a-z0-9][a-z0-9._+-]*@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$")
PHONE_RE = re.compile(r"^\+1[2-9]\d{2}[2-9]\d{6}$")          # NANP: area code and exchange start 2-9
AMOUNT_RE = re.compile(r"^(0|[1-9]\d*)\.\d{2} USD$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_RE = re.compile(r"^\d{8,12}$")
ACCOUNT_RE = re.compile(r"^[A-Z0-9]{6,14}$")
ZIP_RE = re.compile(r"^\d{5}$")
NAME_PARTICLES = {"de", "la", "del", "van", "der", "von", "da", "di"}
# Hyphenated given names whose second part is lower case by convention (Korean romanisation);
# the caller spells it that way ("small h").
LOWER_AFTER_HYPHEN = {"Ji-hoon"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "doctor", "mister", "missus", "sir", "madam"}


def check_name(v):
    words = v.split(" ")
    if len(words) < 2:
        return "needs at least first and last name"
    for w in words:
        if w.lower().strip(".") in TITLES:
            return f"title left in: {w}"
        if w in NAME_PARTICLES:
            continue
        if w in LOWER_AFTER_HYPHEN:
            continue
        for part in re.split(r"[-']", w):
            if part and not part[0].isupper():
                return f"part not capitalised: {w}"
        if not re.fullmatch(r"[A-Za-z'-]+", w):
            return f"odd characters: {w}"
    return None


def check_value(kind, v):
    if kind == "email":
        return None if EMAIL_RE.match(v) else "not a lower-case email"
    if kind == "phone":
        return None if PHONE_RE.match(v) else "not a US E.164 number"
    if kind == "amount":
        return None if AMOUNT_RE.match(v) else "not N.NN USD"
    if kind == "date":
        if not DATE_RE.match(v):
            return "not YYYY-MM-DD"
        try:
            dt.date.fromisoformat(v)
        except ValueError:
            return "not a calendar date"
        return None
    if kind == "order_id":
        return None if ORDER_RE.match(v) else "not 8-12 digits"
    if kind == "account_id":
        return None if ACCOUNT_RE.match(v) else "not [A-Z0-9]{6,14}"
    if kind == "zip_code":
        return None if ZIP_RE.match(v) else "not 5 digits"
    if kind == "customer_name":
        return check_name(v)
    return "unknown kind"


def parse(kind):
    path = HERE / "src" / f"{kind}.txt"
    blocks, cur = [], {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                blocks.append(cur)
                cur = {}
            continue
        m = re.match(r"^([QCVT]): (.*)$", line)
        if not m:
            sys.exit(f"{path.name}:{n}: bad line: {line!r}")
        key, text = m.group(1), m.group(2).strip()
        if key in cur:
            sys.exit(f"{path.name}:{n}: duplicate {key} in block")
        cur[key] = text
        cur.setdefault("_line", n)
    if cur:
        blocks.append(cur)
    for b in blocks:
        for key in "QCV":
            if not b.get(key):
                sys.exit(f"{path.name}:{b['_line']}: block lacks {key}")
    return blocks


# --- review aid: rough reading of spoken digits --------------------------------------------
UNITS = {"zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "to": 2, "three": 3, "four": 4, "for": 4,
         "five": 5, "six": 6, "seven": 7, "eight": 8, "ate": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}


def rough_digits(text):
    toks = re.findall(r"[a-z]+|\d+", text.lower().replace("-", " "))
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in UNITS:
            out.append(str(UNITS[nxt]) * (2 if t == "double" else 3)); i += 1
        elif t in UNITS:
            out.append(str(UNITS[t]))
        elif t in TEENS:
            out.append(str(TEENS[t]))
        elif t in TENS:
            if nxt in UNITS and UNITS[nxt] != 0 and nxt not in ("oh", "o", "to", "for"):
                out.append(f"{TENS[t]}{UNITS[nxt]}"); i += 1
            else:
                out.append(f"{TENS[t]}0")
        elif t == "hundred":
            out.append("00")
        elif t == "thousand":
            out.append("000")
        i += 1
    return "".join(out)


def main():
    review = "--review" in sys.argv
    rows, errors = [], []
    tags = {k: Counter() for k in KINDS}
    seen_texts = {}
    n = 0
    for kind in KINDS:
        blocks = parse(kind)
        if len(blocks) != PER_KIND:
            errors.append(f"{kind}: {len(blocks)} blocks, want {PER_KIND}")
        values = Counter(b["V"] for b in blocks)
        for v, c in values.items():
            if c > 1:
                errors.append(f"{kind}: value {v!r} used {c} times")
        for b in blocks:
            n += 1
            rid = f"v6-{n:04d}"
            err = check_value(kind, b["V"])
            if err:
                errors.append(f"{rid} {kind} {b['V']!r}: {err}")
            key = b["C"].lower()
            if key in seen_texts:
                errors.append(f"{rid}: caller text duplicates {seen_texts[key]}")
            seen_texts[key] = rid
            for t in (b.get("T") or "").split(","):
                if t.strip():
                    tags[kind][t.strip()] += 1
            rows.append({"id": rid, "kind": kind, "agent": b["Q"], "customer": b["C"], "value": b["V"]})
            if review and kind in ("phone", "order_id", "zip_code"):
                rd = rough_digits(b["C"])
                want = b["V"].lstrip("+")
                if kind == "phone":
                    want = want[1:]
                mark = "ok " if rd.endswith(want) or rd == want else "?? "
                print(f"{mark}{rid} {kind:9} {b['V']:14} <- {rd}")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and validate what was written
    back = [json.loads(l) for l in OUT.read_text(encoding="utf-8").splitlines()]
    assert back == rows and all(set(r) == {"id", "kind", "agent", "customer", "value"} for r in back)
    counts = Counter(r["kind"] for r in back)
    print(f"wrote {len(back)} rows to {OUT.name}: " + ", ".join(f"{k} {counts[k]}" for k in KINDS))
    if "--tags" in sys.argv:
        for k in KINDS:
            print(f"{k}: " + ", ".join(f"{t} {c}" for t, c in sorted(tags[k].items())))


if __name__ == "__main__":
    main()
