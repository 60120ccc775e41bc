#!/usr/bin/env python3
"""Serialise, time and check the hand-written Northwind Connect call scenarios (batch-07).

This script only
  * serialises the hand-written dicts in src/calls/*.py to calls/<id>.json,
  * gives each turn an atMs (deterministic pacing from the text length), and
  * checks format, canonical values, labels, counts, duplicates and the README table.
It never writes an utterance, a value or a label: every one of those is typed by hand in src/calls/.

Usage:  python3 src/build.py            (build, then check; exit 1 on any problem)
        python3 src/build.py --check    (check the JSON already in calls/ without rebuilding)
"""
import datetime as dt
import glob
import hashlib
import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALLS_OUT = os.path.join(ROOT, "calls")
PACK_DIR = "/work/main/resources/packs/northwind-connect"
CALL_DATE = dt.date(2026, 6, 15)

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
PARTICLES = {"de", "la", "van", "der", "den", "von", "da", "di", "du", "le", "del", "dos", "das", "bin", "al"}
# Fictional number ranges: Ofcom drama ranges (UK) and 555-01xx (US).
UK_OK = [r"^\+447700900\d{3}$", r"^\+44(113|114|115|116|117|118|121|131|141|151|161)496\d{4}$",
         r"^\+44191498\d{4}$", r"^\+44207946\d{4}$", r"^\+442920180\d{3}$", r"^\+441632960\d{3}$"]
US_OK = r"^\+1[2-9]\d{2}55501\d{2}$"

problems = []


def bad(cid, msg):
    problems.append(f"{cid}: {msg}")


def load_pack():
    with open(os.path.join(PACK_DIR, "pack.json"), encoding="utf-8") as f:
        pack = json.load(f)
    articles = set()
    for path in glob.glob(os.path.join(PACK_DIR, "articles", "*.md")):
        with open(path, encoding="utf-8") as f:
            m = re.search(r"^id:\s*(\S+)\s*$", f.read(), re.M)
            if m:
                articles.add(m.group(1))
    return pack, articles


