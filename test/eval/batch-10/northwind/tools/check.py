#!/usr/bin/env python3
"""Check the Northwind batch-10 calls: format, canonical values against the pack's fact schema,
package-versus-truth bookkeeping, repeats, hand-back decisions, and the coverage counts.

Usage: python3 tools/check.py            (exit 1 on any problem)
       python3 tools/check.py --turns    (also print every turn with its index, for labelling)
"""
import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CALLS = ROOT / "calls"
SRC = ROOT / "src"
PACK = pathlib.Path("/work/main/resources/packs/northwind-connect")
sys.path.insert(0, str(ROOT / "tools"))
from build import parse  # noqa: E402  (same parser, so the source bookkeeping is read the same way)

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
TRUTH_KEYS = {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}
HANDOFF_KEYS = {"handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary",
                "facts", "aiAttempts", "trigger", "nextSteps", "language"}
# Ofcom drama ranges (E.164): mobiles, London, big-city geographic, Cardiff, Belfast
DRAMA = [re.compile(p) for p in (
    r"^\+447700900\d{3}$", r"^\+442079460\d{3}$", r"^\+441(1[3-8]|[2-6]1)4960\d{3}$",
    r"^\+442920180\d{3}$", r"^\+442896496\d{3}$")]

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def load_pack():
    pack = json.loads((PACK / "pack.json").read_text(encoding="utf-8"))
    facts = {f["name"]: f for f in pack["facts"]}
    articles = set()
    for md in (PACK / "articles").glob("*.md"):
        m = re.search(r"^id:\s*(\S+)", md.read_text(encoding="utf-8"), re.M)
        articles.add(m.group(1))
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}
    intents = {i["id"] for i in pack["intents"]}
    return pack, facts, articles, tasks, intents


