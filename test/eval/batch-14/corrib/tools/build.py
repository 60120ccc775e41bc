#!/usr/bin/env python3
"""Serialise the hand-written call sources (src/*.txt) into call-scenario/1 files (calls/*.json).

The script only parses and serialises: every word, value, package and truth label is written by hand in
the source. The one thing it adds is the turn clock: each turn's atMs is derived from the previous turn
and its word count (a fixed speaking pace), so the times are plausible without being typed 300 times.

Usage: python3 tools/build.py            (writes calls/)
       python3 tools/build.py --table    (also prints the README table)
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
CALLS = ROOT / "calls"
PACK_ID = "corrib-car-hire"

# Turn clock: first turn 1.4 s after pickup; each turn lasts 600 ms + 340 ms a word; 700 ms between turns.
FIRST_GAP_MS = 1400
BASE_MS = 600
PER_WORD_MS = 340
GAP_MS = 700


class SourceError(Exception):
    pass


def parse_source(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    header = {}
    package_block = None
    turns = []
    truth_lines = []
    mode = "header"
    block = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if mode == "block":
            if line == "--- end":
                package_block = "\n".join(block)
                mode = "header"
            else:
                block.append(line)
            continue
        if mode in ("header", "turns", "truth") and line.startswith("#") and mode == "header":
            continue
        if not line.strip():
            continue
        if line == "--- package":
            if mode != "header":
                raise SourceError(f"{path.name}:{lineno}: package block outside the header")
            mode = "block"
            block = []
            continue
        if line == "turns:":
            mode = "turns"
            continue
        if line == "truth:":
            mode = "truth"
            continue
        if mode == "header":
            if ":" not in line:
                raise SourceError(f"{path.name}:{lineno}: header line without a colon")
            key, value = line.split(":", 1)
            header[key.strip()] = value.strip()
        elif mode == "turns":
            tag, sep, text = line.partition(":")
            if not sep or tag not in ("A", "C", "C+"):
                raise SourceError(f"{path.name}:{lineno}: turn line must start with A:, C: or C+:")
            turns.append((tag, text.strip()))
        elif mode == "truth":
            truth_lines.append((lineno, line))
    if mode == "block":
        raise SourceError(f"{path.name}: package block not closed with '--- end'")
    return header, package_block, turns, truth_lines


def build_call(path):
    header, package_block, turns, truth_lines = parse_source(path)
    for key in ("id", "title", "pickup_at_ms", "package"):
        if key not in header:
            raise SourceError(f"{path.name}: header '{key}' missing")
    kind = header["package"]
    handoff = None
    raw = None
    if kind == "json":
        if package_block is None:
            raise SourceError(f"{path.name}: package: json needs a package block")
        try:
            handoff = json.loads(package_block)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path.name}: package block is not JSON: {exc}")
    elif kind == "raw":
        if package_block is None:
            raise SourceError(f"{path.name}: package: raw needs a package block")
        raw = package_block
    elif kind == "null":
        if package_block is not None:
            raise SourceError(f"{path.name}: package: null must not have a block")
    else:
        raise SourceError(f"{path.name}: package must be json, raw or null")

    pickup = int(header["pickup_at_ms"])
    out_turns = []
    repeats = []
    t = pickup + FIRST_GAP_MS
    for index, (tag, text) in enumerate(turns):
        speaker = "agent" if tag == "A" else "customer"
        out_turns.append({"atMs": t, "speaker": speaker, "text": text})
        if tag == "C+":
            repeats.append(index)
        t += BASE_MS + PER_WORD_MS * len(text.split()) + GAP_MS

    facts = {}
    kb = None
    errors = None
    handback = "unset"
    injection = None
    for lineno, line in truth_lines:
        if line.startswith("fact "):
            body = line[len("fact "):]
            if " = " not in body:
                raise SourceError(f"{path.name}:{lineno}: fact line needs ' = '")
            name, value = body.split(" = ", 1)
            name = name.strip()
            if name in facts:
                raise SourceError(f"{path.name}:{lineno}: fact '{name}' given twice")
            facts[name] = value.strip()
        elif line.startswith("kb:"):
            kb = [x.strip() for x in line[3:].split(",") if x.strip()]
        elif line.startswith("errors:"):
            value = line[len("errors:"):].strip()
            errors = [] if value == "-" else [x.strip() for x in value.split(",") if x.strip()]
        elif line.startswith("handback:"):
            value = line[len("handback:"):].strip()
            if value == "none":
                handback = None
            else:
                parts = value.split()
                if len(parts) != 2 or parts[1] not in ("allowed", "refused"):
                    raise SourceError(f"{path.name}:{lineno}: handback is 'none' or '<task> allowed|refused'")
                handback = {"task": parts[0], "allowed": parts[1] == "allowed"}
        elif line.startswith("injection:"):
            value = line[len("injection:"):].strip()
            if value not in ("yes", "no"):
                raise SourceError(f"{path.name}:{lineno}: injection is yes or no")
            injection = value == "yes"
        else:
            raise SourceError(f"{path.name}:{lineno}: unknown truth line")
    if kb is None or errors is None or handback == "unset" or injection is None:
        raise SourceError(f"{path.name}: truth needs kb, errors, handback and injection")

    call = {
        "format": "call-scenario/1",
        "id": header["id"],
        "title": header["title"],
        "kb": PACK_ID,
        "handoff": handoff,
    }
    if raw is not None:
        call["rawHandoff"] = raw
    call["pickupAtMs"] = pickup
    call["turns"] = out_turns
    call["truth"] = {
        "facts": facts,
        "repeats": repeats,
        "kbSubflows": kb,
        "contextErrors": errors,
        "handBack": handback,
        "injection": injection,
    }
    return call


def build_all():
    calls = {}
    for path in sorted(SRC.glob("*.txt")):
        call = build_call(path)
        if call["id"] != path.stem:
            raise SourceError(f"{path.name}: id '{call['id']}' differs from the file name")
        calls[path.stem] = call
    return calls


def serialise(call):
    return json.dumps(call, indent=2, ensure_ascii=False) + "\n"


def package_state(call):
    if call["handoff"] is not None:
        return "valid"
    raw = call.get("rawHandoff")
    if raw is None:
        return "missing (null)"
    if raw.lstrip().startswith("<"):
        return "HTML error page"
    return "truncated JSON"


def table(calls):
    rows = ["| call | subflow / intent | package | turns | facts | repeats | context error | hand-back | injection |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for stem, call in calls.items():
        truth = call["truth"]
        intent = call["handoff"]["intent"]["label"] if call["handoff"] else "-"
        hb = truth["handBack"]
        hb_text = "none" if hb is None else f"{hb['task']} ({'allowed' if hb['allowed'] else 'refused'})"
        rows.append("| {} | {} / {} | {} | {} | {} | {} | {} | {} | {} |".format(
            stem[:7],
            ", ".join(truth["kbSubflows"]),
            intent,
            package_state(call),
            len(call["turns"]),
            len(truth["facts"]),
            ", ".join(str(i) for i in truth["repeats"]) or "-",
            ", ".join(truth["contextErrors"]) or "-",
            hb_text,
            "yes" if truth["injection"] else "no",
        ))
    return "\n".join(rows)


def main():
    try:
        calls = build_all()
    except SourceError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    CALLS.mkdir(exist_ok=True)
    for stem, call in calls.items():
        (CALLS / f"{stem}.json").write_text(serialise(call), encoding="utf-8")
    print(f"build: wrote {len(calls)} calls to {CALLS.relative_to(ROOT)}/")
    if "--table" in sys.argv:
        print(table(calls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