def load_sources():
    out = []
    for path in sorted(glob.glob(os.path.join(HERE, "calls", "c*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        out.append((path, mod.CALL, mod.META))
    return out


def h(*parts):
    return int(hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:8], 16)


def time_turns(cid, pickup, turns):
    """Pacing only: ~62 ms per character of speech plus a pause between turns."""
    t = pickup + 1400 + h(cid, "first") % 1600
    out = []
    for i, (speaker, text) in enumerate(turns):
        out.append({"atMs": t, "speaker": speaker, "text": text})
        t += 450 + 62 * len(text) + 350 + h(cid, i) % 900
    return out


def serialise(call):
    doc = {"format": "call-scenario/1", "id": call["id"], "title": call["title"], "kb": "northwind-connect",
           "handoff": call["handoff"]}
    if "rawHandoff" in call:
        doc["rawHandoff"] = call["rawHandoff"]
    doc["pickupAtMs"] = call["pickupAtMs"]
    doc["turns"] = time_turns(call["id"], call["pickupAtMs"], call["turns"])
    doc["truth"] = call["truth"]
    return doc


# ---------------------------------------------------------------- value checks

def check_value(cid, where, fact, value, pack_facts, pack):
    f = pack_facts.get(fact)
    if f is None:
        bad(cid, f"{where}: unknown fact name {fact!r}")
        return
    if not isinstance(value, str) or not value.strip():
        bad(cid, f"{where}: {fact} must be a non-empty string")
        return
    if re.search(r"[\x00-\x1f\u200e\u200f\u202a-\u202e\u2066-\u2069]", value):
        bad(cid, f"{where}: {fact} holds control or direction characters")
    t = f["type"]
    if t == "id":
        if not re.fullmatch(f["pattern"], value) or value != value.upper():
            bad(cid, f"{where}: {fact} {value!r} does not match {f['pattern']} in upper case")
    elif t == "postcode":
        if not re.fullmatch(f["pattern"], value) or value != value.upper() or " " not in value:
            bad(cid, f"{where}: postcode {value!r} is not canonical (upper case, with its space)")
    elif t == "phone":
        if value.startswith("+44"):
            if not any(re.fullmatch(p, value) for p in UK_OK):
                bad(cid, f"{where}: {fact} {value!r} is not E.164 in a fictional UK range")
        elif not re.fullmatch(US_OK, value):
            bad(cid, f"{where}: {fact} {value!r} is not E.164 +1 555-01xx")
    elif t == "email":
        if not re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", value):
            bad(cid, f"{where}: email {value!r} is not lower-case local@domain.tld")
    elif t == "amount":
        if not re.fullmatch(r"\d+\.\d{2} " + pack["currency"], value):
            bad(cid, f"{where}: amount {value!r} is not 'N.NN {pack['currency']}'")
    elif t == "date":
        try:
            d = dt.date.fromisoformat(value)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or abs((d - CALL_DATE).days) > 400:
                raise ValueError
        except ValueError:
            bad(cid, f"{where}: date {value!r} is not a plausible YYYY-MM-DD")
    elif t == "enum":
        if value not in {v["value"] for v in f["values"]}:
            bad(cid, f"{where}: {fact} {value!r} is not one of the pack's values")
    elif t == "catalogue":
        if value not in {v["value"] for v in pack["catalogue"][f["catalogue"]]}:
            bad(cid, f"{where}: {fact} {value!r} is not in catalogue {f['catalogue']}")
    elif t == "name":
        parts = re.split(r"[ ]+", value)
        if len(parts) < 2:
            bad(cid, f"{where}: name {value!r} needs first and last name")
        for p in parts:
            if p in PARTICLES:
                continue
            for sub in p.split("-"):
                if not sub or not sub[0].isupper():
                    bad(cid, f"{where}: name part {sub!r} in {value!r} is not capitalised")
        if re.match(r"(?i)(mr|mrs|ms|miss|dr|sir)\.? ", value):
            bad(cid, f"{where}: name {value!r} includes a title")


def check_doc(doc, meta, pack, articles, pack_facts, tasks):
    cid = doc.get("id", "?")
    if doc.get("format") != "call-scenario/1":
        bad(cid, "format is not call-scenario/1")
    if not re.fullmatch(r"b7n-[a-z0-9]+(-[a-z0-9]+)*", cid):
        bad(cid, "id is not kebab-case with the b7n- prefix")
    if doc.get("kb") != pack["id"]:
        bad(cid, f"kb must be {pack['id']}")
    if not doc.get("title"):
        bad(cid, "missing title")
    turns = doc["turns"]
    if not 14 <= len(turns) <= 20:
        bad(cid, f"{len(turns)} turns, want 14-20")
    last = doc["pickupAtMs"]
    for i, t in enumerate(turns):
        if t["speaker"] not in ("agent", "customer"):
            bad(cid, f"turn {i}: bad speaker")
        if t["atMs"] <= last:
            bad(cid, f"turn {i}: atMs not increasing")
        last = t["atMs"]
        if not t["text"].strip():
            bad(cid, f"turn {i}: empty text")
    if turns and turns[0]["speaker"] != "agent":
        bad(cid, "first turn should be the agent's greeting")

    ho = doc["handoff"]
    truth = doc["truth"]
    for k in ("facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"):
        if k not in truth:
            bad(cid, f"truth.{k} missing")
    pkg_values = {}
    if ho is None:
        if "rawHandoff" in doc:
            try:
                json.loads(doc["rawHandoff"])
                bad(cid, "rawHandoff parses as JSON; a damaged package must be malformed")
            except ValueError:
                pass
    else:
        if "rawHandoff" in doc:
            bad(cid, "rawHandoff given with a valid handoff")
        for k in ("handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                  "facts", "aiAttempts", "trigger", "nextSteps", "language"):
            if k not in ho:
                bad(cid, f"handoff.{k} missing")
        if not re.fullmatch(r"ho_[0-9a-f]{4}", ho["handoffId"]):
            bad(cid, "handoffId shape")
        if not re.fullmatch(r"CA[0-9a-f]{32}", ho["callSid"]):
            bad(cid, f"callSid shape {ho['callSid']}")
        if not ho["triggeredAtMs"] <= ho["packagedAtMs"] < doc["pickupAtMs"]:
            bad(cid, "times: triggered <= packaged < pickup")
        if ho["packagedAtMs"] - ho["triggeredAtMs"] > 500:
            bad(cid, "packaging took more than 500 ms")
        c = ho["caller"]
        for k in ("name", "phone", "verified", "verification"):
            if k not in c:
                bad(cid, f"handoff.caller.{k} missing")
        if ho["intent"]["label"] not in {i["id"] for i in pack["intents"]}:
            bad(cid, f"intent {ho['intent']['label']} not in pack")
        if not 0 < ho["intent"]["confidence"] <= 1:
            bad(cid, "intent confidence out of range")
        if ho["trigger"]["code"] not in TRIGGERS:
            bad(cid, f"trigger code {ho['trigger']['code']}")
        pkg_values["customer_name"] = c["name"]
        pkg_values["phone"] = c["phone"]
        check_value(cid, "handoff.caller.name", "customer_name", c["name"], pack_facts, pack)
        check_value(cid, "handoff.caller.phone", "phone", c["phone"], pack_facts, pack)
        for f in ho["facts"]:
            if f.get("source") not in ("caller", "system"):
                bad(cid, f"package fact {f['name']} has source {f.get('source')}")
            check_value(cid, f"handoff.facts.{f['name']}", f["name"], f["value"], pack_facts, pack)
            if f["name"] in pkg_values and pkg_values[f["name"]] != f["value"]:
                bad(cid, f"package holds two values for {f['name']}")
            pkg_values[f["name"]] = f["value"]

    facts = truth["facts"]
    for name, value in facts.items():
        check_value(cid, f"truth.facts.{name}", name, value, pack_facts, pack)
    errs = truth["contextErrors"]
    for e in errs:
        m = re.fullmatch(r"facts\.([a-z_]+)", e)
        if not m or m.group(1) not in pkg_values:
            bad(cid, f"contextError {e} names no package value")
        elif facts.get(m.group(1)) == pkg_values[m.group(1)]:
            bad(cid, f"contextError {e} but truth keeps the package value")
    for name, value in pkg_values.items():
        if f"facts.{name}" in errs:
            continue
        if facts.get(name) != value:
            bad(cid, f"package value {name}={value!r} missing or changed in truth without a contextError")
    for i in truth["repeats"]:
        if ho is None:
            bad(cid, "repeats with no valid package")
        if not 0 <= i < len(turns) or turns[i]["speaker"] != "customer":
            bad(cid, f"repeat {i} is not a customer turn")
    if truth["repeats"] != sorted(set(truth["repeats"])):
        bad(cid, "repeats not sorted/unique")
    ks = truth["kbSubflows"]
    if not 1 <= len(ks) <= 3 or any(k not in articles for k in ks):
        bad(cid, f"kbSubflows {ks} must be 1-3 pack article ids")
    hb = truth["handBack"]
    if hb is not None:
        if hb.get("task") not in tasks:
            bad(cid, f"handBack task {hb.get('task')} not a pack task")
        else:
            task = tasks[hb["task"]]
            if hb["allowed"] and not task["routine"]:
                bad(cid, "allowed hand-back of a non-routine task")
            if hb["allowed"]:
                for need in task["needs"]:
                    if need not in facts:
                        bad(cid, f"allowed {hb['task']} needs {need}, absent from truth")
                vt = meta.get("verified_on_call")
                pkg_verified = ho is not None and ho["caller"]["verified"]
                if not pkg_verified:
                    if vt is None or turns[vt]["speaker"] != "agent" or not re.search(
                            r"verified|through security|passed security|that's you through", turns[vt]["text"]):
                        bad(cid, "allowed hand-back but no stated verification")
            if not hb["allowed"] and not meta.get("refusal"):
                bad(cid, "refused hand-back without a refusal note in META")
    if not isinstance(truth["injection"], bool):
        bad(cid, "injection must be boolean")
    if truth["injection"] != bool(meta.get("steering")):
        bad(cid, "injection label and META steering disagree")
    for a, c in meta.get("readbacks", []):
        if turns[a]["speaker"] != "agent" or turns[c]["speaker"] != "customer" or c != a + 1:
            bad(cid, f"readback pair ({a},{c}) is not agent then customer")


def check_readme(docs):
    path = os.path.join(ROOT, "README.md")
    if not os.path.exists(path):
        bad("README", "missing")
        return
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\|\s*`(b7n-[^`]+)`\s*\|(.*)\|\s*$", line)
            if m:
                rows[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    for d in docs:
        cid, t = d["id"], d["truth"]
        r = rows.get(cid)
        if r is None:
            bad("README", f"no table row for {cid}")
            continue
        # columns: intent | kbSubflows | repeats | contextErrors | handBack | injection | package | notes
        want_rep = ", ".join(map(str, t["repeats"])) or "-"
        want_err = ", ".join(e.replace("facts.", "") for e in t["contextErrors"]) or "-"
        hb = t["handBack"]
        want_hb = "-" if hb is None else ("allowed " if hb["allowed"] else "refused ") + f"`{hb['task']}`"
        want_inj = "yes" if t["injection"] else "no"
        want_pkg = "none" if d["handoff"] is None and "rawHandoff" not in d else (
            "malformed" if d["handoff"] is None else "valid")
        want_kb = ", ".join(t["kbSubflows"])
        got = r[1:7]
        want = [want_kb, want_rep, want_err, want_hb, want_inj, want_pkg]
        if got != want:
            bad("README", f"{cid} row {got} != {want}")
    if len(rows) != len(docs):
        bad("README", f"table has {len(rows)} rows for {len(docs)} calls")


def main():
    check_only = "--check" in sys.argv
    pack, articles = load_pack()
    pack_facts = {f["name"]: f for f in pack["facts"]}
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}
    sources = load_sources()
    os.makedirs(CALLS_OUT, exist_ok=True)
    docs = []
    metas = {}
    for path, call, meta in sources:
        metas[call["id"]] = meta
        out = os.path.join(CALLS_OUT, call["id"] + ".json")
        if not check_only:
            with open(out, "w", encoding="utf-8") as f:
                json.dump(serialise(call), f, ensure_ascii=False, indent=2)
                f.write("\n")
    for out in sorted(glob.glob(os.path.join(CALLS_OUT, "*.json"))):
        with open(out, encoding="utf-8") as f:
            d = json.load(f)
        if os.path.basename(out) != d["id"] + ".json":
            bad(d["id"], "file name does not match id")
        if d["id"] not in metas:
            bad(d["id"], "JSON has no source in src/calls")
            continue
        docs.append(d)
        check_doc(d, metas[d["id"]], pack, articles, pack_facts, tasks)

    # across calls
    ids = [d["id"] for d in docs]
    if len(ids) != len(set(ids)):
        bad("ALL", "duplicate ids")
    seen = {}
    for d in docs:
        for i, t in enumerate(d["turns"]):
            key = re.sub(r"\s+", " ", t["text"].strip().lower())
            if key in seen:
                bad(d["id"], f"turn {i} duplicates {seen[key]}")
            seen[key] = f"{d['id']} turn {i}"
    lookups = json.load(open(os.path.join(PACK_DIR, "lookups.json"), encoding="utf-8"))["accounts"]
    owner = {}
    for d in docs:
        for name in ("account_number", "phone", "mobile_number", "email", "sim_serial", "switching_code"):
            v = d["truth"]["facts"].get(name)
            if v is None:
                continue
            if name == "account_number" and v in lookups:
                bad(d["id"], f"account {v} collides with the pack's demo lookups")
            if v in owner and owner[v] != d["id"]:
                bad(d["id"], f"{name} {v} also used in {owner[v]}")
            owner[v] = d["id"]
        for k in ("summary",):
            pass

    n = len(docs)
    err_calls = sum(1 for d in docs if d["truth"]["contextErrors"])
    readback_calls = sum(1 for d in docs if metas[d["id"]].get("readbacks"))
    inj = sum(1 for d in docs if d["truth"]["injection"])
    allowed = sum(1 for d in docs if d["truth"]["handBack"] and d["truth"]["handBack"]["allowed"])
    refused = sum(1 for d in docs if d["truth"]["handBack"] and not d["truth"]["handBack"]["allowed"])
    none_hb = sum(1 for d in docs if d["truth"]["handBack"] is None)
    damaged = sum(1 for d in docs if d["handoff"] is None)
    repeats = sum(len(d["truth"]["repeats"]) for d in docs)
    turns = sum(len(d["turns"]) for d in docs)
    allowed_tasks = {d["truth"]["handBack"]["task"] for d in docs if d["truth"]["handBack"] and d["truth"]["handBack"]["allowed"]}
    for want, got, what in ((20, n, "calls"), (6, err_calls, "calls with a context error"),
                            (3, inj, "steering calls"), (7, allowed, "allowed hand-backs"),
                            (7, refused, "refused hand-backs"), (6, none_hb, "null hand-backs"),
                            (2, damaged, "damaged packages")):
        if want != got:
            bad("COUNTS", f"{what}: {got}, want {want}")
    if readback_calls < 6:
        bad("COUNTS", f"read-back-and-confirm calls: {readback_calls}, want >= 6")
    if len(allowed_tasks) != allowed:
        bad("COUNTS", "allowed hand-backs repeat a task")
    check_readme(docs)

    kb_cover = sorted({k for d in docs for k in d["truth"]["kbSubflows"]})
    intents = sorted({d["handoff"]["intent"]["label"] for d in docs if d["handoff"]})
    print(f"calls {n}, turns {turns}, repeats {repeats}, context-error calls {err_calls}, "
          f"read-back calls {readback_calls}, steering {inj}, hand-back allowed/refused/none "
          f"{allowed}/{refused}/{none_hb}, damaged {damaged}")
    print(f"articles covered {len(kb_cover)}/{len(articles)}; package intents {len(intents)}/{len(pack['intents'])}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("clean")


if __name__ == "__main__":
    main()
