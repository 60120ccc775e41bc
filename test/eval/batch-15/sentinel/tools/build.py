#!/usr/bin/env python3
"""Build calls/*.json (call-scenario/1) from the hand-written sources in src/*.txt.

The script only parses, numbers and serialises. Every word, value, gap and label is
hand-written in the source; nothing is generated or filled in.

Source layout (one call per file):

    id: <call id>                 header lines, "key: value"
    title: <one line>
    pickup: <pickupAtMs>
    === package                   the package as JSON, or the word null
    === raw                       (instead of package) the package text exactly as received;
                                  handoff becomes null and the text goes to rawHandoff
    === turns                     one turn a line: "A +1.9 | text" or "C +4.0 | text";
                                  A = agent, C = customer, "C*" marks a repeat,
                                  "+s" is the hand-written gap in seconds after the previous
                                  turn (after pickup for the first)
    === truth
    facts.<name>: <canonical value>
    kb: <article id>, <article id>
    errors: facts.<name>, ...     (may be empty)
    handback: <task> allowed|refused, or none
    injection: yes|no

Usage: python3 tools/build.py        (writes calls/, prints one line a call)
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "calls")
KB = "sentinel-homeguard"

TURN_RE = re.compile(r"^(A|C\*?) \+(\d+(?:\.\d+)?) \| (.+)$")


class SourceError(Exception):
    pass


def split_sections(text, path):
    header, sections, current = [], {}, None
    for line in text.split("\n"):
        m = re.match(r"^=== (package|raw|turns|truth)\s*$", line)
        if m:
            current = m.group(1)
            if current in sections:
                raise SourceError(f"{path}: section {current} twice")
            sections[current] = []
            continue
        if current is None:
            header.append(line)
        else:
            sections[current].append(line)
    return header, sections


def parse_header(lines, path):
    out = {}
    for line in lines:
        if not line.strip():
            continue
        key, sep, value = line.partition(": ")
        if not sep:
            raise SourceError(f"{path}: bad header line {line!r}")
        out[key.strip()] = value.strip()
    for key in ("id", "title", "pickup"):
        if key not in out:
            raise SourceError(f"{path}: header lacks {key}")
    return out


def parse_turns(lines, pickup, path):
    turns, repeats, clock = [], [], pickup
    for line in lines:
        if not line.strip():
            continue
        m = TURN_RE.match(line)
        if not m:
            raise SourceError(f"{path}: bad turn line {line!r}")
        mark, gap, text = m.groups()
        clock += int(round(float(gap) * 1000))
        if mark.startswith("C*"):
            repeats.append(len(turns))
        turns.append({"atMs": clock, "speaker": "agent" if mark == "A" else "customer", "text": text})
    return turns, repeats


def parse_truth(lines, repeats, path):
    facts, kb, errors, hand_back, injection = {}, None, None, "unset", None
    for line in lines:
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise SourceError(f"{path}: bad truth line {line!r}")
        key, value = key.strip(), value.strip()
        if key.startswith("facts."):
            name = key[len("facts."):]
            if name in facts:
                raise SourceError(f"{path}: fact {name} twice")
            facts[name] = value
        elif key == "kb":
            kb = [v.strip() for v in value.split(",") if v.strip()]
        elif key == "errors":
            errors = [v.strip() for v in value.split(",") if v.strip()]
        elif key == "handback":
            if value == "none":
                hand_back = None
            else:
                parts = value.split()
                if len(parts) != 2 or parts[1] not in ("allowed", "refused"):
                    raise SourceError(f"{path}: bad handback {value!r}")
                hand_back = {"task": parts[0], "allowed": parts[1] == "allowed"}
        elif key == "injection":
            if value not in ("yes", "no"):
                raise SourceError(f"{path}: bad injection {value!r}")
            injection = value == "yes"
        else:
            raise SourceError(f"{path}: unknown truth key {key!r}")
    if kb is None or errors is None or hand_back == "unset" or injection is None:
        raise SourceError(f"{path}: truth needs kb, errors, handback and injection")
    return {
        "facts": facts,
        "repeats": repeats,
        "kbSubflows": kb,
        "contextErrors": errors,
        "handBack": hand_back,
        "injection": injection,
    }


def build_one(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    header_lines, sections = split_sections(text, path)
    header = parse_header(header_lines, path)
    if ("package" in sections) == ("raw" in sections):
        raise SourceError(f"{path}: exactly one of package or raw is needed")
    for need in ("turns", "truth"):
        if need not in sections:
            raise SourceError(f"{path}: no {need} section")
    pickup = int(header["pickup"])
    raw = None
    if "package" in sections:
        body = "\n".join(sections["package"]).strip()
        handoff = None if body == "null" else json.loads(body)
    else:
        handoff = None
        raw = "\n".join(sections["raw"]).strip("\n")
    turns, repeats = parse_turns(sections["turns"], pickup, path)
    truth = parse_truth(sections["truth"], repeats, path)
    call = {
        "format": "call-scenario/1",
        "id": header["id"],
        "title": header["title"],
        "kb": KB,
        "handoff": handoff,
    }
    if raw is not None:
        call["rawHandoff"] = raw
    call["pickupAtMs"] = pickup
    call["turns"] = turns
    call["truth"] = truth
    return call


def build_all():
    calls = []
    for name in sorted(os.listdir(SRC)):
        if name.endswith(".txt"):
            calls.append((name, build_one(os.path.join(SRC, name))))
    return calls


def serialise(call):
    return json.dumps(call, indent=2, ensure_ascii=False) + "\n"


def main():
    try:
        calls = build_all()
    except (SourceError, json.JSONDecodeError) as e:
        print(f"build failed: {e}", file=sys.stderr)
        return 1
    os.makedirs(OUT, exist_ok=True)
    wanted = set()
    for src_name, call in calls:
        out_name = call["id"] + ".json"
        wanted.add(out_name)
        with open(os.path.join(OUT, out_name), "w", encoding="utf-8") as f:
            f.write(serialise(call))
        print(f"{out_name}: {len(call['turns'])} turns")
    for stale in sorted(set(os.listdir(OUT)) - wanted):
        if stale.endswith(".json"):
            os.remove(os.path.join(OUT, stale))
            print(f"removed stale {stale}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
