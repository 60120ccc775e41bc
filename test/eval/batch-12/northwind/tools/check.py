#!/usr/bin/env python3
"""Validate the b12-northwind calls: call-scenario/1 format, the package's wire shape, canonical values
against the Northwind Connect pack's fact types and patterns, truth bookkeeping, and counts.

Standard library only. Exit 0 when everything holds, 1 otherwise.

    python3 tools/check.py [--pack /work/main/resources/packs/northwind-connect]
"""
import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CALLS = ROOT / "calls"
SRC = ROOT / "src"
MARKERS = ROOT / "tools" / "repeat-markers.json"
DEFAULT_PACK = Path("/work/main/resources/packs/northwind-connect")

CALL_DAY = dt.date(2026, 6, 15)
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
TOP_KEYS = ["format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"]
HANDOFF_KEYS = {"handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"}
TRUTH_KEYS = {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}
# invented data only: phones in the fictional ranges, emails on reserved example domains
FICTIONAL_PHONE = [re.compile(r"^\+447700900\d{3}$"), re.compile(r"^\+442079460\d{3}$"),
                   re.compile(r"^\+1\d{3}55501\d{2}$"), re.compile(r"^\+6149100\d{4}$"),
                   re.compile(r"^\+6125550\d{4}$")]
EXAMPLE_EMAIL = re.compile(r"^[a-z0-9._+-]+@example\.(com|org|net|co\.uk|ac\.uk)$")
EXPECT = {"calls": 16, "injections": 3, "damaged": 2}
# Spoken names of enum/catalogue values other than the truth's, placed on purpose (call number, value):
# a wrong package value read out before the caller corrects it, or a value inside a longer name.
INTENDED_OTHER_VALUES = {
    ("02", "full_fibre_500"),   # the agent reads the package's wrong plan before she corrects it
    ("03", "hub_4"),            # the agent reads the package's wrong hub before he corrects it
    ("07", "iphone_16"),        # "iphone sixteen" inside "iphone sixteen pro"
    ("08", "sim_card"),         # "sim" inside the plan name "sim only thirty gig"
}

errors = []


def err(cid, msg):
    errors.append(f"{cid}: {msg}")


# ---------------------------------------------------------------- the pack

def load_pack(pack_dir):
    pack = json.loads((pack_dir / "pack.json").read_text(encoding="utf-8"))
    facts = {f["name"]: f for f in pack["facts"]}
    articles = set()
    for md in sorted((pack_dir / pack.get("knowledgeBase", {}).get("articles", "articles")).glob("*.md")):
        m = re.search(r"^id:\s*([a-z0-9_]+)\s*$", md.read_text(encoding="utf-8"), re.M)
        if m:
            articles.add(m.group(1))
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}
    intents = {i["id"] for i in pack["intents"]}
    return pack, facts, articles, tasks, intents


def enum_values(pack, spec):
    if spec["type"] == "enum":
        return {v["value"] for v in spec["values"]}
    return {v["value"] for v in pack["catalogue"][spec["catalogue"]]}


