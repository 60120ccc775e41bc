#!/usr/bin/env python3
"""Serialise the hand-written calls in calls_src.py to call-scenario/1 JSON.

Only mechanical work happens here: turn times from word counts, callSid strings, the package's
field order, and truth.repeats from the "R" marks. Every utterance and label is in calls_src.py.
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from calls_src import CALLS

OUT = os.path.join(os.path.dirname(__file__), "..", "calls")
KB = "harborview-cu"

def timed(turns, start):
    out, repeats, t = [], [], start
    for i, turn in enumerate(turns):
        speaker = {"a": "agent", "c": "customer"}[turn[0]]
        text = turn[1]
        gap = 700 + (i * 373) % 900            # 0.7 to 1.6 s between turns
        t += gap
        out.append({"atMs": t, "speaker": speaker, "text": text})
        t += 450 + 340 * len(text.split())      # about 2.9 words a second
        if len(turn) > 2 and turn[2] == "R":
            assert speaker == "customer", (text,)
            repeats.append(i)
    return out, repeats

def main():
    os.makedirs(OUT, exist_ok=True)
    for n, c in enumerate(CALLS, 1):
        h = c["handoff"]
        handoff = None
        if h is not None:
            handoff = {
                "handoffId": h["handoffId"],
                "callSid": "CAb606%028x" % n,
                "triggeredAtMs": h["triggeredAtMs"],
                "packagedAtMs": h["packagedAtMs"],
                "caller": h["caller"],
                "intent": h["intent"],
                "summary": h["summary"],
                "facts": h["facts"],
                "aiAttempts": h["aiAttempts"],
                "trigger": h["trigger"],
                "nextSteps": h["nextSteps"],
                "language": h.get("language", "en"),
            }
        turns, repeats = timed(c["turns"], c["pickupAtMs"] + 600)
        t = c["truth"]
        doc = {"format": "call-scenario/1", "id": c["id"], "title": c["title"], "kb": KB, "handoff": handoff}
        if "rawHandoff" in c:
            doc["rawHandoff"] = c["rawHandoff"]
        doc["pickupAtMs"] = c["pickupAtMs"]
        doc["turns"] = turns
        doc["truth"] = {
            "facts": t["facts"],
            "repeats": repeats,
            "kbSubflows": t["kbSubflows"],
            "contextErrors": t["contextErrors"],
            "handBack": t["handBack"],
            "injection": t["injection"],
        }
        with open(os.path.join(OUT, c["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"wrote {len(CALLS)} calls to {os.path.normpath(OUT)}")

if __name__ == "__main__":
    main()
