#!/usr/bin/env python3
"""Serialise the hand-written call sources in src/*.txt into calls/*.json (call-scenario/1).

This script writes no wording, values or variations. It only:
  * parses the sections of each source file (@meta, @handoff, @raw, @turns, @truth),
  * numbers the turns and collects the indices of customer turns marked "C+:" into truth.repeats,
  * adds turn timings (atMs) from the pickup time and the number of words in each turn,
  * writes the JSON with a fixed key order.

Standard library only. Usage: python3 tools/build.py
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"

FIRST_TURN_GAP_MS = 1800   # pickup to the agent's first words
MS_PER_WORD = 340          # a steady phone-call speaking rate
TURN_GAP_MS = 900          # pause between speakers


def parse(path):
    sections = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("@") and line[1:].strip() in ("meta", "handoff", "raw", "turns", "truth"):
            current = line[1:].strip()
            sections[current] = []
            continue
        if current is None:
            if line.strip():
                raise ValueError(f"{path.name}: text before the first section")
            continue
        sections[current].append(line)
    for need in ("meta", "handoff", "turns", "truth"):
        if need not in sections:
            raise ValueError(f"{path.name}: missing @{need}")
    return sections


def turns_of(lines, name):
    turns, repeats = [], []
    for raw in lines:
        if not raw.strip():
            continue
        tag, sep, text = raw.partition(": ")
        if not sep or tag not in ("A", "C", "C+"):
            raise ValueError(f"{name}: bad turn line: {raw[:60]}")
        if tag == "C+":
            repeats.append(len(turns))
        turns.append({"speaker": "agent" if tag == "A" else "customer", "text": text.strip()})
    return turns, repeats


def timed(turns, pickup):
    at = pickup + FIRST_TURN_GAP_MS
    out = []
    for t in turns:
        out.append({"atMs": at, "speaker": t["speaker"], "text": t["text"]})
        at += len(t["text"].split()) * MS_PER_WORD + TURN_GAP_MS
    return out


def build(path):
    s = parse(path)
    meta = json.loads("\n".join(s["meta"]))
    handoff = json.loads("\n".join(s["handoff"]))
    truth = json.loads("\n".join(s["truth"]))
    turns, repeats = turns_of(s["turns"], path.name)
    doc = {
        "format": "call-scenario/1",
        "id": meta["id"],
        "title": meta["title"],
        "kb": "marlow-finch",
        "handoff": handoff,
    }
    if "raw" in s:
        doc["rawHandoff"] = "\n".join(s["raw"]).strip("\n")
    doc["pickupAtMs"] = meta["pickupAtMs"]
    doc["turns"] = timed(turns, meta["pickupAtMs"])
    doc["truth"] = {
        "facts": truth["facts"],
        "repeats": repeats,
        "kbSubflows": truth["kbSubflows"],
        "contextErrors": truth["contextErrors"],
        "handBack": truth["handBack"],
        "injection": truth["injection"],
    }
    return meta["id"], doc


def main():
    OUT.mkdir(exist_ok=True)
    sources = sorted(SRC.glob("*.txt"))
    if not sources:
        sys.exit("no sources in src/")
    for path in sources:
        cid, doc = build(path)
        if cid != path.stem:
            sys.exit(f"{path.name}: id {cid} does not match the file name")
        (OUT / f"{cid}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote calls/{cid}.json  ({len(doc['turns'])} turns, repeats {doc['truth']['repeats']})")


if __name__ == "__main__":
    main()
