#!/usr/bin/env python3
"""Build calls/*.json from the hand-written sources in src/*.call.

The script only parses, numbers and serialises what is written by hand in src/:
no text, value or label is generated here. Source format (one file per call):

    id: b15a-01-some-slug          header lines "key: value" up to the first section
    title: ...
    flow: Product Defect            (README only)
    state: valid | null | truncated-json | html-error | old-shape | empty-body
    pickupAtMs: 158400
    == package                      a hand-written JSON handoff (state valid only)
    == raw                          the package text exactly as received (damaged states)
    == turns                        "@<atMs> A|C [R] | text"   A = agent, C = customer, R = repeat
    == truth                        "fact <name> = <value>", "kbSubflows: a, b",
                                    "contextErrors: facts.x, ...", "handBack: <task> allowed|refused"
                                    or "handBack: none", "injection: true|false"
    == notes                        free text for the README (not serialised)

Usage: python3 tools/build.py            write calls/*.json
       python3 tools/build.py --table    print the README table rows
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "calls")

TURN_RE = re.compile(r"^@(\d+)\s+([AC])(\s+R)?\s*\|\s?(.*)$")
FACT_RE = re.compile(r"^fact\s+([a-z_]+)\s*=\s*(.+)$")


class SourceError(Exception):
    pass


def parse_source(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    header = {}
    sections = {}
    current = None
    for raw_line in lines:
        if raw_line.startswith("== "):
            current = raw_line[3:].strip()
            if current in sections:
                raise SourceError(f"{path}: section {current} twice")
            sections[current] = []
            continue
        if current is None:
            if raw_line.strip() == "" or raw_line.startswith("#"):
                continue
            key, sep, value = raw_line.partition(":")
            if not sep:
                raise SourceError(f"{path}: header line without colon: {raw_line!r}")
            header[key.strip()] = value.strip()
        else:
            sections[current].append(raw_line)
    return header, sections


def strip_block(block_lines):
    # drop trailing empty lines of a block; keep the inside exactly
    while block_lines and block_lines[-1] == "":
        block_lines = block_lines[:-1]
    return "\n".join(block_lines)


def build_call(path):
    header, sections = parse_source(path)
    for key in ("id", "title", "flow", "state", "pickupAtMs"):
        if key not in header:
            raise SourceError(f"{path}: header {key} missing")
    state = header["state"]
    call = {
        "format": "call-scenario/1",
        "id": header["id"],
        "title": header["title"],
        "kb": "abcd",
    }
    if state == "valid":
        if "package" not in sections:
            raise SourceError(f"{path}: valid state needs a package section")
        try:
            call["handoff"] = json.loads(strip_block(sections["package"]))
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}: package is not JSON: {exc}")
    elif state == "null":
        call["handoff"] = None
    else:
        if "raw" not in sections:
            raise SourceError(f"{path}: damaged state {state} needs a raw section")
        call["handoff"] = None
        call["rawHandoff"] = strip_block(sections["raw"])
    call["pickupAtMs"] = int(header["pickupAtMs"])

    turns = []
    repeats = []
    for line in sections.get("turns", []):
        if line.strip() == "":
            continue
        m = TURN_RE.match(line)
        if not m:
            raise SourceError(f"{path}: bad turn line {line!r}")
        at_ms, who, rep, text = m.groups()
        if rep:
            repeats.append(len(turns))
        turns.append({
            "atMs": int(at_ms),
            "speaker": "agent" if who == "A" else "customer",
            "text": text.strip(),
        })
    call["turns"] = turns

    facts = {}
    truth = {"facts": facts, "repeats": repeats}
    kb = None
    errors = []
    hand_back = "missing"
    injection = None
    for line in sections.get("truth", []):
        line = line.strip()
        if not line:
            continue
        m = FACT_RE.match(line)
        if m:
            name, value = m.groups()
            if name in facts:
                raise SourceError(f"{path}: fact {name} twice")
            facts[name] = value.strip()
            continue
        key, _, value = line.partition(":")
        key = key.strip()
        value = value.strip()
        if key == "kbSubflows":
            kb = [v.strip() for v in value.split(",") if v.strip()]
        elif key == "contextErrors":
            errors = [v.strip() for v in value.split(",") if v.strip() and v.strip() != "none"]
        elif key == "handBack":
            if value == "none":
                hand_back = None
            else:
                task, _, verdict = value.partition(" ")
                if verdict not in ("allowed", "refused"):
                    raise SourceError(f"{path}: handBack verdict must be allowed or refused")
                hand_back = {"task": task, "allowed": verdict == "allowed"}
        elif key == "injection":
            if value not in ("true", "false"):
                raise SourceError(f"{path}: injection must be true or false")
            injection = value == "true"
        else:
            raise SourceError(f"{path}: unknown truth line {line!r}")
    if kb is None or hand_back == "missing" or injection is None:
        raise SourceError(f"{path}: truth needs kbSubflows, handBack and injection")
    truth["kbSubflows"] = kb
    truth["contextErrors"] = errors
    truth["handBack"] = hand_back
    truth["injection"] = injection
    call["truth"] = truth
    meta = {
        "flow": header["flow"],
        "state": state,
        "notes": strip_block(sections.get("notes", [])).strip(),
    }
    return call, meta


def source_files():
    return sorted(f for f in os.listdir(SRC) if f.endswith(".call"))


def build_all():
    result = []
    for name in source_files():
        call, meta = build_call(os.path.join(SRC, name))
        expected = name[: -len(".call")]
        if call["id"] != expected:
            raise SourceError(f"{name}: id {call['id']} does not match the file name")
        result.append((call, meta))
    return result


def serialise(call):
    return json.dumps(call, ensure_ascii=False, indent=2) + "\n"


def hand_back_cell(hb):
    if hb is None:
        return "none"
    return f"{'allowed' if hb['allowed'] else 'refused'} ({hb['task']})"


def table_rows(built):
    rows = []
    for call, meta in built:
        t = call["truth"]
        rows.append("| {id} | {flow} / {kb} | {state} | {turns} | {facts} | {rep} | {err} | {hb} | {inj} |".format(
            id=call["id"],
            flow=meta["flow"],
            kb=", ".join(t["kbSubflows"]),
            state=meta["state"],
            turns=len(call["turns"]),
            facts=len(t["facts"]),
            rep=", ".join(str(i) for i in t["repeats"]) or "-",
            err=", ".join(t["contextErrors"]) or "-",
            hb=hand_back_cell(t["handBack"]),
            inj="yes" if t["injection"] else "no",
        ))
    return rows


def main():
    try:
        built = build_all()
    except SourceError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    if "--table" in sys.argv:
        print("| call | flow / subflow | package | turns | facts | repeats | context error | hand-back | injection |")
        print("|---|---|---|---|---|---|---|---|---|")
        for row in table_rows(built):
            print(row)
        return 0
    os.makedirs(OUT, exist_ok=True)
    wanted = set()
    for call, _ in built:
        name = call["id"] + ".json"
        wanted.add(name)
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as fh:
            fh.write(serialise(call))
    for stale in os.listdir(OUT):
        if stale.endswith(".json") and stale not in wanted:
            os.remove(os.path.join(OUT, stale))
    print(f"build: wrote {len(built)} calls to calls/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