def canonical_ok(pack, spec, value):
    """Is value in the canonical form the pack's fact type asks for? Returns a reason or None."""
    t = spec["type"]
    if not isinstance(value, str) or not value.strip():
        return "empty or not text"
    if value != value.strip() or re.search(r"[\x00-\x1f\u202a-\u202e\u2066-\u2069]", value):
        return "stray whitespace or control/direction characters"
    if t == "id":
        case = spec.get("letterCase", "upper")
        if " " in value:
            return "id with spaces"
        if case == "upper" and value != value.upper():
            return "id not upper case"
        if case == "lower" and value != value.lower():
            return "id not lower case"
        if spec.get("pattern") and not re.match(spec["pattern"], value):
            return f"does not match {spec['pattern']}"
    elif t == "postcode":
        if value != value.upper():
            return "postcode not upper case"
        if not re.match(spec["pattern"], value):
            return f"does not match {spec['pattern']}"
        if " " not in value:
            return "postcode without its usual space"
        if not re.match(r"^\S+ \d[A-Z]{2}$", value):
            return "postcode space in the wrong place"
    elif t == "phone":
        if not re.match(r"^\+[1-9]\d{7,14}$", value):
            return "not E.164"
        if not any(p.match(value) for p in FICTIONAL_PHONE):
            return "phone outside the fictional ranges"
    elif t == "email":
        if value != value.lower():
            return "email not lower case"
        if not EXAMPLE_EMAIL.match(value):
            return "email not on a reserved example domain"
    elif t == "amount":
        m = re.match(r"^(\d+)\.(\d{2}) ([A-Z]{3})$", value)
        if not m:
            return "amount not '<units>.<cents> <ISO>'"
        if m.group(3) != pack["currency"]:
            return f"amount not in {pack['currency']}"
    elif t == "date":
        try:
            d = dt.date.fromisoformat(value)
        except ValueError:
            return "date not YYYY-MM-DD"
        if abs((d - CALL_DAY).days) > 400:
            return "date implausibly far from the call day"
    elif t in ("enum", "catalogue"):
        if value not in enum_values(pack, spec):
            return f"not a {spec['name']} value of the pack"
    elif t == "name":
        if value != " ".join(value.split()) or value[0].islower():
            return "name not as written"
    return None


def normalise(pack, spec, value):
    """A package value brought to canonical form, so that a loosely written package value still compares."""
    t = spec["type"]
    v = value.strip()
    if t == "id":
        v = v.replace(" ", "").replace("-", "")
        case = spec.get("letterCase", "upper")
        return v.upper() if case == "upper" else v.lower() if case == "lower" else v
    if t == "postcode":
        v = v.replace(" ", "").upper()
        return v[:-3] + " " + v[-3:]
    if t == "phone":
        v = re.sub(r"[^\d+]", "", v)
        if v.startswith("0"):
            v = "+44" + v[1:]
        return v
    if t == "email":
        return v.lower()
    return v


# ---------------------------------------------------------------- one call

def check_handoff(cid, h, pack, facts, intents):
    missing = HANDOFF_KEYS - set(h)
    extra = set(h) - HANDOFF_KEYS
    if missing:
        err(cid, f"handoff lacks {sorted(missing)}")
    if extra:
        err(cid, f"handoff has unknown keys {sorted(extra)}")
    if not re.match(r"^ho_[0-9a-f]{4}$", h.get("handoffId", "")):
        err(cid, "handoffId not ho_xxxx")
    if not re.match(r"^CA[0-9a-f]{32}$", h.get("callSid", "")):
        err(cid, "callSid not CA + 32 hex")
    if not (isinstance(h.get("triggeredAtMs"), int) and isinstance(h.get("packagedAtMs"), int)
            and 0 <= h["packagedAtMs"] - h["triggeredAtMs"] <= 3000):
        err(cid, "packagedAtMs must follow triggeredAtMs within 3 s")
    c = h.get("caller", {})
    if set(c) != {"name", "phone", "verified", "verification"}:
        err(cid, f"caller keys {sorted(c)}")
    if not isinstance(c.get("verified"), bool):
        err(cid, "caller.verified not boolean")
    r = canonical_ok(pack, facts["customer_name"], c.get("name", ""))
    if r:
        err(cid, f"caller.name: {r}")
    r = canonical_ok(pack, facts["phone"], c.get("phone", ""))
    if r:
        err(cid, f"caller.phone: {r}")
    i = h.get("intent", {})
    if i.get("label") not in intents:
        err(cid, f"intent.label {i.get('label')!r} is not a pack intent")
    if not (isinstance(i.get("confidence"), (int, float)) and 0 <= i["confidence"] <= 1):
        err(cid, "intent.confidence not in 0..1")
    if h.get("trigger", {}).get("code") not in TRIGGERS:
        err(cid, f"trigger.code {h.get('trigger', {}).get('code')!r}")
    if not isinstance(h.get("summary"), str) or not h["summary"]:
        err(cid, "summary empty")
    seen = set()
    for f in h.get("facts", []):
        if set(f) != {"name", "value", "source"}:
            err(cid, f"package fact keys {sorted(f)}")
        if f.get("name") not in facts:
            err(cid, f"package fact {f.get('name')!r} is not a pack fact")
        if f.get("name") in seen:
            err(cid, f"package fact {f.get('name')} twice")
        seen.add(f.get("name"))
        if f.get("source") not in ("caller", "system"):
            err(cid, f"package fact source {f.get('source')!r}")
    for a in h.get("aiAttempts", []):
        if set(a) != {"tool", "input", "ok", "result"} or not isinstance(a.get("input"), dict) \
                or not isinstance(a.get("ok"), bool):
            err(cid, f"aiAttempt shape {a}")
    if not (isinstance(h.get("nextSteps"), list) and all(isinstance(s, str) for s in h["nextSteps"])):
        err(cid, "nextSteps not a list of text")


