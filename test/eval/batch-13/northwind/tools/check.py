#!/usr/bin/env python3
"""Check the b13-northwind call scenarios: format, canonical values, consistency, counts.

Standard library only. Usage:
    python3 tools/check.py [--pack /path/to/northwind-connect]
Exits 0 when every check passes, 1 otherwise.
"""
import json
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
CALLS = ROOT / "calls"
DEFAULT_PACK = pathlib.Path("/work/main/resources/packs/northwind-connect")

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress",
            "off_policy", "tool_failure_repeated", "sensitive_topic"}
FICTIONAL_PHONE = [
    re.compile(r"^\+442079460\d{3}$"),   # +44 20 7946 0xxx
    re.compile(r"^\+447700900\d{3}$"),   # +44 7700 900xxx
    re.compile(r"^\+1\d{3}55501\d{2}$"), # +1 AAA 555 01xx
    re.compile(r"^\+61491000\d{3}$"),    # +61 4 9100 0xxx
    re.compile(r"^\+6125550\d{4}$"),     # +61 2 5550 xxxx
]
ID_RE = re.compile(r"^b13n-(0[1-9]|1[0-6])-[a-z0-9]+(-[a-z0-9]+)*$")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
AMOUNT_RE = re.compile(r"^\d+\.\d{2} [A-Z]{3}$")
EMAIL_RE = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
INVENTED_EMAIL_DOMAINS = {"example.com", "example.co.uk", "example.org", "email.com"}
ADDRESS_RE = re.compile(r"^\d+[A-Za-z]? [A-Z][A-Za-z'-]*( [A-Z][A-Za-z'-]*)*$")

problems = []


def err(where, msg):
    problems.append(f"{where}: {msg}")


def clean(value):
    """Plain text: drop format/control characters (zero-width, direction overrides)."""
    return "".join(ch for ch in value if unicodedata.category(ch) not in ("Cf", "Cc"))


def load_pack(pack_dir):
    pack = json.loads((pack_dir / "pack.json").read_text(encoding="utf-8"))
    articles = set()
    for md in (pack_dir / "articles").glob("*.md"):
        for line in md.read_text(encoding="utf-8").splitlines()[1:]:
            if line.startswith("id:"):
                articles.add(line.split(":", 1)[1].strip())
                break
            if line.startswith("---"):
                break
    return pack, articles


def check_value(where, fact, value):
    t = fact["type"]
    if not isinstance(value, str) or not value.strip():
        err(where, "value must be a non-empty string")
        return
    if value != clean(value):
        err(where, "value carries control or format characters")
    if t == "phone":
        if not any(p.match(value) for p in FICTIONAL_PHONE):
            err(where, f"phone {value} is not E.164 in a fictional range")
    elif t == "email":
        if not EMAIL_RE.match(value):
            err(where, f"email {value} is not a lower-case address")
        elif value.split("@", 1)[1] not in INVENTED_EMAIL_DOMAINS:
            err(where, f"email domain of {value} is not a reserved/invented one")
    elif t == "date":
        if not DATE_RE.match(value):
            err(where, f"date {value} is not YYYY-MM-DD")
    elif t == "amount":
        if not AMOUNT_RE.match(value):
            err(where, f"amount {value} is not '<n>.<cc> CUR'")
    elif t in ("id", "postcode"):
        if "pattern" in fact and not re.match(fact["pattern"], value):
            err(where, f"{value} does not match {fact['pattern']}")
        if t == "id" and " " in value:
            err(where, f"id {value} has a space")
        if t == "postcode" and not re.match(r"^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$", value):
            err(where, f"postcode {value} is not upper case with its space")
    elif t == "enum":
        if value not in {v["value"] for v in fact["values"]}:
            err(where, f"{value} is not a value of {fact['name']}")
    elif t == "catalogue":
        if value not in {v["value"] for v in PACK["catalogue"][fact["catalogue"]]}:
            err(where, f"{value} is not in catalogue {fact['catalogue']}")
    elif t == "address":
        if not ADDRESS_RE.match(value):
            err(where, f"address {value} is not '<number> <Street Name>'")


