#!/usr/bin/env python3
"""Build and check spoken-values.jsonl from the hand-written sources in src/.

Sources: src/<kind>.txt, items of three lines ("A: ", "C: ", "V: ") separated by blank
lines; lines starting with '#' are comments.  The build numbers the items v5-0001..
in the order KINDS lists them, writes spoken-values.jsonl and checks:

  * exactly 40 items per kind, 320 in all, ids unique;
  * every value in its canonical form (see EVAL-COMMON.md and the abcd-store pack):
      email      lower case, one '@', dotted domain with a TLD
      phone      E.164; +1 numbers 11 digits with valid NANP area code / exchange
      amount     "N.NN USD"
      date       YYYY-MM-DD, a real calendar day
      order_id   ^\\d{8,12}$            (pack pattern)
      account_id ^[A-Z0-9]{6,14}$       (pack pattern, upper case)
      zip_code   ^\\d{5}$
      customer_name  two or more words, each properly cased (particles allowed), no title
  * no two caller answers alike (after lower-casing and squeezing spaces/punctuation);
  * light consistency checks between the answer and the value (review aids):
      email / customer_name: the value's pieces can be found in the answer;
      phone / order_id / zip_code: the digits read out contain the value's digits
      (answers with a self-correction are expected to fail this naive reading and
      must be listed in CORRECTED below, where each was checked by hand).

Run:  python3 build.py          (build + check, exit 1 on any error)
      python3 build.py --check  (check an existing spoken-values.jsonl only)
      python3 build.py --review (also print the naive digit/letter readings)
"""
import datetime
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "spoken-values.jsonl"
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 40

# Items whose answer contains a self-correction or a competing number, so a naive
# left-to-right digit reading does not show the value as one run.  Each one was
# checked by hand; the check below only requires that the list stays accurate.
CORRECTED = {
    # phone: "four four, sorry, four seven two" / "no wait, i flipped it" / "+44 ... drop the zero" / "last digit's a one"
    "+19194726601", "+12485390764", "+447700900123", "+17135489911",
    # order_id: "three five, wait, not five, six" / "the middle bit is six six nine"
    "4827701136", "2941669382",
}

# ---------------------------------------------------------------- parsing

def parse_sources():
    items = []
    for kind in KINDS:
        path = SRC / f"{kind}.txt"
        text = path.read_text(encoding="utf-8")
        block = {}
        n = 0
        for lineno, raw in enumerate(text.splitlines() + [""], 1):
            line = raw.rstrip()
            if line.startswith("#"):
                continue
            if not line.strip():
                if block:
                    if set(block) != {"A", "C", "V"}:
                        raise SystemExit(f"{path}:{lineno}: incomplete item {block}")
                    items.append({"kind": kind, "agent": block["A"], "customer": block["C"],
                                  "value": block["V"], "_src": f"{path.name}:{lineno}"})
                    n += 1
                    block = {}
                continue
            m = re.match(r"^([ACV]): (.+)$", line)
            if not m:
                raise SystemExit(f"{path}:{lineno}: bad line: {line!r}")
            key, val = m.group(1), m.group(2).strip()
            if key in block:
                raise SystemExit(f"{path}:{lineno}: duplicate {key} in one item")
            block[key] = val
    for i, it in enumerate(items, 1):
        it["id"] = f"v5-{i:04d}"
    return items

# ---------------------------------------------------------------- canonical forms