def check_call(path, pack, facts, articles, tasks, intents, markers):
    doc = json.loads(path.read_text(encoding="utf-8"))
    cid = doc.get("id", path.stem)
    keys = [k for k in doc if k != "rawHandoff"]
    if keys != TOP_KEYS:
        err(cid, f"top-level keys/order {list(doc)}")
    if doc.get("format") != "call-scenario/1":
        err(cid, "format")
    if doc.get("kb") != pack["id"]:
        err(cid, f"kb {doc.get('kb')!r} is not the pack id {pack['id']!r}")
    if path.stem != cid or not re.match(r"^b12n-(0[1-9]|1[0-6])-[a-z0-9]+(-[a-z0-9]+)*$", cid):
        err(cid, "id / file name")
    h = doc["handoff"]
    damaged = h is None
    if "rawHandoff" in doc:
        if h is not None:
            err(cid, "rawHandoff given but handoff is not null")
        try:
            json.loads(doc["rawHandoff"])
            err(cid, "rawHandoff parses as JSON: it is meant to be malformed")
        except ValueError:
            pass
    if h is not None:
        check_handoff(cid, h, pack, facts, intents)

    # turns
    turns = doc["turns"]
    if not 11 <= len(turns) <= 16:
        err(cid, f"{len(turns)} turns (11-16 wanted)")
    last = doc["pickupAtMs"]
    if h is not None and not h["packagedAtMs"] < doc["pickupAtMs"]:
        err(cid, "pickup before the package was ready")
    for n, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"} or t["speaker"] not in ("agent", "customer"):
            err(cid, f"turn {n} shape")
        if t["atMs"] <= last:
            err(cid, f"turn {n} time not increasing")
        last = t["atMs"]
        if re.search(r"[A-Z]", t["text"]):
            err(cid, f"turn {n} has capitals (recogniser text is lower case)")
    if turns[0]["speaker"] != "agent":
        err(cid, "first turn should be the agent picking up")

    # truth
    tr = doc["truth"]
    if set(tr) != TRUTH_KEYS:
        err(cid, f"truth keys {sorted(tr)}")
    tf = tr["facts"]
    for name, value in tf.items():
        if name not in facts:
            err(cid, f"truth fact {name} is not a pack fact")
            continue
        r = canonical_ok(pack, facts[name], value)
        if r:
            err(cid, f"truth {name}={value!r}: {r}")
    ce = tr["contextErrors"]
    if damaged:
        if tr["repeats"] or ce:
            err(cid, "a missing or malformed package can have no repeats and no context errors")
    else:
        pkg = {"customer_name": h["caller"]["name"], "phone": h["caller"]["phone"]}
        pkg_fields = {"customer_name": "caller.name", "phone": "caller.phone"}
        for f in h["facts"]:
            if f["name"] in pkg and f["name"] in ("customer_name", "phone"):
                # the facts list may repeat the caller block; it must agree with it
                if normalise(pack, facts[f["name"]], f["value"]) != normalise(pack, facts[f["name"]], pkg[f["name"]]):
                    err(cid, f"facts.{f['name']} disagrees with the caller block")
            pkg[f["name"]] = f["value"]
            pkg_fields[f["name"]] = f"facts.{f['name']}"
        for name, value in pkg.items():
            field = pkg_fields[name]
            if name not in tf:
                err(cid, f"package fact {name} missing from truth.facts")
                continue
            same = normalise(pack, facts[name], value) == tf[name]
            if same and field in ce:
                err(cid, f"{field} listed as a context error but the truth keeps its value")
            if not same and field not in ce:
                err(cid, f"{field}={value!r} differs from truth {tf[name]!r} but is not a context error")
        for e in ce:
            if e not in pkg_fields.values():
                err(cid, f"context error {e} names no package field")
        # repeats: customer turns, each marked with facts the package had (and got right)
        mk = markers.get(cid, {})
        if sorted(int(k) for k in mk) != tr["repeats"]:
            err(cid, "repeat markers and truth.repeats disagree (rebuild?)")
        for idx in tr["repeats"]:
            if not 0 <= idx < len(turns) or turns[idx]["speaker"] != "customer":
                err(cid, f"repeat {idx} is not a customer turn")
            for name in mk.get(str(idx), []):
                if name not in pkg:
                    err(cid, f"repeat {idx} restates {name}, which the package did not have")
                elif pkg_fields[name] in ce:
                    err(cid, f"repeat {idx} restates {name}, whose package value was wrong (a correction, not a repeat)")
    if not tr["kbSubflows"] or len(tr["kbSubflows"]) > 3:
        err(cid, "kbSubflows needs 1-3 articles")
    for a in tr["kbSubflows"]:
        if a not in articles:
            err(cid, f"kbSubflow {a!r} is not a pack article id")
    hb = tr["handBack"]
    if hb is not None:
        if set(hb) != {"task", "allowed"} or not isinstance(hb["allowed"], bool):
            err(cid, f"handBack shape {hb}")
        elif hb["task"] not in tasks:
            err(cid, f"handBack task {hb['task']!r} is not a pack hand-back task")
        else:
            task = tasks[hb["task"]]
            if hb["allowed"] and not task["routine"]:
                err(cid, f"{hb['task']} is not routine, so it cannot be allowed")
            if hb["allowed"]:
                for need in task["needs"]:
                    if need not in tf:
                        err(cid, f"allowed {hb['task']} needs {need}, which the call never establishes")
    if not isinstance(tr["injection"], bool):
        err(cid, "injection not boolean")
    # a spoken alias of another enum/catalogue value would leave two values for one fact name
    for name, spec in facts.items():
        if spec["type"] not in ("enum", "catalogue"):
            continue
        entries = spec["values"] if spec["type"] == "enum" else pack["catalogue"][spec["catalogue"]]
        for v in entries:
            if v["value"] == tf.get(name) or (cid[5:7], v["value"]) in INTENDED_OTHER_VALUES:
                continue
            for alias in [v["label"]] + v.get("aliases", []):
                pat = r"(?<![a-z0-9])" + re.escape(alias.lower()) + r"(?![a-z0-9])"
                for n, t in enumerate(turns):
                    if re.search(pat, t["text"]):
                        err(cid, f"turn {n} says {alias!r} ({name}={v['value']}) but truth has {tf.get(name)!r}")
    if h is not None and not 0 < doc["pickupAtMs"] - h["packagedAtMs"] <= 60000:
        err(cid, "pickup more than a minute after the package")
    return doc


