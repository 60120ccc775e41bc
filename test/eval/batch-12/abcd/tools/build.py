#!/usr/bin/env python3
"""Serialise the hand-written sources in src/ into calls/*.json (call-scenario/1).

What this script does, and nothing more:
  * reads each src/<id>.json (written by hand),
  * turns the compact turn pairs ["a"|"c", text] into {atMs, speaker, text} objects,
    adding call-clock times computed from the text length (deterministic, no randomness),
  * drops the "_notes" block (the writer's labelling notes; they stay in src/ and README),
  * writes calls/<id>.json with a fixed key order.
It never writes or changes any wording, value or label.

Usage: python3 tools/build.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "calls")

SPEAKERS = {"a": "agent", "c": "customer"}

FIRST_TURN_DELAY_MS = 1800  # pickup to the agent's first words
MS_PER_WORD = 330            # about 180 words a minute
TURN_OVERHEAD_MS = 400
GAP_MS = 650                 # silence between turns

KEY_ORDER = ["format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"]


def timed_turns(pickup_ms, pairs):
    out = []
    t = pickup_ms + FIRST_TURN_DELAY_MS
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and pair[0] in SPEAKERS):
            raise ValueError("bad turn pair: %r" % (pair,))
        who, text = pair
        out.append({"atMs": t, "speaker": SPEAKERS[who], "text": text})
        words = len(text.split())
        t += TURN_OVERHEAD_MS + MS_PER_WORD * words + GAP_MS
    return out


def build_one(path):
    with open(path, encoding="utf-8") as f:
        src = json.load(f)
    doc = {}
    for key in KEY_ORDER:
        if key not in src:
            continue
        if key == "turns":
            doc["turns"] = timed_turns(src["pickupAtMs"], src["turns"])
        else:
            doc[key] = src[key]
    unknown = [k for k in src if k not in KEY_ORDER and not k.startswith("_")]
    if unknown:
        raise ValueError("%s: unknown top-level keys %s" % (path, unknown))
    return doc


def main():
    os.makedirs(OUT, exist_ok=True)
    names = sorted(n for n in os.listdir(SRC) if n.endswith(".json"))
    for name in names:
        doc = build_one(os.path.join(SRC, name))
        if doc["id"] + ".json" != name:
            print("id/file name mismatch: %s" % name, file=sys.stderr)
            return 1
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print("built %d calls into %s" % (len(names), OUT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