def check_value(where, name, value, schema, pack):
    spec = schema.get(name)
    if spec is None:
        return bad(where, f"fact {name!r} is not in the pack's schema")
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        return bad(where, f"{name}: value must be trimmed non-empty text, got {value!r}")
    if re.search(r"[\x00-\x1f\u200e\u200f\u202a-\u202e\u2066-\u2069<>]", value):
        bad(where, f"{name}: control, direction or markup characters in {value!r}")
    kind = spec["type"]
    if kind in ("id", "postcode"):
        if not re.match(spec["pattern"], value):
            bad(where, f"{name}: {value!r} does not match {spec['pattern']}")
        if value != value.upper():
            bad(where, f"{name}: {value!r} should be upper case")
        if kind == "postcode" and " " not in value:
            bad(where, f"{name}: postcode {value!r} should keep its space")
    elif kind == "phone":
        if not any(p.match(value) for p in DRAMA):
            bad(where, f"{name}: {value!r} is not an E.164 Ofcom drama number")
    elif kind == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            bad(where, f"{name}: {value!r} is not YYYY-MM-DD")
    elif kind == "amount":
        if not re.match(r"^\d+\.\d{2} GBP$", value):
            bad(where, f"{name}: {value!r} is not like '12.50 GBP'")
    elif kind == "email":
        if value != value.lower() or not re.match(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$", value):
            bad(where, f"{name}: {value!r} is not a lower-case email")
    elif kind == "enum":
        if value not in {v["value"] for v in spec["values"]}:
            bad(where, f"{name}: {value!r} is not one of the enum values")
    elif kind == "catalogue":
        if value not in {v["value"] for v in pack["catalogue"][spec["catalogue"]]}:
            bad(where, f"{name}: {value!r} is not in catalogue {spec['catalogue']}")


def package_facts(where, handoff):
    """The facts a valid package carries: caller.name, caller.phone and the facts list."""
    carried = {}

    def put(name, value):
        if name in carried and carried[name] != value:
            bad(where, f"package carries two values for {name}: {carried[name]!r} and {value!r}")
        carried[name] = value

    put("customer_name", handoff["caller"]["name"])
    put("phone", handoff["caller"]["phone"])
    for f in handoff["facts"]:
        if set(f) != {"name", "value", "source"}:
            bad(where, f"package fact keys {sorted(f)}")
        put(f["name"], f["value"])
    return carried


def main():
    show_turns = "--turns" in sys.argv
    pack, schema, articles, tasks, intents = load_pack()
    files = sorted(CALLS.glob("*.json"))
    sources = {parse(p)[0]["id"]: p for p in sorted(SRC.glob("*.call"))}
    seen_text = {}
    stats = dict(calls=0, turns=0, facts=0, repeats=0, context=0, injection=0, allowed=0, refused=0,
                 none=0, damaged=0)
    kb_used, intent_used, readbacks = set(), set(), 0
    numbers = []
    for path in files:
        call = json.loads(path.read_text(encoding="utf-8"))
        cid = call.get("id", "?")
        where = path.name
        stats["calls"] += 1
        m = re.match(r"^b10n-(\d\d)-[a-z0-9]+(-[a-z0-9]+)*$", cid)
        if not m:
            bad(where, f"id {cid!r} is not b10n-NN-slug")
        else:
            numbers.append(int(m.group(1)))
        if path.stem != cid:
            bad(where, "file name does not match id")
        if call.get("format") != "call-scenario/1" or call.get("kb") != "northwind-connect":
            bad(where, "format/kb")
        if not call.get("title"):
            bad(where, "missing title")
        handoff = call.get("handoff")
        truth = call["truth"]
        if set(truth) != TRUTH_KEYS:
            bad(where, f"truth keys {sorted(truth)}")
        carried = {}
        if handoff is None:
            stats["damaged"] += 1
            raw = call.get("rawHandoff")
            if not isinstance(raw, str) or not raw:
                bad(where, "null handoff without rawHandoff")
            else:
                try:
                    json.loads(raw)
                    bad(where, "rawHandoff parses as JSON; it should be damaged")
                except ValueError:
                    pass
            if truth["repeats"] or truth["contextErrors"]:
                bad(where, "a damaged package cannot have repeats or context errors")
        else:
            if "rawHandoff" in call:
                bad(where, "rawHandoff beside a valid handoff")
            if set(handoff) != HANDOFF_KEYS:
                bad(where, f"handoff keys {sorted(set(handoff) ^ HANDOFF_KEYS)}")
            if not re.match(r"^CA[0-9a-f]{32}$", handoff["callSid"]):
                bad(where, "callSid")
            if not handoff["triggeredAtMs"] <= handoff["packagedAtMs"] < call["pickupAtMs"]:
                bad(where, "package times out of order")
            if handoff["intent"]["label"] not in intents:
                bad(where, f"intent {handoff['intent']['label']!r} not in pack")
            intent_used.add(handoff["intent"]["label"])
            if not 0 < handoff["intent"]["confidence"] <= 1:
                bad(where, "intent confidence")
            if handoff["trigger"]["code"] not in TRIGGERS:
                bad(where, "trigger code")
            if not isinstance(handoff["caller"].get("verified"), bool):
                bad(where, "caller.verified must be a boolean")
            carried = package_facts(where, handoff)
            for name, value in carried.items():
                check_value(where + " package", name, value, schema, pack)
        # turns
        turns = call["turns"]
        last = call["pickupAtMs"]
        for i, t in enumerate(turns):
            if set(t) != {"atMs", "speaker", "text"} or t["speaker"] not in ("agent", "customer"):
                bad(where, f"turn {i} shape")
            if t["atMs"] <= last:
                bad(where, f"turn {i} time not after the previous one / pickup")
            last = t["atMs"]
            key = re.sub(r"\s+", " ", t["text"].strip().lower())
            if key in seen_text:
                bad(where, f"turn {i} text also in {seen_text[key]}")
            seen_text[key] = f"{cid}#{i}"
            if show_turns:
                print(f"{cid} {i:2d} {t['speaker'][0].upper()}: {t['text']}")
        stats["turns"] += len(turns)
        # truth facts
        facts = truth["facts"]
        stats["facts"] += len(facts)
        for name, value in facts.items():
            check_value(where + " truth", name, value, schema, pack)
        errors = set(truth["contextErrors"])
        stats["context"] += len(errors)
        for name, value in carried.items():
            if name not in facts:
                bad(where, f"package fact {name} missing from truth.facts")
            elif facts[name] != value and f"facts.{name}" not in errors:
                bad(where, f"truth {name}={facts[name]!r} differs from package {value!r} without a context error")
            elif facts[name] == value and f"facts.{name}" in errors:
                bad(where, f"context error facts.{name} but truth equals the package")
        for e in errors:
            if not e.startswith("facts.") or e[6:] not in carried:
                bad(where, f"context error {e!r} names no package fact")
        # repeats, with the source's bookkeeping of which fact each restates
        src_header, src_body, _ = parse(sources[cid])
        src_truth = json.loads(src_body["truth"])
        repeat_facts = {int(k): v for k, v in src_truth.get("_repeatFacts", {}).items()}
        if sorted(repeat_facts) != sorted(truth["repeats"]):
            bad(where, f"repeats {truth['repeats']} do not match _repeatFacts {sorted(repeat_facts)}")
        for i, name in repeat_facts.items():
            if not 0 <= i < len(turns) or turns[i]["speaker"] != "customer":
                bad(where, f"repeat {i} is not a customer turn")
            if name not in carried:
                bad(where, f"repeat {i} restates {name}, which the package does not hold")
            elif f"facts.{name}" in errors or facts.get(name) != carried[name]:
                bad(where, f"repeat {i} restates {name}, but that package value was wrong")
        stats["repeats"] += len(truth["repeats"])
        # kb
        if not truth["kbSubflows"]:
            bad(where, "no kbSubflows")
        for k in truth["kbSubflows"]:
            if k not in articles:
                bad(where, f"kbSubflow {k!r} is not a pack article id")
            kb_used.add(k)
        # hand-back
        hb = truth["handBack"]
        if hb is None:
            stats["none"] += 1
        else:
            if set(hb) != {"task", "allowed"} or not re.match(r"^[a-z][a-z0-9_]*$", hb["task"]) \
                    or not isinstance(hb["allowed"], bool):
                bad(where, f"handBack shape {hb}")
            task = tasks.get(hb["task"])
            if hb["allowed"]:
                stats["allowed"] += 1
                if task is None or not task["routine"]:
                    bad(where, f"allowed hand-back {hb['task']} is not a routine pack task")
                elif task["verifiedCaller"] and not (handoff and handoff["caller"]["verified"]):
                    bad(where, f"allowed hand-back {hb['task']} needs a verified caller")
                else:
                    for need in task["needs"]:
                        if need not in facts:
                            bad(where, f"allowed hand-back {hb['task']} needs {need}, not in truth.facts")
            else:
                stats["refused"] += 1
        if not isinstance(truth["injection"], bool):
            bad(where, "injection must be boolean")
        stats["injection"] += truth["injection"]
        notes = src_truth.get("_notes", "")
        readbacks += notes.count("simply confirm")
    if sorted(numbers) != list(range(1, 17)):
        bad("batch", f"call numbers {sorted(numbers)} are not 01..16")
    if len(kb_used) < 12:
        bad("batch", f"only {len(kb_used)} distinct articles")
    avg = stats["turns"] / max(stats["calls"], 1)
    if not 10 <= avg <= 14:
        bad("batch", f"average turns {avg:.1f} outside 10-14")
    print(f"calls {stats['calls']}, turns {stats['turns']} (avg {avg:.2f}), truth facts {stats['facts']}, "
          f"repeats {stats['repeats']}, context errors {stats['context']}, steering {stats['injection']}, "
          f"damaged packages {stats['damaged']}")
    print(f"hand-back allowed {stats['allowed']}, refused {stats['refused']}, none {stats['none']}; "
          f"read-backs simply confirmed {readbacks}")
    print(f"articles used ({len(kb_used)}): {', '.join(sorted(kb_used))}")
    print(f"package intents used ({len(intent_used)}): {', '.join(sorted(intent_used))}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