def validate_package(where, h):
    need = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent",
            "summary", "facts", "aiAttempts", "trigger", "nextSteps", "language"]
    for k in need:
        if k not in h:
            err(where, f"handoff lacks {k}")
    if set(h) - set(need):
        err(where, f"handoff has unknown keys {sorted(set(h) - set(need))}")
    if not re.match(r"^ho_[0-9a-f]{4}$", h.get("handoffId", "")):
        err(where, "handoffId should be ho_ and 4 hex digits")
    if not re.match(r"^CA[0-9a-f]{32}$", h.get("callSid", "")):
        err(where, "callSid should be CA and 32 hex digits")
    if not h.get("triggeredAtMs", 0) < h.get("packagedAtMs", 0):
        err(where, "triggeredAtMs must be before packagedAtMs")
    c = h.get("caller", {})
    for k in ("name", "phone", "verified", "verification"):
        if k not in c:
            err(where, f"caller lacks {k}")
    if not any(p.match(c.get("phone", "")) for p in FICTIONAL_PHONE):
        err(where, f"caller.phone {c.get('phone')} not in a fictional range")
    if h.get("intent", {}).get("label") not in INTENTS:
        err(where, f"intent {h.get('intent')} is not a pack intent")
    conf = h.get("intent", {}).get("confidence", -1)
    if not (0 <= conf <= 1):
        err(where, "intent confidence out of range")
    if h.get("trigger", {}).get("code") not in TRIGGERS:
        err(where, f"trigger code {h.get('trigger')} unknown")
    seen = set()
    for f in h.get("facts", []):
        n = f.get("name")
        if n not in FACTS:
            err(where, f"package fact {n} is not a pack fact")
            continue
        if n in seen:
            err(where, f"package fact {n} twice")
        seen.add(n)
        if f.get("source") not in ("caller", "system"):
            err(where, f"package fact {n} has source {f.get('source')}")
        check_value(f"{where} package.{n}", FACTS[n], f.get("value"))
    for a in h.get("aiAttempts", []):
        if set(a) != {"tool", "input", "ok", "result"}:
            err(where, f"aiAttempt keys {sorted(a)}")


def package_facts(h):
    out = {"customer_name": clean(h["caller"]["name"]), "phone": h["caller"]["phone"]}
    for f in h["facts"]:
        out[f["name"]] = clean(f["value"])
    return out


def raw_is_valid_package(raw):
    try:
        obj = json.loads(raw)
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("caller"), dict) and isinstance(obj.get("facts"), list)


