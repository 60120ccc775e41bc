#!/usr/bin/env python3
"""Serialise the hand-written sources in src/*.txt into calls/*.json (call-scenario/1).

This script writes no words of its own: every utterance, package, value and label comes from
src/. It only parses the source layout, adds each turn's atMs (a deterministic estimate from the
turn's length), and writes JSON.

Source layout (one file per call):
  @id <id>            @title <title>        @pickup <ms>
  @persona <text>     @notes <json>          (bookkeeping for tools/check.py, not written out)
  @handoff            block: JSON object, or the word null
  @raw                block: the package exactly as received (only when @handoff is null)
  @turns              block: one turn per line, "A: text" (agent) or "C: text" (customer)
  @truth              block: JSON object
"""
import json, os, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SINGLE = {"id", "title", "pickup", "persona", "notes"}
BLOCKS = {"handoff", "raw", "turns", "truth"}


def parse(path):
    fields, block, buf = {}, None, []

    def close():
        if block is not None:
            fields[block] = "\n".join(buf)

    for line in open(path, encoding="utf-8").read().split("\n"):
        key = line[1:].split(" ", 1)[0] if line.startswith("@") else None
        if key in SINGLE or key in BLOCKS:
            close()
            block, buf = None, []
            if key in SINGLE:
                fields[key] = line[len(key) + 2:].strip()
            else:
                block = key
            continue
        if block is None:
            if line.strip():
                raise SystemExit(f"{path}: text outside a block: {line[:60]!r}")
            continue
        buf.append(line)
    close()
    return fields


def turns_with_times(lines, pickup, seed):
    turns = []
    t = pickup + 1400 + zlib.crc32(seed.encode()) % 1600
    for line in lines:
        if not line.strip():
            continue
        tag, _, text = line.partition(": ")
        speaker = {"A": "agent", "C": "customer"}.get(tag)
        if speaker is None or not text.strip():
            raise SystemExit(f"bad turn line: {line[:60]!r}")
        text = text.strip()
        turns.append({"atMs": t, "speaker": speaker, "text": text})
        words = len(text.split())
        speaking = 420 + words * 330
        gap = 450 + (zlib.crc32(text.encode()) % 9) * 120
        t += speaking + gap
    return turns


def build(path):
    f = parse(path)
    handoff_src = f["handoff"].strip()
    handoff = None if handoff_src == "null" else json.loads(handoff_src)
    call = {
        "format": "call-scenario/1",
        "id": f["id"],
        "title": f["title"],
        "kb": "abcd",
        "handoff": handoff,
    }
    if "raw" in f:
        call["rawHandoff"] = f["raw"].rstrip("\n")
    pickup = int(f["pickup"])
    call["pickupAtMs"] = pickup
    call["turns"] = turns_with_times(f["turns"].split("\n"), pickup, f["id"])
    call["truth"] = json.loads(f["truth"])
    return call


def main():
    src = os.path.join(ROOT, "src")
    out = os.path.join(ROOT, "calls")
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
    for n in names:
        call = build(os.path.join(src, n))
        if call["id"] + ".txt" != n:
            raise SystemExit(f"{n}: @id {call['id']} does not match the file name")
        with open(os.path.join(out, call["id"] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(call, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    print(f"built {len(names)} calls into calls/")


if __name__ == "__main__":
    sys.exit(main())
