#!/usr/bin/env python3
"""Serialise the hand-written call sources in src/*.call into calls/*.json (call-scenario/1).

This script writes no wording and no values. It only:
  * parses the source layout (header lines, <<<section ... >>> blocks, one turn a line),
  * numbers the turns and turns the hand-placed repeat marks ("C+:") into truth.repeats indices,
  * adds turn timings (atMs) from a fixed speaking-rate formula, starting after the hand-written pickupAtMs,
  * writes the JSON in the key order of /work/shared/scenarios/README.md.

Source layout:
    id: b13h-01-...
    title: ...
    pickup: 212300
    <<<handoff          (JSON of the package, or the single word null)
    >>>
    <<<raw              (optional: the package exactly as received, when it is malformed)
    >>>
    <<<truth            (JSON: facts, kbSubflows, contextErrors, handBack, injection)
    >>>
    <<<turns            (A: agent turn | C: customer turn | C+: customer turn that repeats a package fact)
    >>>
Lines starting with '#' outside the JSON blocks are comments.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"
KB = "aldergrove-hotels"

FIRST_TURN_DELAY_MS = 1500
MS_PER_CHAR = 58
TURN_BASE_MS = 500
GAP_MS = 600


def parse(path):
    header, blocks = {}, {}
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("<<<"):
            name = line[3:].strip()
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != ">>>":
                body.append(lines[i])
                i += 1
            if i >= len(lines):
                sys.exit(f"{path.name}: block {name} not closed")
            blocks[name] = "\n".join(body)
        elif line.strip() and not line.startswith("#"):
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
        i += 1
    return header, blocks


def turns_of(text, path):
    turns, repeats = [], []
    for raw in text.split("\n"):
        if not raw.strip() or raw.startswith("#"):
            continue
        tag, sep, said = raw.partition(":")
        if not sep:
            sys.exit(f"{path.name}: turn line without speaker: {raw!r}")
        tag = tag.strip()
        said = said.strip()
        if tag == "A":
            speaker = "agent"
        elif tag in ("C", "C+"):
            speaker = "customer"
            if tag == "C+":
                repeats.append(len(turns))
        else:
            sys.exit(f"{path.name}: unknown speaker tag {tag!r}")
        turns.append({"speaker": speaker, "text": said})
    return turns, repeats


def timed(turns, pickup):
    t = pickup + FIRST_TURN_DELAY_MS
    out = []
    for turn in turns:
        out.append({"atMs": t, "speaker": turn["speaker"], "text": turn["text"]})
        duration = TURN_BASE_MS + MS_PER_CHAR * len(turn["text"])
        t = int(round((t + duration + GAP_MS) / 10.0)) * 10
    return out


def build(path):
    header, blocks = parse(path)
    handoff_text = blocks["handoff"].strip()
    handoff = None if handoff_text == "null" else json.loads(handoff_text)
    truth_in = json.loads(blocks["truth"])
    pickup = int(header["pickup"])
    turns, repeats = turns_of(blocks["turns"], path)
    call = {
        "format": "call-scenario/1",
        "id": header["id"],
        "title": header["title"],
        "kb": KB,
        "handoff": handoff,
    }
    if "raw" in blocks:
        call["rawHandoff"] = blocks["raw"].strip("\n")
    call["pickupAtMs"] = pickup
    call["turns"] = timed(turns, pickup)
    call["truth"] = {
        "facts": truth_in["facts"],
        "repeats": repeats,
        "kbSubflows": truth_in["kbSubflows"],
        "contextErrors": truth_in["contextErrors"],
        "handBack": truth_in["handBack"],
        "injection": truth_in["injection"],
    }
    return call


def main():
    OUT.mkdir(exist_ok=True)
    sources = sorted(SRC.glob("*.call"))
    if not sources:
        sys.exit("no sources in src/")
    for path in sources:
        call = build(path)
        if call["id"] != path.stem:
            sys.exit(f"{path.name}: id {call['id']} does not match the file name")
        (OUT / f"{call['id']}.json").write_text(json.dumps(call, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"built {len(sources)} calls into {OUT}")


if __name__ == "__main__":
    main()
