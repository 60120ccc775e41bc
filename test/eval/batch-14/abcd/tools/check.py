#!/usr/bin/env python3
"""Check the batch: every call file is the build of its source, follows call-scenario/1, uses the
abcd-store pack's fact names and canonical forms, labels its truth consistently, and the batch as a
whole has the mix it promises (README). Standard library only. Exit 0 when all is well.

  python3 tools/check.py [--pack PATH/TO/pack.json] [--ontology PATH/TO/ontology.json]
"""
import datetime
import json
import re
import sys
from collections import Counter
from pathlib import Path

from callsrc import CALLS, ROOT, SourceError, build_call, serialise, sources

DEFAULT_PACK = Path("/work/main/resources/packs/abcd-store/pack.json")
DEFAULT_ONTOLOGY = Path("/work/shared/data/abcd/ontology.json")
VENDORED = ROOT / "tools" / "reference.json"   # fact schema + subflows, copied from the two files above

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
TOP_KEYS = {"format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"}
HANDOFF_KEYS = {"handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"}
TRUTH_KEYS = {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}
CALL_DAY = datetime.date(2026, 6, 15)

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def arg(flag, default):
    if flag in sys.argv:
        return Path(sys.argv[sys.argv.index(flag) + 1])
    return default


def load_reference():
    pack_path, onto_path = arg("--pack", DEFAULT_PACK), arg("--ontology", DEFAULT_ONTOLOGY)
    if pack_path.exists() and onto_path.exists():
        pack = json.loads(pack_path.read_text(encoding="utf-8"))
        onto = json.loads(onto_path.read_text(encoding="utf-8"))
        ref = {"facts": pack["facts"], "catalogue": pack["catalogue"],
               "subflows": onto["intents"]["subflows"]}
        if VENDORED.exists() and json.loads(VENDORED.read_text(encoding="utf-8")) != ref:
            problem("tools/reference.json", "differs from the pack/ontology it was copied from; recopy it")
        return ref
    return json.loads(VENDORED.read_text(encoding="utf-8"))


REF = load_reference()
FACTS = {f["name"]: f for f in REF["facts"]}
SUBFLOW_FLOW = {s: flow for flow, subs in REF["subflows"].items() for s in subs}
PRODUCTS = {p["value"] for p in REF["catalogue"]["products"]}


def canonical_problem(name, value):
    """Why `value` is not in the pack's canonical form for fact `name` (None when it is)."""
    spec = FACTS.get(name)
    if spec is None:
        return f"'{name}' is not a fact of the pack"
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        return "value must be non-empty text without outer spaces"
    kind = spec["type"]
    if kind in ("id", "postcode"):
        if not re.fullmatch(spec["pattern"], value):
            return f"'{value}' does not match {spec['pattern']}"
        case = spec.get("letterCase", "upper")
        if case == "upper" and value != value.upper() or case == "lower" and value != value.lower():
            return f"'{value}' is not in {case} case"
    elif kind == "phone":
        if not re.fullmatch(r"\+[1-9]\d{7,14}", value):
            return f"'{value}' is not E.164"
        if value.startswith("+1") and not re.fullmatch(r"\+1\d{3}55501\d\d", value):
            return f"'{value}' is outside the fictional +1 AAA 555 01xx range"
        if value.startswith("+44") and not (value.startswith("+4420794") or value.startswith("+447700900")):
            return f"'{value}' is outside the fictional UK ranges"
        if value.startswith("+61") and not value.startswith("+6149100"):
            return f"'{value}' is outside the fictional AU range"
        if value.startswith("+353") and not value.startswith("+3531555"):
            return f"'{value}' is outside the fictional IE range"
    elif kind == "email":
        if not re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value):
            return f"'{value}' is not a lower-case email"
    elif kind == "amount":
        if not re.fullmatch(r"\d+\.\d{2} USD", value):
            return f"'{value}' is not like '94.00 USD'"
    elif kind == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return f"'{value}' is not YYYY-MM-DD"
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return f"'{value}' is not YYYY-MM-DD"
    elif kind == "enum":
        if value not in {v["value"] for v in spec["values"]}:
            return f"'{value}' is not one of the {name} values"
    elif kind == "catalogue":
        if value not in PRODUCTS:
            return f"'{value}' is not in the catalogue"
    return None


# --- spoken evidence: values that only the turns can carry must be audible in them -------------
NUM = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
       "six": "6", "seven": "7", "eight": "8", "nine": "9"}
NATO_IGNORED = {"as", "in", "like", "for"}


HOMOPHONES = {"for": "four", "to": "two", "too": "two", "ate": "eight", "won": "one"}


