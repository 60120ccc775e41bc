#!/usr/bin/env python3
"""Structural and label checks for calls/*.json (batch b5-abcd-b). Exit 1 on any problem.

Checks: format and required fields; ids; handoff/rawHandoff consistency; call clock ordering; turn
count 8-22; canonical fact forms; package facts present in truth (or listed as context errors with a
different truth value); repeats index customer turns and mention a package value; kbSubflows exist in
the ontology; handBack shape; injection flag. Prints the batch counts at the end.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ONTOLOGY = "/work/shared/data/abcd/ontology.json"

FACT_NAMES = {"customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
              "street_address", "amount", "date", "membership_level", "payment_method", "product"}
PRODUCTS = {f"{b} {t}" for b in ("calvin klein", "tommy hilfiger", "michael kors", "guess")
            for t in ("boots", "jacket", "jeans", "shirt")}
CANON = {
    "account_id": re.compile(r"^[A-Z0-9]{6,14}$"),
    "username": re.compile(r"^[a-z0-9][a-z0-9._-]{1,40}$"),
    "email": re.compile(r"^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$"),
    "phone": re.compile(r"^\+1[2-9]\d{2}[2-9]\d{6}$"),
    "order_id": re.compile(r"^\d{10}$"),
    "zip_code": re.compile(r"^\d{5}$"),
    "amount": re.compile(r"^\d+\.\d{2} USD$"),
    "date": re.compile(r"^2026-\d{2}-\d{2}$"),
    "customer_name": re.compile(r"^[A-Z][a-z]+( [A-Z][a-zA-Z'-]+)+$"),
    "street_address": re.compile(r"^\d+ [A-Z][a-z]+( [A-Z][a-z]+)*$"),
}
ENUMS = {"membership_level": {"guest", "bronze", "silver", "gold"},
         "payment_method": {"credit card", "debit card", "paypal"}, "product": PRODUCTS}
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}

WORDNUM = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
           "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def digits_of(text):
    """Digits in a turn, spoken digit words included ("five five two oh")."""
    out = []
    for tok in re.findall(r"[a-z]+|\d", text.lower()):
        if tok.isdigit():
            out.append(tok)
        elif tok in WORDNUM:
            out.append(WORDNUM[tok])
    return "".join(out)


def letters_of(text):
    return re.sub(r"[^a-z0-9]", "", text.lower())


def mentions(fact, value, text):
    """Loose check that a customer turn carries a package value."""
    low = text.lower()
    if fact in ("order_id", "phone", "zip_code"):
        want = re.sub(r"\D", "", value)
        if fact == "phone":
            want = want[1:]
        return want in digits_of(text)
    if fact == "account_id":
        return value.lower() in letters_of(text)
    if fact in ("email",):
        local = value.split("@")[0].replace(".", "")
        return local in letters_of(text.replace(" dot ", "."))
    if fact == "username":
        return letters_of(value) in letters_of(text.replace(" dot ", "."))
    if fact == "amount":
        whole = value.split(".")[0]
        spoken = {"99": "ninety", "189": "eighty nine", "129": "twenty-nine", "12": "twelve", "42": "forty-two",
                  "40": "forty", "20": "twenty"}
        return whole in digits_of(text) or spoken.get(whole, "\0") in low
    if fact == "date":
        day = str(int(value[-2:]))
        words = {"13": "saturday", "17": "seventeen", "25": "twenty fifth", "9": "tuesday"}
        return day in digits_of(text) or words.get(day, "\0") in low
    if fact in ("membership_level", "product", "payment_method"):
        return value.split()[-1] in low or value.split()[0] in low
    if fact == "customer_name":
        return value.split()[0].lower() in low
    return value.lower() in low


def main():
    onto = json.load(open(ONTOLOGY))
    subflows = {s for lst in onto["intents"]["subflows"].values() for s in lst}
    problems = []
    counts = {"calls": 0, "turns": 0, "with_repeats": 0, "repeat_turns": 0, "context_error_calls": 0,
              "context_errors": 0, "injection": 0, "handback_allowed": 0, "handback_refused": 0,
              "handback_null": 0, "damaged": 0}
    subflow_use = {}
    ids = set()
    files = sorted(glob.glob(os.path.join(HERE, "calls", "*.json")))
    for path in files:
        name = os.path.basename(path)

        def bad(msg):
            problems.append(f"{name}: {msg}")

        try:
            with open(path, encoding="utf-8") as f:
                d = json.load(f)
        except Exception as e:  # noqa: BLE001
            bad(f"does not parse: {e}")
            continue
        counts["calls"] += 1
        if d.get("format") != "call-scenario/1":
            bad("format")
        if d.get("kb") != "abcd":
            bad("kb")
        cid = d.get("id", "")
        if not re.fullmatch(r"b5b-[a-z0-9]+(-[a-z0-9]+)*", cid) or name != cid + ".json":
            bad(f"id {cid!r} / file name")
        if cid in ids:
            bad("duplicate id")
        ids.add(cid)
        if not d.get("title"):
            bad("title")

        ho = d.get("handoff")
        pkg_facts = {}
        if ho is None:
            counts["damaged"] += 1
            raw = d.get("rawHandoff")
            if not isinstance(raw, str) or not raw:
                bad("null handoff without rawHandoff")
            else:
                try:
                    parsed = json.loads(raw)
                    if all(k in parsed for k in ("caller", "intent", "facts")):
                        bad("rawHandoff parses and looks complete: not damaged")
                except json.JSONDecodeError:
                    pass
        else:
            for k in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                      "facts", "aiAttempts", "trigger", "nextSteps", "language"):
                if k not in ho:
                    bad(f"handoff.{k} missing")
            if not re.fullmatch(r"CA[0-9a-f]{32}", ho.get("callSid", "")):
                bad("callSid")
            if not ho["triggeredAtMs"] < ho["packagedAtMs"] < d["pickupAtMs"]:
                bad("trigger/package/pickup order")
            if ho["trigger"]["code"] not in TRIGGERS:
                bad("trigger code")
            if ho["intent"]["label"] not in subflows:
                bad("intent label not an ontology subflow")
            c = ho["caller"]
            pkg_facts["customer_name"] = c["name"]
            pkg_facts["phone"] = c["phone"]
            for f in ho["facts"]:
                if f["name"] in pkg_facts:
                    bad(f"package fact {f['name']} twice")
                pkg_facts[f["name"]] = f["value"]

        turns = d.get("turns", [])
        counts["turns"] += len(turns)
        if not 8 <= len(turns) <= 22:
            bad(f"{len(turns)} turns")
        last = d["pickupAtMs"]
        for i, t in enumerate(turns):
            if t.get("speaker") not in ("agent", "customer") or not t.get("text"):
                bad(f"turn {i} shape")
            if t["atMs"] <= last:
                bad(f"turn {i} atMs not increasing")
            last = t["atMs"]
        if turns and turns[0]["speaker"] != "agent":
            bad("first turn is not the agent")

        tr = d.get("truth", {})
        facts = tr.get("facts", {})
        for k, v in facts.items():
            if k not in FACT_NAMES:
                bad(f"unknown fact {k}")
            elif k in CANON and not CANON[k].match(v):
                bad(f"fact {k}={v!r} not canonical")
            elif k in ENUMS and v not in ENUMS[k]:
                bad(f"fact {k}={v!r} not an allowed value")
        for k, v in pkg_facts.items():
            if k in CANON and not CANON[k].match(v):
                bad(f"package fact {k}={v!r} not canonical")
            err = f"facts.{k}" in tr.get("contextErrors", [])
            if k not in facts:
                bad(f"package fact {k} missing from truth")
            elif err and facts[k] == v:
                bad(f"context error {k} but truth equals package value")
            elif not err and facts[k] != v:
                bad(f"truth {k} differs from package but no context error")
        for ce in tr.get("contextErrors", []):
            if not ce.startswith("facts.") or ce[6:] not in pkg_facts:
                bad(f"context error {ce} not a package fact")
        if tr.get("contextErrors"):
            counts["context_error_calls"] += 1
            counts["context_errors"] += len(tr["contextErrors"])

        reps = tr.get("repeats", [])
        if ho is None and reps:
            bad("repeats without a valid package")
        for r in reps:
            if not (isinstance(r, int) and 0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
                bad(f"repeat {r} is not a customer turn")
                continue
            ok = [k for k, v in pkg_facts.items()
                  if f"facts.{k}" not in tr.get("contextErrors", []) and mentions(k, v, turns[r]["text"])]
            if not ok:
                bad(f"repeat {r} mentions no package value: {turns[r]['text'][:70]!r}")
        if reps != sorted(set(reps)):
            bad("repeats not sorted/unique")
        if reps:
            counts["with_repeats"] += 1
            counts["repeat_turns"] += len(reps)

        ks = tr.get("kbSubflows", [])
        if not ks:
            bad("no kbSubflows")
        for s in ks:
            if s not in subflows:
                bad(f"kbSubflow {s} not in ontology")
            subflow_use[s] = subflow_use.get(s, 0) + 1
        hb = tr.get("handBack", "missing")
        if hb is None:
            counts["handback_null"] += 1
        elif isinstance(hb, dict) and re.fullmatch(r"[a-z0-9_]+", hb.get("task", "")) \
                and isinstance(hb.get("allowed"), bool):
            counts["handback_allowed" if hb["allowed"] else "handback_refused"] += 1
        else:
            bad("handBack shape")
        if not isinstance(tr.get("injection"), bool):
            bad("injection flag")
        elif tr["injection"]:
            counts["injection"] += 1
        if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
            bad(f"truth keys {sorted(tr)}")

    for p in problems:
        print("PROBLEM", p)
    print(json.dumps(counts, indent=1))
    print("subflows:", json.dumps(dict(sorted(subflow_use.items()))))
    if problems:
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
