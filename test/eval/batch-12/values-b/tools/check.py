#!/usr/bin/env python3
"""Validate spoken-values.jsonl: keys and order, ids, kind blocks, canonical value forms,
speech-recogniser style text, duplicates, and that the file matches the sources.
Standard library only. Exits 0 when everything passes, 1 otherwise."""
import datetime
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["email", "phone", "amount", "date", "order_id", "account_id", "zip_code", "customer_name"]
PER_KIND = 20
KEYS = ["id", "kind", "agent", "customer", "value"]
CALL_DATE = datetime.date(2026, 6, 15)

EMAIL = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$")
PHONE = re.compile(r"^\+1[2-9][0-9]{2}55501[0-9]{2}$")
AMOUNT = re.compile(r"^(0|[1-9][0-9]*)\.[0-9]{2} USD$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ORDER = re.compile(r"^[0-9]{8,10}$")
ACCOUNT_MIXED = re.compile(r"^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{6,10}$")
ACCOUNT_DIGITS = re.compile(r"^[0-9]{11,13}$")
ZIP = re.compile(r"^[0-9]{5}$")
NAME = re.compile(r"^[A-Z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*)+$")

errors = []


def err(msg):
    errors.append(msg)


def check_value(rid, kind, v):
    if kind == "email":
        ok = bool(EMAIL.match(v)) and ".." not in v
    elif kind == "phone":
        ok = bool(PHONE.match(v))
    elif kind == "amount":
        ok = bool(AMOUNT.match(v))
    elif kind == "date":
        ok = bool(DATE.match(v))
        if ok:
            try:
                d = datetime.date.fromisoformat(v)
                ok = 1900 <= d.year <= 2030
            except ValueError:
                ok = False
    elif kind == "order_id":
        ok = bool(ORDER.match(v))
    elif kind == "account_id":
        ok = bool(ACCOUNT_MIXED.match(v) or ACCOUNT_DIGITS.match(v))
    elif kind == "zip_code":
        ok = bool(ZIP.match(v))
    elif kind == "customer_name":
        ok = bool(NAME.match(v))
    else:
        ok = False
    if not ok:
        err(f"{rid}: value {v!r} is not canonical for {kind}")


def main():
    path = ROOT / "spoken-values.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) != PER_KIND * len(KINDS):
        err(f"expected {PER_KIND * len(KINDS)} lines, found {len(lines)}")
    seen_text, seen_value = set(), {}
    digit_accounts = 0
    for n, line in enumerate(lines, 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {n}: bad json: {e}")
            continue
        if list(rec) != KEYS:
            err(f"line {n}: keys {list(rec)} not {KEYS}")
            continue
        rid, kind = rec["id"], rec["kind"]
        if rid != f"v12b-{n:04d}":
            err(f"line {n}: id {rid} out of sequence")
        want = KINDS[(n - 1) // PER_KIND] if n <= PER_KIND * len(KINDS) else None
        if kind != want:
            err(f"{rid}: kind {kind} but block expects {want}")
        for k in ("agent", "customer", "value"):
            if not isinstance(rec[k], str) or not rec[k].strip():
                err(f"{rid}: empty {k}")
        for k in ("agent", "customer"):
            if rec[k] != rec[k].lower():
                err(f"{rid}: {k} text is not lower case like a recogniser writes it")
        check_value(rid, kind, rec["value"])
        if kind == "account_id" and ACCOUNT_DIGITS.match(rec["value"]):
            digit_accounts += 1
        key = (rec["agent"], rec["customer"])
        if key in seen_text:
            err(f"{rid}: duplicate exchange text")
        seen_text.add(key)
        vk = (kind, rec["value"])
        if vk in seen_value:
            err(f"{rid}: same value as {seen_value[vk]}")
        seen_value[vk] = rid
        if len(rec["customer"].split()) < 4:
            err(f"{rid}: customer turn suspiciously short")
    if not 1 <= digit_accounts <= 6:
        err(f"account_id: {digit_accounts} all-digit ids, expected a few (1-6)")
    # the jsonl must be exactly what the sources serialise to
    tmp = subprocess.run([sys.executable, "-c",
                          "import runpy,io,contextlib,pathlib,json;"
                          "m=runpy.run_path(%r);"
                          "print(json.dumps([[k,m['parse'](pathlib.Path(%r)/'sources'/(k+'.txt'))] for k in m['KINDS']]))"
                          % (str(ROOT / "tools" / "build.py"), str(ROOT))],
                         capture_output=True, text=True)
    if tmp.returncode != 0:
        err(f"could not parse sources: {tmp.stderr.strip()}")
    else:
        src = json.loads(tmp.stdout)
        flat = [(k, b) for k, blocks in src for b in blocks]
        for n, (line, (k, b)) in enumerate(zip(lines, flat), 1):
            rec = json.loads(line)
            if (rec["kind"], rec["agent"], rec["customer"], rec["value"]) != (k, b["agent"], b["customer"], b["value"]):
                err(f"line {n}: differs from sources/{k}.txt (rebuild with tools/build.py)")
        if len(flat) != len(lines):
            err(f"sources hold {len(flat)} blocks, jsonl {len(lines)} lines")
    for e in errors:
        print("FAIL", e)
    counts = {}
    for line in lines:
        try:
            k = json.loads(line)["kind"]
            counts[k] = counts.get(k, 0) + 1
        except Exception:
            pass
    print("counts:", ", ".join(f"{k}={counts.get(k, 0)}" for k in KINDS), f"total={len(lines)}")
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
