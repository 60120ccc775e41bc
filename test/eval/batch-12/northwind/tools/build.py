#!/usr/bin/env python3
"""Serialise the hand-written sources in ../src/*.call into ../calls/<id>.json (call-scenario/1).

This script only serialises: it copies the hand-written header, package, turns and truth into JSON,
numbers the turns, turns the hand-placed repeat markers into turn indices, and adds turn times
(atMs) from the length of each turn. It writes no wording and no values of its own.

Source layout (one call per file):

    id: b12n-01-some-slug
    title: One line
    pickupAtMs: 169800
    == handoff
    { ...the package as hand-written JSON... }      or the word  null
    == rawHandoff                                    (optional; one JSON string literal: the bytes received)
    "..."
    == turns
    A: agent text
    C: customer text
    C[account_number]: customer turn that restates a package fact (names comma-separated)
    A +4000: a turn after an extra 4 s pause (hold, typing)
    == truth
    { "facts": {...}, "kbSubflows": [...], "contextErrors": [...], "handBack": ..., "injection": false }
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OUT = ROOT / "calls"

TURN_RE = re.compile(r"^(A|C)(?:\[([a-z_,]+)\])?(?:\s*\+(\d+))?:\s*(.*)$")


def parse(path):
    head, sections, current = {}, {}, None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("== "):
            current = raw[3:].strip()
            sections[current] = []
            continue
        if current is None:
            if raw.strip() and not raw.startswith("#"):
                key, _, value = raw.partition(":")
                head[key.strip()] = value.strip()
            continue
        sections[current].append(raw)
    return head, sections


def turn_times(pickup, turns):
    """Call-clock times: a short greeting gap after pickup, then each turn lasts by its length."""
    t = pickup + 1700
    out = []
    for i, (speaker, text, pause) in enumerate(turns):
        t += pause
        out.append(t)
        words = len(text.split())
        # about 2.9 words a second, plus a turn gap that varies with the turn's length
        t += int(words * 345) + 650 + (len(text) % 5) * 120
    return out


def build(path):
    head, sec = parse(path)
    cid = head["id"]
    if path.stem != cid:
        sys.exit(f"{path.name}: file name and id differ ({cid})")
    handoff_text = "\n".join(sec["handoff"]).strip()
    handoff = None if handoff_text == "null" else json.loads(handoff_text)
    raw = None
    if "rawHandoff" in sec:
        raw = json.loads("\n".join(sec["rawHandoff"]).strip())
    turns, repeats, markers = [], [], {}
    for line in sec["turns"]:
        if not line.strip():
            continue
        m = TURN_RE.match(line)
        if not m:
            sys.exit(f"{path.name}: bad turn line: {line[:60]}")
        who, names, pause, text = m.groups()
        idx = len(turns)
        if names:
            if who != "C":
                sys.exit(f"{path.name}: repeat marker on an agent turn {idx}")
            repeats.append(idx)
            markers[str(idx)] = names.split(",")
        turns.append(("agent" if who == "A" else "customer", text.strip(), int(pause or 0)))
    pickup = int(head["pickupAtMs"])
    times = turn_times(pickup, turns)
    truth_in = json.loads("\n".join(sec["truth"]))
    truth = {
        "facts": truth_in["facts"],
        "repeats": repeats,
        "kbSubflows": truth_in["kbSubflows"],
        "contextErrors": truth_in["contextErrors"],
        "handBack": truth_in["handBack"],
        "injection": truth_in["injection"],
    }
    doc = {
        "format": "call-scenario/1",
        "id": cid,
        "title": head["title"],
        "kb": head["kb"],
        "handoff": handoff,
    }
    if raw is not None:
        doc["rawHandoff"] = raw
    doc["pickupAtMs"] = pickup
    doc["turns"] = [{"atMs": t, "speaker": s, "text": x} for t, (s, x, _) in zip(times, turns)]
    doc["truth"] = truth
    # the repeat markers stay beside the calls so check.py can audit them (not part of the format)
    return cid, doc, markers


def main():
    OUT.mkdir(exist_ok=True)
    all_markers = {}
    files = sorted(SRC.glob("*.call"))
    for f in files:
        cid, doc, markers = build(f)
        (OUT / f"{cid}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        all_markers[cid] = markers
    (ROOT / "tools" / "repeat-markers.json").write_text(json.dumps(all_markers, indent=2) + "\n", encoding="utf-8")
    print(f"built {len(files)} calls into {OUT}")


if __name__ == "__main__":
    main()
