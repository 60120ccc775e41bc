#!/usr/bin/env python3
"""Serialise the hand-written call sources in src/*.call into calls/*.json (call-scenario/1).

This script writes no wording. It only:
  * reads the header lines (id, title, kb, pickupAtMs),
  * parses the hand-written JSON blocks (== handoff, == truth) and keeps the == raw block verbatim,
  * turns "A: ..." / "C: ..." lines into turns (A = agent, C = customer; "C+:" marks a customer turn
    that the writer labelled as a repeat, and its index goes into truth.repeats),
  * adds atMs to each turn from a fixed speaking-rate rule (deterministic).

Usage: python3 tools/build_calls.py
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"

FIRST_TURN_GAP_MS = 1500
TURN_GAP_MS = 800
MS_PER_CHAR = 55


def parse(path):
    header, blocks, order = {}, {}, []
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            current = line[3:].strip()
            blocks[current] = []
            order.append(current)
            continue
        if current is None:
            if line.strip() and not line.startswith("#"):
                key, _, value = line.partition(":")
                header[key.strip()] = value.strip()
            continue
        blocks[current].append(line)
    return header, blocks


def build(path):
    header, blocks = parse(path)
    pickup = int(header["pickupAtMs"])
    handoff = None
    if "handoff" in blocks:
        handoff = json.loads("\n".join(blocks["handoff"]))
    raw = None
    if "raw" in blocks:
        raw = "\n".join(blocks["raw"]).strip("\n")
    turns, repeats = [], []
    t = pickup + FIRST_TURN_GAP_MS
    for line in blocks["turns"]:
        if not line.strip():
            continue
        tag, _, text = line.partition(":")
        tag, text = tag.strip(), text.strip()
        if tag not in ("A", "C", "C+"):
            raise SystemExit(f"{path.name}: bad turn tag {tag!r}")
        speaker = "agent" if tag == "A" else "customer"
        if tag == "C+":
            repeats.append(len(turns))
        turns.append({"atMs": t, "speaker": speaker, "text": text})
        t += TURN_GAP_MS + MS_PER_CHAR * len(text)
        t = int(round(t / 10.0) * 10)
    truth = json.loads("\n".join(blocks["truth"]))
    ordered_truth = {
        "facts": truth["facts"],
        "repeats": repeats,
        "kbSubflows": truth["kbSubflows"],
        "contextErrors": truth["contextErrors"],
        "handBack": truth["handBack"],
        "injection": truth["injection"],
    }
    call = {
        "format": "call-scenario/1",
        "id": header["id"],
        "title": header["title"],
        "kb": header.get("kb", "kestrel-lake-air"),
        "handoff": handoff,
    }
    if raw is not None:
        call["rawHandoff"] = raw
    call["pickupAtMs"] = pickup
    call["turns"] = turns
    call["truth"] = ordered_truth
    return call


def main():
    OUT.mkdir(exist_ok=True)
    sources = sorted(SRC.glob("*.call"))
    if not sources:
        sys.exit("no sources in src/")
    for src in sources:
        call = build(src)
        dest = OUT / (call["id"] + ".json")
        dest.write_text(json.dumps(call, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {dest.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
