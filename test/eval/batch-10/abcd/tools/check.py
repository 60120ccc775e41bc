#!/usr/bin/env python3
"""Check the batch: call-scenario/1 format, truth bookkeeping against the sources' notes,
value formats, batch coverage, labels.md and the README counts. Exit 1 on any problem."""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from build import build, parse  # noqa: E402

ABCD = "/work/shared/data/abcd/ontology.json"
EXAMPLES = "/work/shared/scenarios"
ONT = json.load(open(ABCD))
SUBFLOWS = {s: flow for flow, subs in ONT["intents"]["subflows"].items() for s in subs}
PRODUCTS = set(ONT["values"]["enumerable"]["product"])
FACTS = ["customer_name", "account_id", "username", "email", "phone", "order_id", "zip_code",
         "street_address", "amount", "date", "membership_level", "payment_method", "product"]
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
FORMATS = {
    "phone": r"^\+1\d{3}55501\d{2}$",
    "date": r"^2026-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$",
    "amount": r"^\d+\.\d{2} USD$",
    "email": r"^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]+$",
    "zip_code": r"^\d{5}$",
    "order_id": r"^\d{10}$",
    "account_id": r"^[A-Z0-9]{10}$",
    "username": r"^[a-z][a-z0-9._-]+$",
    "membership_level": r"^(guest|bronze|silver|gold)$",
    "payment_method": r"^(credit card|debit card|paypal)$",
    "customer_name": r"^[A-Z][A-Za-z'-]+( [A-Z][A-Za-z'-]+)+$",
    "street_address": r"^\d+ [A-Z][A-Za-z]*( [A-Z][A-Za-z]*)*$",
}
HANDOFF_KEYS = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"]

problems = []


def bad(cid, msg):
    problems.append(f"{cid}: {msg}")


# ---- a spoken-form reader used only to check that a labelled value was really said ----
DIG = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
       "six": "6", "seven": "7", "eight": "8", "nine": "9"}
TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
         "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
        "eighty": "8", "ninety": "9"}


def stream(text):
    """Letters and digits as spoken, in order: 'k d eight' -> 'kd8', 'double seven' -> '77',
    'thirty three fifty' -> '3350', 'p as in peter' -> 'p'."""
    toks = re.findall(r"[a-z0-9]+", text.lower())
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if len(t) == 1 and i + 3 < len(toks) and toks[i + 1] == "as" and toks[i + 2] == "in":
            out.append(t); i += 4; continue
        if len(t) == 1 and i + 2 < len(toks) and toks[i + 1] == "like" and toks[i + 2][0] == t:
            out.append(t); i += 3; continue
        if t == "double" and i + 1 < len(toks):
            nxt = toks[i + 1]
            v = DIG.get(nxt, nxt if len(nxt) == 1 else "")
            out.append(v * 2); i += 2; continue
        if t in TENS:
            if i + 1 < len(toks) and toks[i + 1] in DIG and toks[i + 1] not in ("oh", "o", "zero"):
                out.append(TENS[t] + DIG[toks[i + 1]]); i += 2; continue
            out.append(TENS[t] + "0"); i += 1; continue
        if t in TEENS:
            out.append(TEENS[t]); i += 1; continue
        if t in DIG:
            out.append(DIG[t]); i += 1; continue
        out.append(t); i += 1
    return "".join(out)


def said(fact, value, texts):
    """Is there evidence of this value in the given texts (turns or package text)?"""
    joined = " ".join(texts).lower()
    s = stream(joined)
    if fact in ("order_id", "account_id", "zip_code"):
        return value.lower() in s
    if fact == "phone":
        return value[2:] in s or value[-7:] in s
    if fact == "username":
        return value in s
    if fact == "email":
        local = re.sub(r"[^a-z0-9]", "", value.split("@")[0])
        return local in stream(re.sub(r"\bdot\b", " ", joined)) or value in joined
    if fact == "customer_name":
        return all(part.lower() in joined for part in value.split())
    if fact == "street_address":
        num, rest = value.split(" ", 1)
        return num in s and rest.lower().split()[0] in joined
    if fact in ("product",):
        return all(w in joined for w in value.split())
    if fact == "membership_level":
        return value in joined
    if fact == "payment_method":
        return value.split()[0] in joined
    return True  # dates and amounts are checked by hand in labels.md


