#!/usr/bin/env python3
"""Serialise the hand-written sources into the deliverables.

  pack_src.PACK        -> pack-skyline-air/pack.json
  lookups_src.LOOKUPS  -> pack-skyline-air/lookups.json
  calls_a / calls_b    -> calls/<id>.json  (call-scenario/1)

The only thing this script adds is the call clock: each turn's atMs is the previous turn's atMs plus
a speaking time from its word count plus a pause from a fixed cycle. It never writes an utterance,
a value or a label; those are all in the source files. Articles are hand-written Markdown and are
not touched.
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from pack_src import PACK          # noqa: E402
from lookups_src import LOOKUPS    # noqa: E402
from calls_a import CALLS_A        # noqa: E402
from calls_b import CALLS_B        # noqa: E402

CC0 = """Skyline Regional Air evaluation material (pack-skyline-air and calls), batch-07.

CC0 1.0 Universal. To the extent possible under law, the authors have waived all copyright and
related or neighbouring rights to this work. You can copy, modify, distribute and use it, even for
commercial purposes, without asking permission.
https://creativecommons.org/publicdomain/zero/1.0/

Every business, person, number, address and email in it is invented.
"""

MS_PER_WORD = 340
PAUSES = [900, 1300, 700, 1600, 1000, 1200, 800, 1500]   # ms between turns, cycled
FIRST_PAUSE = 1900                                         # pickup to the agent's first word


def time_turns(pickup, turns):
    out, at = [], pickup + FIRST_PAUSE
    for i, (speaker, text) in enumerate(turns):
        out.append({"atMs": at, "speaker": {"a": "agent", "c": "customer"}[speaker], "text": text})
        at += len(text.split()) * MS_PER_WORD + PAUSES[i % len(PAUSES)]
    return out


def call_json(c, kb):
    d = {"format": "call-scenario/1", "id": c["id"], "title": c["title"], "kb": kb, "handoff": c["handoff"]}
    if "rawHandoff" in c:
        d["rawHandoff"] = c["rawHandoff"]
    d["pickupAtMs"] = c["pickupAtMs"]
    d["turns"] = time_turns(c["pickupAtMs"], c["turns"])
    d["truth"] = c["truth"]
    return d


def dump(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    pack_dir = os.path.join(ROOT, "pack-skyline-air")
    calls_dir = os.path.join(ROOT, "calls")
    os.makedirs(calls_dir, exist_ok=True)
    dump(os.path.join(pack_dir, "pack.json"), PACK)
    dump(os.path.join(pack_dir, "lookups.json"), LOOKUPS)
    for p in (os.path.join(pack_dir, "LICENSE"), os.path.join(ROOT, "LICENSE")):
        with open(p, "w", encoding="utf-8") as f:
            f.write(CC0)
    for old in os.listdir(calls_dir):
        if old.endswith(".json"):
            os.remove(os.path.join(calls_dir, old))
    for c in CALLS_A + CALLS_B:
        dump(os.path.join(calls_dir, c["id"] + ".json"), call_json(c, PACK["id"]))
    print(f"wrote pack.json, lookups.json, LICENSE and {len(CALLS_A) + len(CALLS_B)} calls")


if __name__ == "__main__":
    main()
