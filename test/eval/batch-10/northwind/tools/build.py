#!/usr/bin/env python3
"""Serialise the hand-written sources in src/*.call into calls/<id>.json.

This script writes no words of its own: it parses each source, adds an atMs time to every
turn (a deterministic pace from the turn's length), drops bookkeeping keys that start with
"_" from the truth, and writes the call-scenario/1 JSON. Utterances, packages and labels are
all hand-written in src/.
"""
import json
import pathlib
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"


def parse(path):
    text = path.read_text(encoding="utf-8")
    header, sections, current = {}, {}, None
    for line in text.split("\n"):
        if line.startswith("=== "):
            current = line[4:].strip()
            sections[current] = []
        elif current is None:
            if line.strip():
                key, _, value = line.partition(":")
                header[key.strip()] = value.strip()
        else:
            sections[current].append(line)
    body = {k: "\n".join(v).strip("\n") for k, v in sections.items()}
    turns = []
    for line in body["turns"].split("\n"):
        if not line.strip():
            continue
        tag, _, said = line.partition(": ")
        speaker = {"A": "agent", "C": "customer"}[tag]
        turns.append({"speaker": speaker, "text": said.strip()})
    return header, body, turns


def jitter(seed, lo, hi):
    return lo + zlib.crc32(seed.encode("utf-8")) % (hi - lo + 1)


def timed(call_id, pickup, turns):
    out, clock = [], pickup + jitter(call_id + "/first", 900, 2100)
    for i, turn in enumerate(turns):
        words = len(turn["text"].split())
        out.append({"atMs": clock, "speaker": turn["speaker"], "text": turn["text"]})
        rate = 360 if turn["speaker"] == "customer" else 320
        clock += 700 + words * rate + jitter(f"{call_id}/{i}", 300, 1500)
    return out


def build(path):
    header, body, turns = parse(path)
    call_id = header["id"]
    handoff = json.loads(body["handoff"])
    truth = {k: v for k, v in json.loads(body["truth"]).items() if not k.startswith("_")}
    pickup = int(header["pickupAtMs"])
    call = {
        "format": "call-scenario/1",
        "id": call_id,
        "title": header["title"],
        "kb": "northwind-connect",
        "handoff": handoff,
    }
    if "raw" in body:
        call["rawHandoff"] = body["raw"]
    call["pickupAtMs"] = pickup
    call["turns"] = timed(call_id, pickup, turns)
    call["truth"] = truth
    return call_id, call


def main():
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    for path in sorted(SRC.glob("*.call")):
        call_id, call = build(path)
        (OUT / f"{call_id}.json").write_text(json.dumps(call, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote calls/{call_id}.json ({len(call['turns'])} turns)")


if __name__ == "__main__":
    main()