EMAIL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")
AMOUNT_RE = re.compile(r"^(0|[1-9]\d*)\.\d{2} USD$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER_RE = re.compile(r"^\d{8,12}$")
ACCOUNT_RE = re.compile(r"^[A-Z0-9]{6,14}$")
ZIP_RE = re.compile(r"^\d{5}$")
PARTICLES = {"van", "der", "de", "la", "le", "von", "da", "di", "du", "del"}
TITLES = {"mr", "mrs", "ms", "miss", "missus", "mister", "dr", "doctor", "sir", "madam"}


def name_word_ok(w):
    if w in PARTICLES:
        return True
    for part in w.split("-"):
        # allow O'Rourke, D'Souza, McNeil, MacDonald
        m = re.match(r"^(O'|D'|Mc|Mac)?(.+)$", part)
        rest = m.group(2)
        if not rest or not rest[0].isupper() or not rest[0].isalpha():
            return False
        if not all(c.isalpha() for c in rest):
            return False
        if rest[1:] != rest[1:].lower():
            return False
    return True


def check_value(kind, v):
    """Return an error string, or None."""
    if v != v.strip() or "  " in v:
        return "stray whitespace"
    if kind == "email":
        return None if EMAIL_RE.match(v) and v.count("@") == 1 and ".." not in v else "not a canonical email"
    if kind == "phone":
        if not re.match(r"^\+[1-9]\d{7,14}$", v):
            return "not E.164"
        if v.startswith("+1"):
            d = v[2:]
            if len(d) != 10:
                return "+1 number must have 10 national digits"
            if d[0] in "01" or d[3] in "01":
                return "invalid NANP area code or exchange"
            if d[1:3] == "11" or d[4:6] == "11":
                return "N11 code used as area code or exchange"
        return None
    if kind == "amount":
        return None if AMOUNT_RE.match(v) else "not N.NN USD"
    if kind == "date":
        if not DATE_RE.match(v):
            return "not YYYY-MM-DD"
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            return "not a calendar day"
        return None
    if kind == "order_id":
        return None if ORDER_RE.match(v) else "order_id does not match ^\\d{8,12}$"
    if kind == "account_id":
        return None if ACCOUNT_RE.match(v) else "account_id does not match ^[A-Z0-9]{6,14}$"
    if kind == "zip_code":
        return None if ZIP_RE.match(v) else "zip_code not 5 digits"
    if kind == "customer_name":
        words = v.split(" ")
        if len(words) < 2:
            return "needs first and last name"
        if words[0].lower().strip(".") in TITLES:
            return "title not dropped"
        if words[0] in PARTICLES or words[-1] in PARTICLES:
            return "particle at an edge"
        bad = [w for w in words if not name_word_ok(w)]
        return f"badly cased words {bad}" if bad else None
    return f"unknown kind {kind}"

# ---------------------------------------------------------------- review aids

UNITS = {"zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}


def naive_digits(text):
    """Read every digit the caller says, left to right, with no notion of correction."""
    # punctuation ends a spoken group: "four eighty, six two five" is 480 625
    toks = re.findall(r"[a-z]+|\d|[,.?;]", text.lower().replace("-", " "))
    out = []
    i = 0
    pending_mult = 1
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t in ",.?;":
            pass
        elif t.isdigit():
            out.append(t)
        elif t in ("double", "triple") and nxt in UNITS:
            out.append(str(UNITS[nxt]) * (2 if t == "double" else 3))
            i += 1
        elif t in UNITS:
            out.append(str(UNITS[t]))
        elif t in TEENS:
            out.append(str(TEENS[t]))
        elif t in TENS:
            if nxt in UNITS and UNITS[nxt] != 0 and nxt not in ("oh", "o"):
                out.append(str(TENS[t] + UNITS[nxt]))
                i += 1
            else:
                out.append(str(TENS[t]))
        elif t == "hundred":
            after = toks[i + 1:i + 3]
            if after and after[0] in TENS and len(after) > 1 and after[1] in UNITS and after[1] not in ("oh", "o", "zero"):
                out.append(str(TENS[after[0]] + UNITS[after[1]]))
                i += 2
            elif after and after[0] in TENS:
                out.append(str(TENS[after[0]]))
                i += 1
            elif after and after[0] in TEENS:
                out.append(str(TEENS[after[0]]))
                i += 1
            elif after and after[0] in UNITS and after[0] not in ("oh", "o"):
                out.append("0" + str(UNITS[after[0]]))
                i += 1
            else:
                out.append("00")
        i += 1
    return "".join(out)


NATO = {"alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "echo": "E",
        "foxtrot": "F", "golf": "G", "hotel": "H", "india": "I", "juliet": "J", "kilo": "K",
        "lima": "L", "mike": "M", "november": "N", "oscar": "O", "papa": "P", "quebec": "Q",
        "romeo": "R", "sierra": "S", "tango": "T", "uniform": "U", "victor": "V", "whiskey": "W",
        "xray": "X", "yankee": "Y", "zulu": "Z"}
LETTER_NAMES = {"bee": "B", "see": "C", "jay": "J", "kay": "K", "are": "R", "ex": "X", "why": "Y",
                "tee": "T", "em": "M", "en": "N", "gee": "G", "zee": "Z", "zed": "Z"}


def naive_letters(text):
    """Rough reading of a spelled alphanumeric id: letters, NATO words, digits."""
    t = text.lower().replace("x ray", "xray").replace("x-ray", "xray").replace("double you", "W")
    toks = re.findall(r"[a-z]+|[A-Z]|\d", t)
    out = []
    i = 0
    while i < len(toks):
        w = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if w in ("as", "like") and nxt in ("in",):
            i += 3  # "as in kilo"
            continue
        if w == "like":
            i += 2  # "like frank"
            continue
        if w in ("double", "triple") and nxt is not None:
            rep = 2 if w == "double" else 3
            one = naive_letters(nxt)
            out.append(one * rep)
            i += 2
            continue
        if w == "W":
            out.append("W")
        elif w.isdigit():
            out.append(w)
        elif len(w) == 1 and w.isalpha():
            out.append(w.upper())
        elif w in NATO:
            out.append(NATO[w])
        elif w in LETTER_NAMES:
            out.append(LETTER_NAMES[w])
        elif w in UNITS and w not in ("oh", "o"):
            out.append(str(UNITS[w]))
        elif w in TENS:
            if nxt in UNITS:
                out.append(str(TENS[w] + UNITS[nxt]))
                i += 1
            else:
                out.append(str(TENS[w]))
        elif len(w) > 3 and w.isalpha() and re.fullmatch(r"[a-z0-9]{6,14}", w) and any(c.isdigit() for c in w):
            out.append(w.upper())
        i += 1
    return "".join(out)


def squash(s):
    s = unicodedata.normalize("NFC", s.lower())
    return re.sub(r"[^0-9a-zà-ÿ]", "", s)


def consistency(item):
    """Return a warning string, or None."""
    kind, v, c = item["kind"], item["value"], item["customer"]
    if kind in ("phone", "order_id", "zip_code"):
        want = v[2:] if v.startswith("+1") else v.lstrip("+")
        got = naive_digits(c)
        if want not in got and v not in CORRECTED:
            return f"digits read {got!r} do not contain {want!r}"
    if kind == "email":
        local, domain = v.split("@")
        spoken = " ".join(LETTER_NAMES.get(w, w).lower() for w in re.findall(r"[a-z0-9]+|\S", c.lower()))
        text = re.sub(r"[0-9]", "", squash(spoken))
        digits = naive_digits(c)

        def subseq(needle, hay):
            pos = 0
            for ch in needle:
                pos = hay.find(ch, pos)
                if pos < 0:
                    return False
                pos += 1
            return True

        # the letters of the address appear in order in the answer (spelled or said),
        # and its digits appear in order among the digits read out
        if not subseq(re.sub(r"[^a-z]", "", local), text):
            return f"letters of local part {local!r} not found in order"
        root, tld = domain.split(".")[0], domain.split(".")[-1]
        if not subseq(re.sub(r"[^a-z]", "", root), text):
            return f"letters of domain {domain!r} not found in order"
        # the whole domain is said, or it is "at gmail" with no TLD (-> gmail.com)
        if not subseq(re.sub(r"[^a-z]", "", domain), text) and domain != "gmail.com":
            return f"domain {domain!r} not said in full"
        if tld not in text and domain != "gmail.com":
            return f"top-level domain {tld!r} not said"
        if not subseq(re.sub(r"[^0-9]", "", v), digits):
            return f"digits of {v!r} not found in order (read {digits!r})"
    if kind == "customer_name":
        text = squash(c)
        for w in v.split(" "):
            if squash(w) not in text:
                return f"name part {w!r} not found in the answer"
    return None

# ---------------------------------------------------------------- main

def check(items, review=False):
    errors, warnings = [], []
    ids = [it["id"] for it in items]
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    counts = {k: 0 for k in KINDS}
    seen_answers = {}
    for it in items:
        if set(it) - {"_src"} != {"id", "kind", "agent", "customer", "value"}:
            errors.append(f"{it['id']}: wrong keys {sorted(it)}")
        if it["kind"] not in counts:
            errors.append(f"{it['id']}: unknown kind {it['kind']}")
            continue
        counts[it["kind"]] += 1
        for key in ("agent", "customer", "value"):
            if not isinstance(it[key], str) or not it[key].strip():
                errors.append(f"{it['id']}: empty {key}")
        err = check_value(it["kind"], it["value"])
        if err:
            errors.append(f"{it['id']} ({it['kind']}): {it['value']!r}: {err}")
        norm = " ".join(re.findall(r"[a-z0-9']+", it["customer"].lower()))
        if norm in seen_answers:
            errors.append(f"{it['id']}: same answer as {seen_answers[norm]}")
        seen_answers[norm] = it["id"]
        w = consistency(it)
        if w:
            errors.append(f"{it['id']} ({it['kind']}): {w}")
        if review and it["kind"] in ("phone", "order_id", "zip_code"):
            print(f"{it['id']} {it['kind']:<9} {it['value']:<15} read {naive_digits(it['customer'])}")
        if review and it["kind"] == "account_id":
            got = naive_letters(it["customer"])
            flag = "" if got == it["value"] else "   <-- check by hand"
            print(f"{it['id']} {it['kind']:<9} {it['value']:<15} read {got}{flag}")
    for k, n in counts.items():
        if n != PER_KIND:
            errors.append(f"kind {k}: {n} items, want {PER_KIND}")
    if len(items) != PER_KIND * len(KINDS):
        errors.append(f"{len(items)} items, want {PER_KIND * len(KINDS)}")
    listed = {it["value"] for it in items}
    for v in sorted(CORRECTED - listed):
        errors.append(f"CORRECTED lists {v!r}, which is no item's value")
    return counts, errors, warnings


def main():
    args = sys.argv[1:]
    if "--check" in args:
        items = []
        with OUT.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                items.append(json.loads(line))
    else:
        items = parse_sources()
        with OUT.open("w", encoding="utf-8") as f:
            for it in items:
                rec = {k: it[k] for k in ("id", "kind", "agent", "customer", "value")}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        # re-read what was written, so the check runs on the output file itself
        items = [json.loads(l) for l in OUT.read_text(encoding="utf-8").splitlines()]
    counts, errors, _ = check(items, review="--review" in args)
    print("counts:", ", ".join(f"{k}={v}" for k, v in counts.items()), f"total={sum(counts.values())}")
    if errors:
        print(f"{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK:", OUT.name)


if __name__ == "__main__":
    main()
