#!/usr/bin/env python3
"""Serialise the hand-written sources in src/ into call-scenario/1 files in calls/.

This script only parses, serialises and adds turn timings. Every word, value and
label comes from the source files, which were written by hand.

Source layout (src/b13n-NN.txt):
    id: <scenario id>
    title: <title>
    pickup: <pickupAtMs>
    ## handoff
    <JSON object, or null>
    ## raw                      (optional, only when handoff is null)
    <the package text exactly as received, one line>
    ## turns
    agent: <text>
    customer +2500: <text>     (optional +N = extra pause in ms before the turn)
    ## truth
    <JSON object>

Timings: the first turn starts 1800 ms after pickup; each later turn starts when
the previous one ends (about 330 ms a word, at least 1100 ms) plus a 700 ms gap
and any extra pause written in the source.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"

TURN_RE = re.compile(r"^(agent|customer)(?:\s*\+(\d+))?:\s?(.*)$")


def parse(path):
    meta, sections, current = {}, {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = []
            continue
        if current is None:
            if line.strip():
                key, _, value = line.partition(":")
                meta[key.strip()] = value.strip()
            continue
        sections[current].append(line)
    return meta, sections


def build_turns(lines, pickup):
    turns, t, prev_words = [], None, 0
    for raw in lines:
        if not raw.strip():
            continue
        m = TURN_RE.match(raw)
        if not m:
            raise SystemExit(f"bad turn line: {raw!r}")
        speaker, pause, text = m.group(1), int(m.group(2) or 0), m.group(3).strip()
        if t is None:
            t = pickup + 1800 + pause
        else:
            t = t + max(1100, 330 * prev_words) + 700 + pause
        t = int(round(t / 10.0) * 10)
        turns.append({"atMs": t, "speaker": speaker, "text": text})
        prev_words = len(text.split())
    return turns


def main():
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    count = 0
    for path in sorted(SRC.glob("b13n-*.txt")):
        meta, sec = parse(path)
        pickup = int(meta["pickup"])
        handoff = json.loads("\n".join(sec["handoff"]))
        doc = {
            "format": "call-scenario/1",
            "id": meta["id"],
            "title": meta["title"],
            "kb": "northwind-connect",
            "handoff": handoff,
        }
        if "raw" in sec:
            doc["rawHandoff"] = "\n".join(l for l in sec["raw"] if l.strip())
        doc["pickupAtMs"] = pickup
        doc["turns"] = build_turns(sec["turns"], pickup)
        doc["truth"] = json.loads("\n".join(sec["truth"]))
        (OUT / f"{meta['id']}.json").write_text(
            json.dumps(doc, indent=2, ensure_ascii=True) + "\n", encoding="utf-8"
        )
        count += 1
    print(f"wrote {count} calls to {OUT}")
    if "--index" in sys.argv:
        for f in sorted(OUT.glob("*.json")):
            d = json.loads(f.read_text())
            print("==", d["id"])
            for i, tr in enumerate(d["turns"]):
                print(f"  {i:2d} {tr['speaker'][0]} {tr['text'][:110]}")


if __name__ == "__main__":
    main()
