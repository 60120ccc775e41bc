#!/usr/bin/env python3
"""Serialise the hand-written call sources in src/*.txt into calls/<id>.json (call-scenario/1).

This script only serialises and times turns. Every utterance, value and label is written by hand
in the source files; nothing here invents text or truth.

Source format (one call per file):
  @id <id>                     @title <text>            @kb <pack id>
  @wpm <words per minute>      @pickup <ms>             (call clock when the human picked up)
  @handoff                     followed by the package JSON, or "@handoff null"
  @raw                         optional: the malformed package text exactly as received (until the next @ line)
  @turns                       then lines "A: text" (agent) or "C: text" (customer); "#" lines are comments
  @truth                       followed by the truth JSON
Timing: each turn starts after the previous one ends plus a pause; duration = words / wpm.
Pauses come from a fixed per-call sequence so rebuilding gives identical files.
"""
import hashlib, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "calls")


def parse(path):
    blocks, cur, meta = {}, None, {}
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            m = re.match(r"^@(\w+)\s*(.*)$", line)
            if m:
                key, rest = m.group(1), m.group(2)
                if key in ("handoff", "raw", "turns", "truth"):
                    cur = key
                    blocks[cur] = [rest] if rest else []
                else:
                    meta[key] = rest.strip()
                    cur = None
                continue
            if cur is not None:
                blocks[cur].append(line)
    return meta, blocks


def pauses(seed, n):
    h = hashlib.sha256(seed.encode()).digest()
    out = []
    while len(out) < n:
        for b in h:
            out.append(450 + (b * 1100) // 255)
        h = hashlib.sha256(h).digest()
    return out[:n]


def build(path):
    meta, blocks = parse(path)
    cid = meta["id"]
    wpm = float(meta.get("wpm", "160"))
    pickup = int(meta["pickup"])
    hand_txt = "\n".join(blocks.get("handoff", [])).strip()
    handoff = None if hand_txt in ("", "null") else json.loads(hand_txt)
    turns_src = []
    for line in blocks["turns"]:
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        sp, text = s.split(":", 1)
        speaker = {"A": "agent", "C": "customer"}[sp.strip()]
        turns_src.append((speaker, text.strip()))
    gaps = pauses(cid, len(turns_src) + 1)
    t = pickup + 900 + gaps[0]
    turns = []
    for i, (speaker, text) in enumerate(turns_src):
        turns.append({"atMs": t, "speaker": speaker, "text": text})
        words = len(text.split())
        dur = int(words / wpm * 60000) + 350
        t = t + dur + gaps[i + 1]
    truth = json.loads("\n".join(blocks["truth"]))
    doc = {"format": "call-scenario/1", "id": cid, "title": meta["title"], "kb": meta["kb"], "handoff": handoff}
    if "raw" in blocks:
        doc["rawHandoff"] = "\n".join(blocks["raw"]).strip("\n")
    doc["pickupAtMs"] = pickup
    doc["turns"] = turns
    doc["truth"] = truth
    return cid, doc


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".json"):
            os.remove(os.path.join(OUT, old))
    n = 0
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".txt"):
            continue
        cid, doc = build(os.path.join(SRC, name))
        with open(os.path.join(OUT, cid + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
        n += 1
    print(f"built {n} calls into {OUT}")


if __name__ == "__main__":
    sys.exit(main())