def spoken_chars(text, homophones=False):
    """The letters and digits a caller spells out, in order: single letters, digits, digit words,
    'double x' / 'triple x'; with `homophones`, recogniser homophones count as digits too.
    Everything else is dropped."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    if homophones:
        words = [HOMOPHONES.get(w, w) for w in words]
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if w in ("double", "triple") and i + 1 < len(words):
            nxt = NUM.get(words[i + 1], words[i + 1] if len(words[i + 1]) == 1 else None)
            if nxt:
                out.append(nxt * (2 if w == "double" else 3))
                i += 2
                continue
        if w in NUM:
            out.append(NUM[w])
        elif w.isdigit() or len(w) == 1:
            out.append(w)
        i += 1
    return "".join(out)


def spoken_email(text):
    t = " " + text.lower() + " "
    t = re.sub(r"\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", lambda m: NUM[m.group(1)], t)
    t = t.replace(" dot ", ".").replace(" at ", "@").replace(" underscore ", "_")
    return re.sub(r"[\s,]", "", t)


def audible(name, value, turns_text):
    kind = FACTS[name]["type"]
    joined = [spoken_chars(t, h) for t in turns_text for h in (False, True)]
    if kind in ("id", "postcode"):
        want = re.sub(r"[^a-z0-9]", "", value.lower())
        return any(want in j for j in joined) or any(value.lower() in spoken_email(t) for t in turns_text)
    if kind == "phone":
        subscriber = value[-7:]
        return any(subscriber in j for j in joined)
    if kind == "email":
        return any(value in spoken_email(t) for t in turns_text)
    return True   # names, amounts, dates, enums and products are read by a person (see README)


def check_handoff(where, h):
    if set(h) != HANDOFF_KEYS:
        problem(where, f"handoff keys {sorted(set(h) ^ HANDOFF_KEYS)} differ from the wire shape")
        return
    if not re.fullmatch(r"ho_[0-9a-f]{4}", h["handoffId"]):
        problem(where, "handoffId not ho_xxxx")
    if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]):
        problem(where, "callSid not CA + 32 hex digits")
    if not (isinstance(h["triggeredAtMs"], int) and isinstance(h["packagedAtMs"], int)
            and 0 < h["triggeredAtMs"] <= h["packagedAtMs"]):
        problem(where, "triggeredAtMs/packagedAtMs not ordered positive integers")
    c = h["caller"]
    if set(c) != {"name", "phone", "verified", "verification"} or not isinstance(c["verified"], bool):
        problem(where, "caller shape wrong")
    else:
        for n, v in (("customer_name", c["name"]), ("phone", c["phone"])):
            why = canonical_problem(n, v)
            if why:
                problem(where, f"caller {n}: {why}")
    i = h["intent"]
    if set(i) != {"label", "confidence"} or i["label"] not in SUBFLOW_FLOW or not 0 <= i["confidence"] <= 1:
        problem(where, "intent must be {label: an ABCD subflow, confidence: 0..1}")
    if not isinstance(h["summary"], str) or len(h["summary"]) < 40:
        problem(where, "summary too short")
    seen = set()
    for f in h["facts"]:
        if set(f) != {"name", "value", "source"} or f["source"] not in ("caller", "system"):
            problem(where, f"package fact {f} has the wrong shape")
            continue
        if f["name"] in seen:
            problem(where, f"package fact {f['name']} twice")
        seen.add(f["name"])
        why = canonical_problem(f["name"], f["value"])
        if why:
            problem(where, f"package fact {f['name']}: {why}")
    for a in h["aiAttempts"]:
        if set(a) != {"tool", "input", "ok", "result"} or not isinstance(a["ok"], bool) or not isinstance(a["input"], dict):
            problem(where, f"aiAttempt {a.get('tool')} has the wrong shape")
    t = h["trigger"]
    if set(t) != {"code", "detail"} or t["code"] not in TRIGGERS:
        problem(where, "trigger must be {code: a seed trigger code, detail}")
    if not isinstance(h["nextSteps"], list) or not all(isinstance(s, str) for s in h["nextSteps"]):
        problem(where, "nextSteps must be a list of text")
    if h["language"] != "en":
        problem(where, "language must be en")


def package_facts(h):
    facts = {"customer_name": h["caller"]["name"], "phone": h["caller"]["phone"]}
    for f in h["facts"]:
        if f["name"] == "customer_name" and f["value"] != h["caller"]["name"]:
            problem(h["handoffId"], "caller.name and the customer_name fact disagree")
        facts[f["name"]] = f["value"]
    return facts


def check_call(path, src_path):
    where = path.name
    try:
        built, header = build_call(src_path)
    except SourceError as e:
        problem(src_path.name, str(e))
        return None
    text = path.read_text(encoding="utf-8")
    if text != serialise(built):
        problem(where, "is not the build of its source; run tools/build.py")
    call = json.loads(text)
    if not (set(call) <= TOP_KEYS and TOP_KEYS - {"rawHandoff"} <= set(call)):
        problem(where, f"top-level keys wrong: {sorted(call)}")
        return None
    if call["format"] != "call-scenario/1" or call["kb"] != "abcd":
        problem(where, "format must be call-scenario/1 and kb abcd")
    if f"{call['id']}.json" != path.name or not re.fullmatch(r"b14a-\d\d-[a-z0-9]+(-[a-z0-9]+)*", call["id"]):
        problem(where, "id must be b14a-NN-<slug> and match the file name")
    if not isinstance(call["title"], str) or len(call["title"]) < 20:
        problem(where, "title too short")

    h = call["handoff"]
    state = header["package"]
    if state == "valid":
        if not isinstance(h, dict):
            problem(where, "package: valid but handoff is not an object")
            return None
        check_handoff(where, h)
        if "rawHandoff" in call:
            problem(where, "valid package must not carry rawHandoff")
        if not h["packagedAtMs"] < call["pickupAtMs"]:
            problem(where, "pickup must come after the package")
    else:
        if h is not None:
            problem(where, "damaged or missing package must have handoff null")
        raw = call.get("rawHandoff")
        if state == "missing" and raw is not None:
            problem(where, "missing package must not carry rawHandoff")
        if state == "truncated":
            try:
                json.loads(raw)
                problem(where, "truncated rawHandoff parses as JSON")
            except json.JSONDecodeError:
                pass
        if state == "html" and not raw.lstrip().lower().startswith("<!doctype html"):
            problem(where, "html rawHandoff is not an HTML page")
        if state == "old-shape":
            old = json.loads(raw)
            if not isinstance(old, dict) or HANDOFF_KEYS <= set(old):
                problem(where, "old-shape rawHandoff should be JSON in another shape")

    turns = call["turns"]
    if not 14 <= len(turns) <= 20:
        problem(where, f"{len(turns)} turns; 14 to 20 wanted")
    if {t["speaker"] for t in turns} != {"agent", "customer"}:
        problem(where, "both speakers must talk")
    last = call["pickupAtMs"]
    for i, t in enumerate(turns):
        if set(t) != {"atMs", "speaker", "text"} or not t["text"].strip():
            problem(where, f"turn {i} has the wrong shape")
        if t["atMs"] <= last:
            problem(where, f"turn {i} atMs {t['atMs']} not after {last}")
        last = t["atMs"]
        if i and t["speaker"] == turns[i - 1]["speaker"]:
            problem(where, f"turn {i}: same speaker twice in a row")

    truth = call["truth"]
    if set(truth) != TRUTH_KEYS:
        problem(where, "truth keys wrong")
        return None
    for name, value in truth["facts"].items():
        why = canonical_problem(name, value)
        if why:
            problem(where, f"truth fact {name}: {why}")
    for name in truth["facts"]:
        if name == "date":
            d = datetime.date.fromisoformat(truth["facts"][name])
            if abs((d - CALL_DAY).days) > 400:
                problem(where, "date is far from the call day 2026-06-15")
    if not truth["kbSubflows"] or any(s not in SUBFLOW_FLOW for s in truth["kbSubflows"]):
        problem(where, "kbSubflows must be ABCD subflow ids")
    hb = truth["handBack"]
    if hb is not None and (set(hb) != {"task", "allowed"} or not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", hb["task"])
                           or not isinstance(hb["allowed"], bool)):
        problem(where, "handBack must be null or {task: snake_case, allowed: bool}")
    if not isinstance(truth["injection"], bool):
        problem(where, "injection must be a boolean")
    for i in truth["repeats"]:
        if not 0 <= i < len(turns) or turns[i]["speaker"] != "customer":
            problem(where, f"repeat {i} is not a customer turn")
    if truth["repeats"] != sorted(set(truth["repeats"])):
        problem(where, "repeats must be sorted and unique")

    errs = truth["contextErrors"]
    if any(not re.fullmatch(r"facts\.[a-z_]+", e) for e in errs):
        problem(where, "contextErrors must look like facts.<name>")
    err_names = {e.split(".", 1)[1] for e in errs}
    said_only = set(truth["facts"])
    if h is None:
        if truth["repeats"] or errs:
            problem(where, "without a valid package there can be no repeats or context errors")
    else:
        pk = package_facts(h)
        for name, value in pk.items():
            if name not in truth["facts"]:
                problem(where, f"package fact {name} missing from truth")
            elif name in err_names:
                if truth["facts"][name] == value:
                    problem(where, f"{name} is marked a context error but truth equals the package")
            elif truth["facts"][name] != value:
                problem(where, f"{name} differs from the package but is not marked a context error")
        for name in err_names:
            if name not in pk:
                problem(where, f"context error {name} is not a package fact")
        said_only = {n for n in truth["facts"] if n not in pk or n in err_names}
        if not truth["repeats"]:
            problem(where, "a valid package but no repeats: the batch promises plenty")
    texts = [t["text"] for t in turns]
    for name in said_only:
        if not audible(name, truth["facts"][name], texts):
            problem(where, f"truth fact {name}={truth['facts'][name]} is not heard in any turn")
    return call, header


def check_batch(results):
    calls = [c for c, _ in results]
    nn = sorted(int(c["id"][5:7]) for c in calls)
    if nn != list(range(1, 21)):
        problem("batch", f"calls numbered {nn}; 01..20 wanted")
    flows = Counter(SUBFLOW_FLOW[c["truth"]["kbSubflows"][0]] for c in calls)
    for flow in REF["subflows"]:
        if flows[flow] != 2:
            problem("batch", f"flow {flow} has {flows[flow]} calls; 2 wanted")
    inj = [(c, h) for c, h in results if c["truth"]["injection"]]
    if len(inj) != 3:
        problem("batch", f"{len(inj)} injections; exactly 3 wanted")
    if len({h["injection"] for _, h in inj}) != len(inj):
        problem("batch", "injections must be of different kinds")
    damaged = [h["package"] for _, h in results if h["package"] != "valid"]
    if not 3 <= len(damaged) <= 4 or len(set(damaged)) != len(damaged):
        problem("batch", f"damaged packages {damaged}: 3-4 of different kinds wanted")
    hb = Counter("none" if c["truth"]["handBack"] is None else
                 ("allowed" if c["truth"]["handBack"]["allowed"] else "refused") for c in calls)
    if not (6 <= hb["allowed"] <= 8 and 5 <= hb["refused"] <= 7 and 6 <= hb["none"] <= 8):
        problem("batch", f"hand-back mix {dict(hb)}; about 7 allowed / 6 refused / 7 none wanted")
    refusals = [h.get("refusal") for c, h in results if c["truth"]["handBack"] and not c["truth"]["handBack"]["allowed"]]
    if None in refusals or len(set(refusals)) != len(refusals):
        problem("batch", "each refusal needs its own sensitive reason (header 'refusal:')")
    errs = [e for c in calls for e in c["truth"]["contextErrors"]]
    kinds = [h.get("errorkind") for c, h in results if c["truth"]["contextErrors"]]
    if not 6 <= len(errs) <= 8 or len(set(errs)) != len(errs):
        problem("batch", f"context errors {errs}: 6-8 of different fact types wanted")
    if None in kinds or len(set(kinds)) != len(kinds):
        problem("batch", "each context error needs its own kind of wrongness (header 'errorkind:')")
    if sum(len(c["truth"]["repeats"]) for c in calls) < 25:
        problem("batch", "fewer than 25 repeats")
    voices = [h["voice"] for _, h in results]
    if len(set(voices)) != len(voices):
        problem("batch", "two calls share a caller description")
    names = [c["truth"]["facts"].get("customer_name") for c in calls]
    if len(set(names)) != len(names):
        problem("batch", "two calls share a customer name")


def check_readme():
    from build import table_rows
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = "\n".join(table_rows())
    if table not in readme:
        problem("README.md", "per-call table is not the current one; paste `tools/build.py --table`")
    if not (ROOT / "LICENSE").exists() or "CC0" not in (ROOT / "LICENSE").read_text(encoding="utf-8"):
        problem("LICENSE", "CC0 1.0 licence missing")


def main():
    srcs = {p.stem: p for p in sources()}
    files = {p.stem: p for p in sorted(CALLS.glob("*.json"))}
    for stem in sorted(set(srcs) ^ set(files)):
        problem(stem, "has a source without a built call, or a call without a source")
    results = []
    for stem in sorted(set(srcs) & set(files)):
        r = check_call(files[stem], srcs[stem])
        if r:
            results.append(r)
    if len(results) == len(srcs):
        check_batch(results)
    check_readme()
    if problems:
        print("\n".join(problems))
        print(f"\n{len(problems)} problem(s)")
        return 1
    print(f"ok: {len(results)} calls checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
