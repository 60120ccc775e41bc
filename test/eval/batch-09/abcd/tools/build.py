#!/usr/bin/env python3
"""Serialise the hand-written call sources in ../src into call-scenario/1 files in ../calls.

This script only (1) copies the hand-written package, turns and truth labels into the wire
shape and (2) times the turns on the call clock. It writes no utterance, value or label.

Source shape (src/<id>.json):
  id, title, handoff (object or null), rawHandoffFile (optional, file in src/ holding the
  package exactly as received), pickupAtMs, firstDelayMs (optional), pace (optional
  {"A": ms per character, "C": ms per character}), turns: [[speaker, text, extraGapMs?]],
  truth (written by hand).
Speaker "A" = agent, "C" = customer.

Timing: a turn starts after the previous one has been spoken (characters x pace) plus a pause
of 350-1249 ms derived from a CRC of the text (deterministic), plus any extra gap written in
the source (holds, typing, reading from paper).
"""
import json
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"
SPEAKER = {"A": "agent", "C": "customer"}
DEFAULT_PACE = {"A": 58, "C": 64}


def build(src_path: Path) -> dict:
    s = json.loads(src_path.read_text(encoding="utf-8"))
    pace = dict(DEFAULT_PACE)
    pace.update(s.get("pace", {}))
    t = s["pickupAtMs"] + s.get("firstDelayMs", 2100)
    turns = []
    for row in s["turns"]:
        spk, text = row[0], row[1]
        extra = row[2] if len(row) > 2 else 0
        t += extra
        turns.append({"atMs": t, "speaker": SPEAKER[spk], "text": text})
        spoken = max(900, len(text) * pace[spk])
        pause = 350 + zlib.crc32(text.encode("utf-8")) % 900
        t += spoken + pause
    call = {
        "format": "call-scenario/1",
        "id": s["id"],
        "title": s["title"],
        "kb": "abcd",
        "handoff": s["handoff"],
    }
    if "rawHandoffFile" in s:
        call["rawHandoff"] = (SRC / s["rawHandoffFile"]).read_text(encoding="utf-8")
    call["pickupAtMs"] = s["pickupAtMs"]
    call["turns"] = turns
    call["truth"] = s["truth"]
    return call


def main() -> int:
    OUT.mkdir(exist_ok=True)
    srcs = sorted(SRC.glob("b9a-*.json"))
    for p in srcs:
        call = build(p)
        (OUT / f"{call['id']}.json").write_text(
            json.dumps(call, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"built {len(srcs)} calls into {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