def main():
    global PACK, FACTS, INTENTS
    pack_dir = DEFAULT_PACK
    if "--pack" in sys.argv:
        pack_dir = pathlib.Path(sys.argv[sys.argv.index("--pack") + 1])
    PACK, articles = load_pack(pack_dir)
    FACTS = {f["name"]: f for f in PACK["facts"]}
    INTENTS = {i["id"] for i in PACK["intents"]}
    tasks = {t["id"]: t for t in PACK["handBack"]["tasks"]}

    files = sorted(CALLS.glob("*.json"))
    stats = {"calls": 0, "turns": [], "damaged": 0, "missing": 0, "malformed": 0,
             "injections": 0, "ctx": [], "hb": {"allowed": 0, "refused": 0, "none": 0},
             "repeats": 0, "facts": 0, "fact_names": set()}
    ids = []
    for path in files:
        where = path.name
        d = json.loads(path.read_text(encoding="utf-8"))
        stats["calls"] += 1
        ids.append(d.get("id"))
        if path.stem != d.get("id"):
            err(where, "file name and id differ")
        if not ID_RE.match(d.get("id", "")):
            err(where, "id must be b13n-NN-slug")
        if d.get("format") != "call-scenario/1":
            err(where, "format")
        if d.get("kb") != "northwind-connect":
            err(where, "kb must be northwind-connect")
        allowed_keys = {"format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"}
        if set(d) - allowed_keys:
            err(where, f"unknown keys {sorted(set(d) - allowed_keys)}")
        h = d.get("handoff")
        if h is None:
            stats["damaged"] += 1
            if "rawHandoff" in d:
                stats["malformed"] += 1
                if raw_is_valid_package(d["rawHandoff"]):
                    err(where, "rawHandoff parses as a valid package; it should be damaged")
            else:
                stats["missing"] += 1
        else:
            if "rawHandoff" in d:
                err(where, "rawHandoff only belongs beside a null handoff")
            validate_package(where, h)
            if not h["packagedAtMs"] < d["pickupAtMs"]:
                err(where, "pickup must come after the package")

        turns = d.get("turns", [])
        stats["turns"].append(len(turns))
        if not 12 <= len(turns) <= 18:
            err(where, f"{len(turns)} turns, want 12-18")
        last = d.get("pickupAtMs", 0)
        for i, t in enumerate(turns):
            if t.get("speaker") not in ("agent", "customer"):
                err(where, f"turn {i} speaker")
            if not t.get("atMs", 0) > last:
                err(where, f"turn {i} time not increasing")
            last = t.get("atMs", 0)
            if re.search(r"[A-Z]", t.get("text", "")):
                err(where, f"turn {i} has upper case; the recogniser writes lower case")
        if turns and turns[0]["speaker"] != "agent":
            err(where, "the agent should speak first after pickup")

        tr = d.get("truth", {})
        if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
            err(where, f"truth keys {sorted(tr)}")
        facts = tr.get("facts", {})
        stats["facts"] += len(facts)
        for n, v in facts.items():
            if n not in FACTS:
                err(where, f"truth fact {n} is not a pack fact")
                continue
            stats["fact_names"].add(n)
            check_value(f"{where} truth.{n}", FACTS[n], v)
            if FACTS[n]["type"] == "date" and not v.startswith("2026-"):
                err(where, f"date {v} outside 2026")
        ctx = tr.get("contextErrors", [])
        for c in ctx:
            if not re.match(r"^facts\.[a-z_]+$", c):
                err(where, f"context error {c} malformed")
        if h is not None:
            pf = package_facts(h)
            for n, v in pf.items():
                if n not in facts:
                    err(where, f"package fact {n} missing from truth")
                elif facts[n] != v and f"facts.{n}" not in ctx:
                    err(where, f"truth {n}={facts[n]} differs from package {v} without a context error")
                elif facts[n] == v and f"facts.{n}" in ctx:
                    err(where, f"context error on {n} but truth equals the package value")
            for c in ctx:
                if c.split(".", 1)[1] not in pf:
                    err(where, f"context error {c} names a fact the package lacks")
        else:
            if ctx:
                err(where, "context errors need a valid package")
            if tr.get("repeats"):
                err(where, "repeats need a valid package")
        stats["ctx"].extend(f"{d['id'][:7]}:{c[6:]}" for c in ctx)
        for r in tr.get("repeats", []):
            if not (isinstance(r, int) and 0 <= r < len(turns)):
                err(where, f"repeat index {r} out of range")
            elif turns[r]["speaker"] != "customer":
                err(where, f"repeat index {r} is not a customer turn")
        if tr.get("repeats") != sorted(set(tr.get("repeats", []))):
            err(where, "repeats must be sorted and unique")
        stats["repeats"] += len(tr.get("repeats", []))
        kbs = tr.get("kbSubflows", [])
        if not 1 <= len(kbs) <= 3:
            err(where, "kbSubflows wants 1-3 article ids")
        for k in kbs:
            if k not in articles:
                err(where, f"kbSubflow {k} is not a pack article id")
        hb = tr.get("handBack")
        if hb is None:
            stats["hb"]["none"] += 1
        else:
            if set(hb) != {"task", "allowed"} or not SNAKE.match(hb.get("task", "")) or not isinstance(hb.get("allowed"), bool):
                err(where, f"handBack {hb} malformed")
            elif hb["allowed"]:
                stats["hb"]["allowed"] += 1
                t = tasks.get(hb["task"])
                if not t or not t["routine"]:
                    err(where, f"allowed hand-back {hb['task']} is not a routine pack task")
                else:
                    for need in t["needs"]:
                        if need not in facts:
                            err(where, f"allowed hand-back {hb['task']} needs {need}, not in the truth")
            else:
                stats["hb"]["refused"] += 1
        if not isinstance(tr.get("injection"), bool):
            err(where, "injection must be true or false")
        elif tr["injection"]:
            stats["injections"] += 1

    want = [f"b13n-{i:02d}" for i in range(1, 17)]
    if [i[:7] for i in ids] != want:
        err("calls", f"ids should run b13n-01 to b13n-16, got {[i[:7] for i in ids]}")
    if len(set(ids)) != len(ids):
        err("calls", "duplicate ids")
    if stats["damaged"] < 2:
        err("calls", "want at least 2 damaged or missing packages")
    if stats["injections"] != 3:
        err("calls", f"want 3 injections, have {stats['injections']}")
    if not 5 <= len(stats["ctx"]) <= 8:
        err("calls", f"want about 6 context errors, have {len(stats['ctx'])}")
    for k in ("allowed", "refused", "none"):
        if stats["hb"][k] < 3:
            err("calls", f"hand-back mix thin on {k}")

    print(f"calls: {stats['calls']}   turns per call: {min(stats['turns'])}-{max(stats['turns'])} (total {sum(stats['turns'])})")
    print(f"packages: {stats['calls'] - stats['damaged']} valid, {stats['missing']} missing, {stats['malformed']} malformed")
    print(f"injections: {stats['injections']}   repeats: {stats['repeats']}   truth facts: {stats['facts']} over {len(stats['fact_names'])} fact names")
    print(f"context errors ({len(stats['ctx'])}): {', '.join(stats['ctx'])}")
    print(f"hand-back: {stats['hb']['allowed']} allowed, {stats['hb']['refused']} refused, {stats['hb']['none']} none")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
