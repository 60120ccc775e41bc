#!/usr/bin/env python3
"""Serialise the hand-written sources in ../src/*.txt into call-scenario/1 files in ../calls/.

This script writes no wording and no values. It only:
  * copies the header lines, the package JSON (or null), the raw package text, the turns and the truth;
  * numbers the turns, and collects the indices of the turns the source marks as repeats ("customer+:");
  * adds the call-clock timings of the turns (atMs) from a fixed rule:
      first turn = pickupAtMs + firstTurnGapMs (default 2000),
      next turn  = previous + 700 ms + 310 ms per word of the previous turn + any hand-written extra
                   pause ("agent [+3000]: ..." adds 3000 ms before that turn).

Source layout (one call per file):

    id: b13a-NN-slug
    title: ...
    pickupAtMs: 123456
    firstTurnGapMs: 2000        (optional)

    @handoff
    { ...package JSON... }      or the word null

    @rawHandoff                 (optional: the package text exactly as received)
    ...verbatim text...

    @turns
    agent: ...
    customer: ...
    customer+: ...              (a customer turn that restates a package fact)

    @truth
    { "facts": {...}, "kbSubflows": [...], "contextErrors": [...], "handBack": ..., "injection": false }

Usage: python3 tools/build.py        (from the folder above tools/)
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"

TURN_RE = re.compile(r"^(agent|customer)(\+)?(?:\s*\[\+(\d+)\])?:\s?(.*)$")


def parse(path):
    text = path.read_text(encoding="utf-8")
    header, _, rest = text.partition("\n@")
    rest = "@" + rest
    meta = {}
    for line in header.splitlines():
        line = line.strip()
        if not line:
            continue
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    sections = {}
    current = None
    buf = []
    for line in rest.splitlines(keepends=True):
        m = re.match(r"^@(handoff|rawHandoff|turns|truth)\s*$", line)
        if m:
            if current:
                sections[current] = "".join(buf)
            current = m.group(1)
            buf = []
        else:
            buf.append(line)
    if current:
        sections[current] = "".join(buf)
    return meta, sections


def build(path):
    meta, sec = parse(path)
    for key in ("id", "title", "pickupAtMs"):
        if key not in meta:
            raise SystemExit(f"{path.name}: missing header {key}")
    for key in ("handoff", "turns", "truth"):
        if key not in sec:
            raise SystemExit(f"{path.name}: missing section @{key}")
    handoff_text = sec["handoff"].strip()
    handoff = None if handoff_text == "null" else json.loads(handoff_text)
    pickup = int(meta["pickupAtMs"])
    gap0 = int(meta.get("firstTurnGapMs", "2000"))

    turns = []
    repeats = []
    t = None
    prev_words = 0
    for raw in sec["turns"].splitlines():
        if not raw.strip():
            continue
        m = TURN_RE.match(raw.strip())
        if not m:
            raise SystemExit(f"{path.name}: bad turn line: {raw!r}")
        speaker, plus, extra, body = m.group(1), m.group(2), m.group(3), m.group(4).strip()
        extra_ms = int(extra) if extra else 0
        if t is None:
            t = pickup + gap0 + extra_ms
        else:
            t = t + 700 + 310 * prev_words + extra_ms
        if plus:
            if speaker != "customer":
                raise SystemExit(f"{path.name}: only customer turns can be marked as repeats")
            repeats.append(len(turns))
        turns.append({"atMs": t, "speaker": speaker, "text": body})
        prev_words = len(body.split())

    truth_in = json.loads(sec["truth"])
    truth = {
        "facts": truth_in["facts"],
        "repeats": repeats,
        "kbSubflows": truth_in["kbSubflows"],
        "contextErrors": truth_in["contextErrors"],
        "handBack": truth_in["handBack"],
        "injection": truth_in["injection"],
    }
    call = {
        "format": "call-scenario/1",
        "id": meta["id"],
        "title": meta["title"],
        "kb": "abcd",
        "handoff": handoff,
    }
    if "rawHandoff" in sec:
        raw_text = sec["rawHandoff"]
        if raw_text.endswith("\n"):
            raw_text = raw_text[:-1]
        call["rawHandoff"] = raw_text
    call["pickupAtMs"] = pickup
    call["turns"] = turns
    call["truth"] = truth
    return call


def main():
    OUT.mkdir(exist_ok=True)
    sources = sorted(SRC.glob("*.txt"))
    if not sources:
        raise SystemExit("no sources in src/")
    for path in sources:
        call = build(path)
        if path.stem != call["id"]:
            raise SystemExit(f"{path.name}: file name does not match id {call['id']}")
        out = OUT / f"{call['id']}.json"
        out.write_text(json.dumps(call, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"built {len(sources)} calls into {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    sys.exit(main())
