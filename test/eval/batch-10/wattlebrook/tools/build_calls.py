#!/usr/bin/env python3
"""Serialise the hand-written call sources in src/calls/*.txt into calls/*.json (call-scenario/1).

This script only serialises and adds turn times. It never writes an utterance, a value or a label:
every turn, package and truth is copied from the source as written.

Source layout (sections start with a line "# <name>"):
  # meta      JSON: {"id", "title", "pickupAtMs"}
  # handoff   JSON object, or null
  # raw       (optional) the package exactly as received, when it is malformed; handoff must be null
  # turns     one turn per line: "A: text" (agent) or "C: text" (customer). "C+:" marks a customer turn the
              writer labelled as a repeat; the marker is stripped here and check.py compares it with
              truth.repeats (which is written by hand).
  # truth     JSON object
  # notes     free text for the writer (labelling notes), not serialised

Turn times: the first turn starts 1.4 s after pickup; each next turn starts when the previous one ends
(about 0.36 s a word plus 0.5 s) plus a gap of 0.6 to 1.5 s that cycles with the turn index.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "calls"
OUT = ROOT / "calls"
KB = "wattlebrook-vet"
GAPS = [700, 1100, 900, 1500, 600, 1300]


def parse(path):
    sections, name, buf = {}, None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and line[2:].strip() in {"meta", "handoff", "raw", "turns", "truth", "notes"}:
            if name:
                sections[name] = "\n".join(buf).strip("\n")
            name, buf = line[2:].strip(), []
        else:
            buf.append(line)
    if name:
        sections[name] = "\n".join(buf).strip("\n")
    return sections


def turns_of(text):
    turns = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        tag, _, body = raw.partition(":")
        tag = tag.strip()
        if tag not in {"A", "C", "C+"} or not body.strip():
            raise SystemExit(f"bad turn line: {raw!r}")
        turns.append(("agent" if tag == "A" else "customer", body.strip(), tag == "C+"))
    return turns


def build(path):
    s = parse(path)
    meta = json.loads(s["meta"])
    handoff = json.loads(s["handoff"])
    truth = json.loads(s["truth"])
    turns = turns_of(s["turns"])
    t = meta["pickupAtMs"] + 1400
    out_turns = []
    for i, (speaker, text, _rep) in enumerate(turns):
        out_turns.append({"atMs": t, "speaker": speaker, "text": text})
        words = len(text.split())
        t = t + 360 * words + 500 + GAPS[i % len(GAPS)]
    call = {
        "format": "call-scenario/1",
        "id": meta["id"],
        "title": meta["title"],
        "kb": KB,
        "handoff": handoff,
    }
    if "raw" in s:
        call["rawHandoff"] = s["raw"]
    call["pickupAtMs"] = meta["pickupAtMs"]
    call["turns"] = out_turns
    call["truth"] = truth
    return call


def main():
    OUT.mkdir(exist_ok=True)
    srcs = sorted(SRC.glob("*.txt"))
    if not srcs:
        sys.exit("no sources")
    for p in srcs:
        call = build(p)
        if call["id"] != p.stem:
            sys.exit(f"{p.name}: id {call['id']} does not match the file name")
        (OUT / f"{p.stem}.json").write_text(json.dumps(call, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(srcs)} calls to {OUT}")


if __name__ == "__main__":
    main()