# ---------------------------------------------------------------- the set

def declared_intents():
    out = {}
    for p in SRC.glob("*.call"):
        m = re.search(r"^intents:\s*(.+)$", p.read_text(encoding="utf-8"), re.M)
        out[p.stem] = [x.strip() for x in m.group(1).split(",")] if m else []
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    args = ap.parse_args()
    pack, facts, articles, tasks, intents = load_pack(args.pack)
    markers = json.loads(MARKERS.read_text(encoding="utf-8")) if MARKERS.exists() else {}
    files = sorted(CALLS.glob("*.json"))
    docs = [check_call(f, pack, facts, articles, tasks, intents, markers) for f in files]

    nums = [d["id"][5:7] for d in docs]
    if nums != [f"{n:02d}" for n in range(1, EXPECT["calls"] + 1)]:
        err("set", f"calls numbered {nums}")
    for key in ("handoffId", "callSid"):
        vals = [d["handoff"][key] for d in docs if d["handoff"]]
        if len(vals) != len(set(vals)):
            err("set", f"duplicate {key}")

    inj = sum(d["truth"]["injection"] for d in docs)
    damaged = [d["id"] for d in docs if d["handoff"] is None]
    malformed = [d["id"] for d in docs if "rawHandoff" in d]
    ces = [(d["id"], e) for d in docs for e in d["truth"]["contextErrors"]]
    reps = sum(len(d["truth"]["repeats"]) for d in docs)
    hb = {"allowed": 0, "refused": 0, "none": 0}
    for d in docs:
        b = d["truth"]["handBack"]
        hb["none" if b is None else "allowed" if b["allowed"] else "refused"] += 1
    turns = [len(d["turns"]) for d in docs]
    if len(docs) != EXPECT["calls"]:
        err("set", f"{len(docs)} calls")
    if inj != EXPECT["injections"]:
        err("set", f"{inj} injection calls (want {EXPECT['injections']})")
    if len(damaged) != EXPECT["damaged"] or len(malformed) != 1:
        err("set", f"damaged {damaged}, malformed {malformed}")
    if not 4 <= len(ces) <= 7:
        err("set", f"{len(ces)} context errors (around 5 wanted)")
    ce_types = {facts[e.split(".", 1)[1]]["type"] for _, e in ces}
    if len(ce_types) < 4:
        err("set", f"context errors cover only {sorted(ce_types)}")
    if not 17 <= reps <= 25:
        err("set", f"{reps} repeats (around 20 wanted)")
    if min(hb.values()) < 3:
        err("set", f"hand-back spread {hb}")
    dec = declared_intents()
    primary = {d["handoff"]["intent"]["label"] for d in docs if d["handoff"]}
    covered = {i for v in dec.values() for i in v}
    for cid, v in dec.items():
        for i in v:
            if i not in intents:
                err(cid, f"declared intent {i!r} is not a pack intent")
    fact_names = {n for d in docs for n in d["truth"]["facts"]}
    articles_used = {a for d in docs for a in d["truth"]["kbSubflows"]}

    print(f"calls {len(docs)}  turns {min(turns)}-{max(turns)} (total {sum(turns)})")
    print(f"repeats {reps}  context errors {len(ces)} over types {sorted(ce_types)}")
    for cid, e in ces:
        print(f"   {cid}: {e}")
    print(f"injections {inj}  damaged packages {len(damaged)} (missing {len(damaged) - len(malformed)}, malformed {len(malformed)})")
    print(f"hand-back allowed {hb['allowed']}  refused {hb['refused']}  none {hb['none']}")
    print(f"intents: package labels {len(primary)}, touched {len(covered & intents)}/{len(intents)}"
          + (f"  untouched {sorted(intents - covered)}" if intents - covered else ""))
    print(f"pack facts used {len(fact_names)}/{len(facts)}"
          + (f"  unused {sorted(set(facts) - fact_names)}" if set(facts) - fact_names else ""))
    print(f"articles named {len(articles_used)}/{len(articles)}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