def load_examples_text():
    texts = set()
    for p in glob.glob(os.path.join(EXAMPLES, "*.json")):
        for t in json.load(open(p))["turns"]:
            texts.add(t["text"].strip().lower())
    return texts


def main():
    calls = sorted(glob.glob(os.path.join(ROOT, "calls", "*.json")))
    srcs = sorted(glob.glob(os.path.join(ROOT, "src", "*.txt")))
    if len(calls) != 20 or len(srcs) != 20:
        bad("batch", f"expected 20 calls and 20 sources, found {len(calls)} and {len(srcs)}")
    example_texts = load_examples_text()
    seen_text, seen_ids, seen_sids, seen_hoids = {}, set(), set(), set()
    stats = {"calls": 0, "turns": 0, "truth facts": 0, "repeats": 0, "context errors": 0,
             "steering (injection)": 0, "hand-back allowed": 0, "hand-back refused": 0, "hand-back none": 0,
             "damaged packages": 0, "read-back confirmations": 0}
    primaries, flows, damage_kinds, err_kinds = [], set(), [], []

    for n, path in enumerate(srcs, 1):
        name = os.path.basename(path)[:-4]
        cid = name
        m = re.match(r"^b10a-(\d\d)-[a-z0-9]+(-[a-z0-9]+)*$", name)
        if not m or int(m.group(1)) != n:
            bad(cid, "id must be b10a-NN-<slug> with NN running 01..20")
        src = parse(path)
        notes = json.loads(src["notes"])
        built = build(path)
        cpath = os.path.join(ROOT, "calls", name + ".json")
        if not os.path.exists(cpath):
            bad(cid, "calls/ file missing; run tools/build.py"); continue
        call = json.load(open(cpath))
        if call != built:
            bad(cid, "calls/ file is stale; run tools/build.py")
        stats["calls"] += 1
        if call["id"] in seen_ids:
            bad(cid, "duplicate id")
        seen_ids.add(call["id"])
        if call.get("format") != "call-scenario/1" or call.get("kb") != "abcd" or not call.get("title"):
            bad(cid, "format/kb/title")
        allowed_keys = {"format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"}
        if set(call) - allowed_keys:
            bad(cid, f"unexpected keys {set(call) - allowed_keys}")

        # ---- package ----
        h = call["handoff"]
        pkg = {}
        if h is None:
            stats["damaged packages"] += 1
            raw = call.get("rawHandoff")
            if not isinstance(raw, str) or not raw.strip():
                bad(cid, "null handoff needs a rawHandoff here (this batch only has damaged, not missing, packages)")
            else:
                try:
                    obj = json.loads(raw)
                    if isinstance(obj, dict) and all(k in obj for k in HANDOFF_KEYS):
                        bad(cid, "rawHandoff parses as a complete package; it should be damaged")
                except ValueError:
                    pass
            if not notes.get("damage"):
                bad(cid, "notes.damage must say what is wrong with the package")
            damage_kinds.append(notes.get("damage"))
        else:
            if "rawHandoff" in call:
                bad(cid, "rawHandoff only belongs with a null handoff")
            missing = [k for k in HANDOFF_KEYS if k not in h]
            if missing:
                bad(cid, f"handoff misses {missing}")
            if not re.match(r"^CA[0-9a-f]{32}$", h.get("callSid", "")):
                bad(cid, "callSid must be CA + 32 hex")
            if h.get("callSid") in seen_sids or h.get("handoffId") in seen_hoids:
                bad(cid, "callSid/handoffId reused")
            seen_sids.add(h.get("callSid")); seen_hoids.add(h.get("handoffId"))
            if not (0 <= h["triggeredAtMs"] <= h["packagedAtMs"] < call["pickupAtMs"]):
                bad(cid, "need triggeredAtMs <= packagedAtMs < pickupAtMs")
            c = h["caller"]
            for k in ("name", "phone", "verified", "verification"):
                if k not in c:
                    bad(cid, f"caller.{k} missing")
            if h["intent"]["label"] not in SUBFLOWS or not 0 <= h["intent"]["confidence"] <= 1:
                bad(cid, "intent label must be an ontology subflow, confidence 0..1")
            if h["trigger"]["code"] not in TRIGGERS:
                bad(cid, f"trigger code {h['trigger']['code']}")
            if h["language"] != "en":
                bad(cid, "language")
            for a in h["aiAttempts"]:
                if set(a) != {"tool", "input", "ok", "result"}:
                    bad(cid, f"aiAttempt keys {sorted(a)}")
            pkg["customer_name"] = c["name"]
            pkg["phone"] = c["phone"]
            for f in h["facts"]:
                if f["name"] not in FACTS or f.get("source") not in ("caller", "system"):
                    bad(cid, f"package fact {f}")
                if f["name"] in pkg and pkg[f["name"]] != f["value"]:
                    bad(cid, f"package has two values for {f['name']}")
                pkg[f["name"]] = f["value"]

        # ---- turns ----
        turns = call["turns"]
        stats["turns"] += len(turns)
        if len(turns) < 8:
            bad(cid, "fewer than 8 turns")
        last = call["pickupAtMs"]
        for i, t in enumerate(turns):
            if t["speaker"] not in ("agent", "customer") or not t["text"].strip():
                bad(cid, f"turn {i} speaker/text")
            if t["atMs"] <= last:
                bad(cid, f"turn {i} atMs not increasing")
            last = t["atMs"]
            key = t["text"].strip().lower()
            if key in seen_text:
                bad(cid, f"turn {i} text also used in {seen_text[key]}")
            seen_text[key] = f"{cid}#{i}"
            if key in example_texts:
                bad(cid, f"turn {i} copies a shipped example turn")
            if sum(ch.isupper() for ch in t["text"]) > 3:
                bad(cid, f"turn {i}: ASR text here is lower case")
        if {t["speaker"] for t in turns} != {"agent", "customer"}:
            bad(cid, "both speakers must talk")

        # ---- truth ----
        tr = call["truth"]
        if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
            bad(cid, f"truth keys {sorted(tr)}")
        facts = tr["facts"]
        stats["truth facts"] += len(facts)
        turn_texts = [t["text"] for t in turns]
        for k, v in facts.items():
            if k not in FACTS:
                bad(cid, f"unknown fact name {k}")
                continue
            if k == "product":
                if v not in PRODUCTS:
                    bad(cid, f"product {v!r} not in the ABCD catalogue")
            elif not re.match(FORMATS[k], v):
                bad(cid, f"{k} value {v!r} not canonical")
            evidence = turn_texts + ([] if h is None else [json.dumps(h)])
            if not said(k, v, evidence):
                bad(cid, f"no evidence that {k}={v!r} was said or packaged")
            if h is None and not said(k, v, turn_texts):
                bad(cid, f"{k}={v!r}: with a damaged package only the turns count")
        errs = tr["contextErrors"]
        for e in errs:
            fname = e.split(".", 1)[1] if e.startswith("facts.") else None
            if fname not in pkg:
                bad(cid, f"contextError {e} does not name a package fact")
            elif facts.get(fname) in (None, pkg[fname]):
                bad(cid, f"contextError {e}: truth must hold the corrected, different value")
            err_kinds.append(fname)
        for k, v in pkg.items():
            if f"facts.{k}" in errs:
                continue
            if facts.get(k) != v:
                bad(cid, f"package fact {k}={v!r} missing or different in truth.facts")
        if set(notes.get("corrections", {})) != set(errs):
            bad(cid, "notes.corrections and truth.contextErrors disagree")
        for e, ti in notes.get("corrections", {}).items():
            if turns[ti]["speaker"] != "customer":
                bad(cid, f"correction of {e} should come from a customer turn")
        stats["context errors"] += len(errs)

        reps = tr["repeats"]
        if reps != sorted(set(reps)):
            bad(cid, "repeats must be sorted and unique")
        if h is None and reps:
            bad(cid, "no repeats without a valid package")
        if sorted(int(k) for k in notes.get("repeats", {})) != reps:
            bad(cid, "notes.repeats and truth.repeats disagree")
        for k, fname in notes.get("repeats", {}).items():
            i = int(k)
            if i >= len(turns) or turns[i]["speaker"] != "customer":
                bad(cid, f"repeat {i} is not a customer turn")
                continue
            if fname not in pkg or f"facts.{fname}" in errs:
                bad(cid, f"repeat {i}: {fname} is not a correct package fact")
            elif not said(fname, pkg[fname], [turns[i]["text"]]):
                bad(cid, f"repeat {i}: the turn does not carry the value of {fname}")
        stats["repeats"] += len(reps)
        for i in notes.get("readbackConfirms", []):
            if turns[i]["speaker"] != "customer" or turns[i - 1]["speaker"] != "agent" or i in reps:
                bad(cid, f"read-back confirmation {i} must be a customer reply to an agent turn, not a repeat")
            if len(turns[i]["text"].split()) > 6:
                bad(cid, f"read-back confirmation {i} should be a bare confirmation")
        stats["read-back confirmations"] += len(notes.get("readbackConfirms", []))

        ks = tr["kbSubflows"]
        if not ks or any(s not in SUBFLOWS for s in ks):
            bad(cid, f"kbSubflows {ks}")
        else:
            primaries.append(ks[0]); flows.add(SUBFLOWS[ks[0]])
            if h is not None and h["intent"]["label"] != ks[0]:
                bad(cid, "intent label should be the primary subflow")
        hb = tr["handBack"]
        if hb is None:
            stats["hand-back none"] += 1
        elif set(hb) != {"task", "allowed"} or not re.match(r"^[a-z][a-z0-9_]*$", hb["task"]) \
                or not isinstance(hb["allowed"], bool):
            bad(cid, f"handBack {hb}")
        else:
            stats["hand-back allowed" if hb["allowed"] else "hand-back refused"] += 1
        if not isinstance(tr["injection"], bool):
            bad(cid, "injection must be a boolean")
        if tr["injection"] != bool(notes.get("injectionWhere")):
            bad(cid, "injection and notes.injectionWhere disagree")
        if tr["injection"]:
            stats["steering (injection)"] += 1

    # ---- batch coverage ----
    if len(flows) != 10:
        bad("batch", f"primary subflows cover {len(flows)} of 10 flows")
    if len(set(primaries)) != 20:
        bad("batch", "primary subflows must be 20 different ones")
    avg = stats["turns"] / max(1, stats["calls"])
    if not 10 <= avg <= 14:
        bad("batch", f"average turns {avg:.1f} outside 10..14")
    if stats["damaged packages"] != 3 or len(set(damage_kinds)) != 3:
        bad("batch", "need 3 damaged packages of different kinds")
    if len(err_kinds) != len(set(err_kinds)) or not 5 <= len(err_kinds) <= 7:
        bad("batch", f"context errors should be about 6, each a different fact: {err_kinds}")
    if stats["read-back confirmations"] < 2:
        bad("batch", "need at least two read-back confirmations")
    if stats["steering (injection)"] != 3:
        bad("batch", "need 3 steering calls")

    # ---- labels.md ----
    labels = open(os.path.join(ROOT, "labels.md"), encoding="utf-8").read()
    sections = {m.group(1): m.start() for m in re.finditer(r"^## (b10a-\d\d-[a-z0-9-]+)", labels, re.M)}
    order = sorted(sections.values()) + [len(labels)]
    for cid in sorted(seen_ids):
        if cid not in sections:
            bad(cid, "no section in labels.md"); continue
        start = sections[cid]
        body = labels[start:order[order.index(start) + 1]]
        call = json.load(open(os.path.join(ROOT, "calls", cid + ".json")))
        for k, v in call["truth"]["facts"].items():
            if not re.search(rf"^\| {re.escape(k)} \| `{re.escape(v)}` \|", body, re.M):
                bad(cid, f"labels.md has no row '| {k} | `{v}` |'")
        for row in ("repeats", "contextErrors", "kbSubflows", "handBack", "injection"):
            if not re.search(rf"^\| {row} \|", body, re.M):
                bad(cid, f"labels.md has no {row} row")
        m = re.search(r"^\| repeats \| `([^`]*)` \|", body, re.M)
        if m and m.group(1) != json.dumps(call["truth"]["repeats"]):
            bad(cid, "labels.md repeats row differs from truth")
        m = re.search(r"^\| handBack \| `([^`]*)` \|", body, re.M)
        hb = call["truth"]["handBack"]
        want = "null" if hb is None else f"{hb['task']} allowed={str(hb['allowed']).lower()}"
        if m and m.group(1) != want:
            bad(cid, f"labels.md handBack row should read `{want}`")

    # ---- README counts ----
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    for k, v in stats.items():
        if f"| {k} | {v} |" not in readme:
            bad("README", f"counts table should have '| {k} | {v} |'")

    for k, v in stats.items():
        print(f"{k:24} {v}")
    print(f"{'average turns':24} {avg:.2f}")
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print(" -", p)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
