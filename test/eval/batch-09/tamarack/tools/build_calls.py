#!/usr/bin/env python3
"""Serialise the hand-written call sources (src/calls/*.yaml) into call-scenario/1 JSON (calls/*.json).

Only serialises and times turns: every id, utterance, value and label comes from the YAML as written.
Turn times: the first turn starts 2.2 s after pickup; each next turn starts after the previous one's
speaking time (about 360 ms a word) plus a pause that depends only on the previous text's length.
"""
import json, pathlib, sys
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "calls"
OUT = ROOT / "calls"
PACK_ID = json.loads((ROOT / "pack-tamarack-residential" / "pack.json").read_text())["id"]
SPEAKER = {"a": "agent", "c": "customer"}


def timed(pickup, turns):
    out, t = [], pickup + 2200
    for speaker, text in turns:
        out.append({"atMs": t, "speaker": SPEAKER[speaker], "text": text})
        words = len(text.split())
        t += words * 360 + 400 + (len(text) * 37) % 900 + 500
    return out


def build(path):
    src = yaml.safe_load(path.read_text())
    doc = {"format": "call-scenario/1", "id": src["id"], "title": src["title"], "kb": PACK_ID,
           "handoff": src["handoff"]}
    if "rawHandoff" in src:
        doc["rawHandoff"] = src["rawHandoff"]
    doc["pickupAtMs"] = src["pickupAtMs"]
    doc["turns"] = timed(src["pickupAtMs"], src["turns"])
    doc["truth"] = src["truth"]
    return doc


def main():
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    for path in sorted(SRC.glob("*.yaml")):
        doc = build(path)
        (OUT / f"{doc['id']}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        print("wrote", doc["id"])


if __name__ == "__main__":
    sys.exit(main())
