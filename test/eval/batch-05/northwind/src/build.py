"""Builds calls/*.json from the hand-written call definitions in calls_*.py.

Only the timing (atMs) is computed here: each turn starts after the previous one has
been spoken (about 330-380 ms a word) plus a pause. Repeat indices come from the "R"
marks written on customer turns. Everything else is copied as written.
"""
import json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OUT = os.path.join(os.path.dirname(HERE), "calls")

from calls_1 import CALLS as C1
from calls_2 import CALLS as C2
from calls_3 import CALLS as C3

SPEAKER = {"a": "agent", "c": "customer"}


def timed_turns(call):
    rnd = random.Random(call["id"])
    t = call["pickupAtMs"] + rnd.randint(700, 1600)
    turns, repeats = [], []
    for i, turn in enumerate(call["turns"]):
        who, text = turn[0], turn[1]
        marks = turn[2] if len(turn) > 2 else ""
        turns.append({"atMs": t, "speaker": SPEAKER[who], "text": text})
        if "R" in marks:
            assert who == "c", (call["id"], i)
            repeats.append(i)
        words = len(text.split())
        per_word = rnd.randint(300, 360) if who == "a" else rnd.randint(320, 400)
        pause = rnd.randint(350, 1300)
        if "W" in marks:  # caller goes to find something / agent checks a screen
            pause += rnd.randint(2500, 6000)
        t += words * per_word + pause
    return turns, repeats


def build(call):
    turns, repeats = timed_turns(call)
    out = {
        "format": "call-scenario/1",
        "id": call["id"],
        "title": call["title"],
        "kb": "northwind-connect",
        "handoff": call["handoff"],
    }
    if "rawHandoff" in call:
        out["rawHandoff"] = call["rawHandoff"]
    out["pickupAtMs"] = call["pickupAtMs"]
    out["turns"] = turns
    out["truth"] = {
        "facts": call["facts"],
        "repeats": repeats,
        "kbSubflows": call["kbSubflows"],
        "contextErrors": call.get("contextErrors", []),
        "handBack": call.get("handBack"),
        "injection": call.get("injection", False),
    }
    return out


def main():
    calls = C1 + C2 + C3
    ids = [c["id"] for c in calls]
    assert len(ids) == len(set(ids)), "duplicate id"
    os.makedirs(OUT, exist_ok=True)
    for c in calls:
        with open(os.path.join(OUT, c["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(build(c), f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"wrote {len(calls)} calls to {OUT}")


if __name__ == "__main__":
    main()
