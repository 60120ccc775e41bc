#!/usr/bin/env python3
"""Validate spoken-values.jsonl: keys and their order, ids, block order and counts,
canonical value forms, fictional phone ranges, recogniser-style turns, and that the
file matches the hand-written sources exactly. Standard library only; exits 0 when all is well."""
import datetime
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
sys.dont_write_bytecode = True
import build  # noqa: E402  (parser/serialiser only)

ROOT = build.ROOT
KINDS = build.KINDS
PER_KIND = 20
KEYS = ["id", "kind", "agent", "customer", "value"]

EMAIL = re.compile(r"^[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
PHONE = re.compile(r"^\+1[2-9][0-9]{2}55501[0-9]{2}$")
AMOUNT = re.compile(r"^(?:0|[1-9][0-9]*)\.[0-9]{2} USD$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ORDER = re.compile(r"^[0-9]{8,10}$")
ACCOUNT = re.compile(r"^[A-Z]{3}[0-9]{6}$")
ZIP = re.compile(r"^[0-9]{5}$")
NAME_WORD = re.compile(r"^(?:[^\W\d_]+(?:['-][^\W\d_]+)*)$")
PARTICLES = {"de", "del", "la", "los", "las", "van", "der", "den", "von", "da", "di", "du", "le", "bin", "al"}


def check_value(kind, v):
    if kind == "email":
        return bool(EMAIL.match(v)) and ".." not in v
    if kind == "phone":
        return bool(PHONE.match(v))
    if kind == "amount":
        return bool(AMOUNT.match(v))
    if kind == "date":
        if not DATE.match(v):
            return False
        try:
            d = datetime.date.fromisoformat(v)
        except ValueError:
            return False
        return datetime.date(1900, 1, 1) <= d <= datetime.date(2027, 12, 31)
    if kind == "order_id":
        return bool(ORDER.match(v))
    if kind == "account_id":
        return bool(ACCOUNT.match(v))
    if kind == "zip":
        return bool(ZIP.match(v)) and v != "00000"
    if kind == "name":
        words = v.split(" ")
        if len(words) < 2 or any(not NAME_WORD.match(w) for w in words):
            return False
        if not words[0][0].isupper() or not words[-1][0].isupper():
            return False
        return all(w[0].isupper() or w in PARTICLES for w in words)
    return False


def main():
    errors = []
    path = ROOT / "spoken-values.jsonl"
    text = path.read_text(encoding="utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        try:
            obj = json.loads(line, object_pairs_hook=lambda p: p)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: bad json: {e}")
            continue
        if [k for k, _ in obj] != KEYS:
            errors.append(f"line {n}: keys {[k for k, _ in obj]} != {KEYS}")
        rows.append(dict(obj))

    if len(rows) != PER_KIND * len(KINDS):
        errors.append(f"{len(rows)} items, expected {PER_KIND * len(KINDS)}")
    for i, r in enumerate(rows):
        want_id = f"{build.PREFIX}{i + 1:04d}"
        want_kind = KINDS[i // PER_KIND] if i // PER_KIND < len(KINDS) else None
        if r.get("id") != want_id:
            errors.append(f"item {i + 1}: id {r.get('id')!r} != {want_id}")
        if r.get("kind") != want_kind:
            errors.append(f"{r.get('id')}: kind {r.get('kind')!r}, block order wants {want_kind}")
        for k in ("agent", "customer", "value"):
            if not isinstance(r.get(k), str) or not r[k].strip():
                errors.append(f"{r.get('id')}: empty {k}")
        for k in ("agent", "customer"):
            s = r.get(k) or ""
            if any(c.isupper() for c in s):
                errors.append(f"{r.get('id')}: {k} turn has upper case (recogniser writes lower case)")
        if not check_value(r.get("kind"), r.get("value") or ""):
            errors.append(f"{r.get('id')}: value {r.get('value')!r} not canonical for {r.get('kind')}")

    seen = {}
    for r in rows:
        key = (r.get("kind"), r.get("value"))
        if key in seen:
            errors.append(f"{r['id']}: duplicate value of {seen[key]}")
        seen[key] = r.get("id")

    counts = {k: sum(1 for r in rows if r.get("kind") == k) for k in KINDS}
    for k, c in counts.items():
        if c != PER_KIND:
            errors.append(f"kind {k}: {c} items, expected {PER_KIND}")

    if build.serialise(build.build()) != text:
        errors.append("spoken-values.jsonl differs from a rebuild of sources/ (run tools/build.py)")

    for f in ["README.md", "LICENSE"] + [f"sources/{k}.txt" for k in KINDS]:
        if not (ROOT / f).is_file():
            errors.append(f"missing {f}")

    if errors:
        print("\n".join(errors))
        print(f"FAIL: {len(errors)} problem(s)")
        return 1
    print("OK: " + ", ".join(f"{k} {c}" for k, c in counts.items()) + f"; total {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
