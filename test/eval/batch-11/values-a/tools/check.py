#!/usr/bin/env python3
"""Validate spoken-values.jsonl: format, ids, counts, canonical value forms,
ASR style, agreement with sources/, and that each value plausibly appears in
what the caller said (a loose spoken-form reading; it is a sanity check, not a
reference extractor).  Exit 0 when everything passes."""
import datetime as dt
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import build  # noqa: E402

KINDS = build.KINDS
PER_KIND = 20
TOTAL = PER_KIND * len(KINDS)
CALL_DATE = dt.date(2026, 6, 15)  # Monday
KEYS = ["id", "kind", "agent", "customer", "value"]

errors = []


def err(rid, msg):
    errors.append(f"{rid}: {msg}")


# ---------------------------------------------------------------- tokenising
def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def tokens(text):
    t = fold(text)
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)          # 1,049 -> 1049
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?|[@._/\-']", t)


UNITS = {"zero": 0, "oh": 0, "cero": 0, "one": 1, "won": 1, "two": 2, "to": 2,
         "too": 2, "three": 3, "four": 4, "for": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "ate": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
NATO = {"alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d",
        "echo": "e", "foxtrot": "f", "golf": "g", "hotel": "h", "india": "i",
        "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l", "mike": "m",
        "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r",
        "sierra": "s", "tango": "t", "uniform": "u", "victor": "v",
        "whiskey": "w", "whisky": "w", "xray": "x", "yankee": "y", "zulu": "z"}
SYMBOLS = {"at": "@", "arroba": "@", "dot": ".", "period": ".", "point": ".",
           "dash": "-", "hyphen": "-", "underscore": "_", "apostrophe": "'"}
GLOSS = {"as", "like", "for"}  # "b as in boy", "b like boy", "v for victor"


def small(tk, i):
    """Parse 0..99 at tk[i]; return (value, next index) or None."""
    if i >= len(tk):
        return None
    w = tk[i]
    if w in TEENS:
        return TEENS[w], i + 1
    if w in TENS:
        if i + 1 < len(tk) and tk[i + 1] in UNITS and UNITS[tk[i + 1]] > 0 \
                and tk[i + 1] not in ("oh",):
            return TENS[w] + UNITS[tk[i + 1]], i + 2
        return TENS[w], i + 1
    if w in UNITS:
        return UNITS[w], i + 1
    return None


def number(tk, i):
    """Parse one spoken number group (with hundred/thousand) -> (str, next)."""
    w = tk[i]
    if w == "a" and i + 1 < len(tk) and tk[i + 1] in ("hundred", "thousand"):
        first = (1, i + 1)
    elif w == "a" and i + 1 < len(tk) and tk[i + 1] in ("buck", "dollar"):
        return "1", i + 1
    else:
        first = small(tk, i)
    if first is None:
        return None
    val, j = first
    # a bare "oh"/"zero" is just a digit
    if tk[i] in ("oh", "zero", "cero") and not (j < len(tk) and tk[j] in ("hundred", "thousand")):
        return "0", j
    total = 0
    if j < len(tk) and tk[j] == "hundred":
        val *= 100
        j += 1
        if j < len(tk) and tk[j] == "and":
            j += 1
        nxt = small(tk, j)
        if nxt and tk[j] not in ("oh",):
            val += nxt[0]
            j = nxt[1]
    if j < len(tk) and tk[j] == "thousand":
        total = val * 1000
        j += 1
        if j < len(tk) and tk[j] == "and":
            j += 1
        rest = small(tk, j)
        if rest:
            v2, k = rest
            if k < len(tk) and tk[k] == "hundred":
                v2 *= 100
                k += 1
                if k < len(tk) and tk[k] == "and":
                    k += 1
                r3 = small(tk, k)
                if r3:
                    v2 += r3[0]
                    k = r3[1]
            total += v2
            j = k
        return str(total), j
    return str(val), j


def stream(text, mode):
    """mode 'digits': only digits.  mode 'spelled': spelled letters + digits.
    mode 'email': like spelled, plus whole words and email symbols."""
    tk = tokens(text)
    out = []
    i = 0
    while i < len(tk):
        w = tk[i]
        prev = tk[i - 1] if i else ""
        # glosses after a spelled letter: "b as in boy", "t like tom", "v for victor"
        if mode != "digits" and w in GLOSS and len(prev) == 1 and prev.isalpha():
            skip = 2 if (w == "as" and i + 1 < len(tk) and tk[i + 1] == "in") else 1
            i += skip + 1
            continue
        if mode != "digits" and w == "double" and i + 1 < len(tk) and tk[i + 1] == "you":
            out.append("w")
            i += 2
            continue
        if w in ("double", "triple") and i + 1 < len(tk):
            n = 2 if w == "double" else 3
            nxt = tk[i + 1]
            if nxt in UNITS:
                out.append(str(UNITS[nxt]) * n)
                i += 2
                continue
            if mode != "digits" and len(nxt) == 1 and nxt.isalpha():
                out.append(nxt * n)
                i += 2
                continue
        if w.isdigit():
            out.append(w)
            i += 1
            continue
        if mode != "digits" and re.fullmatch(r"[a-z]+\d[a-z0-9]*|\d+[a-z][a-z0-9]*", w):
            out.append(w)
            i += 1
            continue
        if w in UNITS or w in TEENS or w in TENS or w == "a":
            got = number(tk, i)
            if got and not (w == "a" and got[1] == i + 1 and tk[i + 1] not in ("buck", "dollar")) \
                    and not (mode != "digits" and w in ("to", "too", "for", "won", "ate", "a")):
                out.append(got[0])
                i = got[1]
                continue
            if w == "a" and got and mode == "digits":
                out.append(got[0])
                i = got[1]
                continue
        if mode == "digits":
            i += 1
            continue
        if len(w) == 1 and w.isalpha():
            out.append(w)
        elif w in NATO:
            out.append(NATO[w])
        elif mode == "email" and w in SYMBOLS:
            out.append(SYMBOLS[w])
        elif mode == "email" and w in "@._-":
            out.append(w)
        elif mode == "email" and re.fullmatch(r"[a-z0-9]+", w):
            out.append(w)
        i += 1
    return "".join(out)


def subseq(needle, hay):
    it = iter(hay)
    return all(c in it for c in needle)


# ------------------------------------------------------------ plausibility
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
       7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh",
       12: "twelfth", 13: "thirteenth", 14: "fourteenth", 15: "fifteenth",
       16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth",
       20: "twentieth", 30: "thirtieth"}
CARD = {v: k for k, v in {**UNITS, **TEENS, **TENS}.items()
        if k not in ("oh", "cero", "won", "to", "too", "for", "ate")}
MONTHS = ["january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday"]


def day_words(d):
    if d in ORD:
        ords = [ORD[d]]
    else:
        ords = [f"{CARD[d - d % 10]} {ORD[d % 10]}"]
    cards = [CARD[d]] if d in CARD else [f"{CARD[d - d % 10]} {CARD[d % 10]}"]
    return ords + cards + [str(d)]


def relative_dates(text):
    t = " ".join(tokens(text))
    found = set()
    if re.search(r"\bday after tomorrow\b", t):
        found.add(CALL_DATE + dt.timedelta(days=2))
    elif re.search(r"\btomorrow\b", t):
        found.add(CALL_DATE + dt.timedelta(days=1))
    if re.search(r"\byesterday\b", t):
        found.add(CALL_DATE - dt.timedelta(days=1))
    if re.search(r"\btwo weeks ago\b", t):
        found.add(CALL_DATE - dt.timedelta(days=14))
    for n, wd in enumerate(WEEKDAYS):
        delta = n - CALL_DATE.weekday()
        if re.search(rf"\b(last|past) {wd}\b", t):
            found.add(CALL_DATE + dt.timedelta(days=delta if delta < 0 else delta - 7))
        if re.search(rf"\bthis {wd}\b", t) or re.search(rf"\bby {wd}\b", t):
            found.add(CALL_DATE + dt.timedelta(days=delta if delta > 0 else delta + 7))
        if re.search(rf"\ba week from {wd}\b", t):
            found.add(CALL_DATE + dt.timedelta(days=(delta if delta > 0 else delta + 7) + 7))
    holidays = {"memorial day": dt.date(2026, 5, 25), "labor day": dt.date(2026, 9, 7),
                "father's day": dt.date(2026, 6, 21), "fourth of july": dt.date(2026, 7, 4),
                "new year's eve": dt.date(2025, 12, 31), "juneteenth": dt.date(2026, 6, 19)}
    for name, d in holidays.items():
        if name in t:
            found.add(d)
    return found


def plausible_date(text, value):
    d = dt.date.fromisoformat(value)
    if d in relative_dates(text):
        return True
    t = " " + " ".join(tokens(text)) + " "
    m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b", fold(text))
    if m:
        mm, dd, yy = (int(x) for x in m.groups())
        yy = yy + 2000 if yy < 100 else yy
        if (yy, mm, dd) == (d.year, d.month, d.day):
            return True
    if f" {MONTHS[d.month - 1]} " not in t:
        return False
    if not any(f" {w} " in t for w in day_words(d.day)):
        return False
    if d.year == CALL_DATE.year:
        return True
    if d.year == CALL_DATE.year - 1 and " last year " in t:
        return True
    return f"{d.year % 100:02d}" in stream(text, "digits")


def plausible(kind, text, value):
    if kind == "email":
        if value in fold(text):
            return True
        s = stream(text, "email")
        domain = value.split("@", 1)[1]
        return subseq(value, s) and domain in s
    if kind == "phone":
        national = value[2:]
        s = stream(text, "digits")
        return subseq(national, s) and national[:3] in s
    if kind == "amount":
        num = value.split()[0]
        dollars, cents = num.split(".")
        s = stream(text, "digits")
        need = (dollars if dollars != "0" else "") + (str(int(cents)) if cents != "00" else "")
        return subseq(need, s)
    if kind == "date":
        return plausible_date(text, value)
    if kind in ("order_id", "zip_code"):
        return subseq(value, stream(text, "digits"))
    if kind == "account_id":
        return subseq(value.lower(), stream(text, "spelled"))
    if kind == "customer_name":
        letters = re.sub(r"[^a-z]", "", fold(text))
        spelled = stream(text, "spelled")
        for part in re.split(r"[ \-]", value):
            p = re.sub(r"[^a-z]", "", fold(part))
            if p and p not in letters and p not in spelled:
                return False
        return True
    return False


# ------------------------------------------------------------ canonical forms
NAME_PARTICLES = {"de", "la", "del", "van", "von", "den", "der", "da", "di", "du", "le"}


def canonical(kind, v):
    if kind == "email":
        return v == v.lower() and re.fullmatch(r"[a-z0-9._\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)*\.[a-z]{2,}", v)
    if kind == "phone":
        return re.fullmatch(r"\+1[2-9]\d{2}55501\d{2}", v)
    if kind == "amount":
        return re.fullmatch(r"(0|[1-9]\d*)\.\d{2} USD", v)
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return False
        try:
            dt.date.fromisoformat(v)
        except ValueError:
            return False
        return True
    if kind == "order_id":
        return re.fullmatch(r"\d{8,10}", v)
    if kind == "account_id":
        return (re.fullmatch(r"[A-Z0-9]{5,10}", v) and re.search(r"[A-Z]", v)
                and re.search(r"\d", v)) or re.fullmatch(r"\d{11,13}", v)
    if kind == "zip_code":
        return re.fullmatch(r"\d{5}", v)
    if kind == "customer_name":
        parts = v.split(" ")
        if len(parts) < 2:
            return False
        for p in parts:
            if p in NAME_PARTICLES:
                continue
            if not re.fullmatch(r"[^\W\d_][\w'\-]*", p) or not p[0].isupper():
                return False
            for sub in p.split("-"):
                if not sub or not sub[0].isupper():
                    return False
        return True
    return False


# ------------------------------------------------------------------- main
def main():
    path = os.path.join(ROOT, "spoken-values.jsonl")
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"line {n}", f"bad json: {e}")
                continue
            if list(obj) != KEYS:
                err(f"line {n}", f"keys {list(obj)} != {KEYS}")
            rows.append(obj)
    if len(rows) != TOTAL:
        err("file", f"{len(rows)} rows, expected {TOTAL}")
    if rows != build.build():
        err("file", "spoken-values.jsonl differs from sources/ (run tools/build.py)")
    seen = {}
    digit_accounts = 0
    for n, r in enumerate(rows):
        rid = r.get("id", f"row {n + 1}")
        if rid != f"v11a-{n + 1:04d}":
            err(rid, f"expected id v11a-{n + 1:04d}")
        want = KINDS[n // PER_KIND] if n < TOTAL else None
        if r.get("kind") != want:
            err(rid, f"kind {r.get('kind')!r}, expected {want!r}")
        for f in ("agent", "customer", "value"):
            if not isinstance(r.get(f), str) or not r[f].strip():
                err(rid, f"empty {f}")
        if any(r.get(f, "") != r.get(f, "").lower() for f in ("agent", "customer")):
            err(rid, "agent/customer should be lower case (ASR style)")
        kind, v = r.get("kind"), r.get("value", "")
        if not canonical(kind, v):
            err(rid, f"value {v!r} is not canonical for {kind}")
            continue
        if not plausible(kind, r["customer"], v):
            err(rid, f"value {v!r} does not plausibly appear in the customer turn")
        key = (kind, v)
        if key in seen:
            err(rid, f"duplicate value {v!r} (also {seen[key]})")
        seen[key] = rid
        if kind == "account_id" and v.isdigit():
            digit_accounts += 1
    counts = {k: sum(1 for r in rows if r.get("kind") == k) for k in KINDS}
    for k, c in counts.items():
        if c != PER_KIND:
            err("counts", f"{k}: {c}, expected {PER_KIND}")
    if not 1 <= digit_accounts <= 6:
        err("counts", f"{digit_accounts} digit-only account ids, expected a few (1-6)")
    if errors:
        print("\n".join(errors))
        print(f"FAIL: {len(errors)} problem(s)")
        return 1
    print(f"OK: {len(rows)} exchanges, " + ", ".join(f"{k} {c}" for k, c in counts.items())
          + f"; {digit_accounts} digit-only account ids")
    return 0


if __name__ == "__main__":
    sys.exit(main())
