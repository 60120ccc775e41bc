#!/usr/bin/env python3
"""Serialise the hand-written sources in src/*.txt into calls/*.json (call-scenario/1) and labels.md.

This script adds no words of its own to the calls: every text, value and label comes from a source
file.  The only things it computes are the turn times (atMs), from the word count of each turn, a
per-call speaking pace and a small deterministic gap, plus any explicit pause written in the source.

Source format (one file per call):

    id: <call id>
    title: <title>
    pickup: <pickupAtMs>
    pace: <agent ms per word> <customer ms per word>      (optional, default 320 360)

    == handoff
    <the package as JSON>  |  none
    == raw
    <the package exactly as received; only when handoff is none>
    == turns
    A: <agent text>
    C: <customer text>
    +<ms>                    extra silence before the next turn
    == truth
    fact <name> = <value> @ <origins> | <reason>      origins: pkg, tN (turn N), tN~ (spoken form checked by hand)
    repeat <turn> <fact name> | <reason>
    subflow <subflow id> | <reason>
    context facts.<name> | <reason>
    handback allowed|refused <task> | <reason>     or     handback none | <reason>
    injection yes|no | <reason>
    == notes
    <free text for reviewers>
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
CALLS = os.path.join(ROOT, "calls")


class SourceError(Exception):
    pass


def parse_source(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    meta, sections, current = {}, {}, None
    for line in lines:
        m = re.match(r"^== (\w+)\s*$", line)
        if m:
            current = m.group(1)
            if current in sections:
                raise SourceError(f"{path}: section {current} twice")
            sections[current] = []
            continue
        if current is None:
            if not line.strip() or line.startswith("#"):
                continue
            k, sep, v = line.partition(":")
            if not sep:
                raise SourceError(f"{path}: bad header line {line!r}")
            meta[k.strip()] = v.strip()
        else:
            sections[current].append(line)
    for key in ("id", "title", "pickup"):
        if key not in meta:
            raise SourceError(f"{path}: missing header {key}")
    for sec in ("handoff", "turns", "truth"):
        if sec not in sections:
            raise SourceError(f"{path}: missing section {sec}")
    return meta, sections


def parse_turns(path, lines):
    turns, pauses = [], {}
    pending = 0
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if re.fullmatch(r"\+\d+", s):
            pending += int(s[1:])
            continue
        m = re.match(r"^([AC]):\s?(.*)$", s)
        if not m:
            raise SourceError(f"{path}: bad turn line {s!r}")
        if pending:
            pauses[len(turns)] = pending
            pending = 0
        turns.append({"speaker": "agent" if m.group(1) == "A" else "customer", "text": m.group(2)})
    return turns, pauses


def parse_truth(path, lines):
    truth = {"facts": [], "repeats": [], "subflows": [], "contexts": [], "handback": None, "injection": None}
    for line in lines:
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        body, sep, reason = s.partition(" | ")
        if not sep or not reason.strip():
            raise SourceError(f"{path}: truth line without a reason: {s!r}")
        reason = reason.strip()
        kind, _, rest = body.partition(" ")
        rest = rest.strip()
        if kind == "fact":
            m = re.match(r"^(\w+) = (.+?) @ (.+)$", rest)
            if not m:
                raise SourceError(f"{path}: bad fact line {s!r}")
            truth["facts"].append({"name": m.group(1), "value": m.group(2), "origins": m.group(3).split(), "reason": reason})
        elif kind == "repeat":
            m = re.match(r"^(\d+) (\w+)$", rest)
            if not m:
                raise SourceError(f"{path}: bad repeat line {s!r}")
            truth["repeats"].append({"turn": int(m.group(1)), "name": m.group(2), "reason": reason})
        elif kind == "subflow":
            truth["subflows"].append({"id": rest, "reason": reason})
        elif kind == "context":
            truth["contexts"].append({"field": rest, "reason": reason})
        elif kind == "handback":
            parts = rest.split()
            if parts == ["none"]:
                truth["handback"] = {"decision": "none", "task": None, "reason": reason}
            elif len(parts) == 2 and parts[0] in ("allowed", "refused"):
                truth["handback"] = {"decision": parts[0], "task": parts[1], "reason": reason}
            else:
                raise SourceError(f"{path}: bad handback line {s!r}")
        elif kind == "injection":
            if rest not in ("yes", "no"):
                raise SourceError(f"{path}: bad injection line {s!r}")
            truth["injection"] = {"value": rest == "yes", "reason": reason}
        else:
            raise SourceError(f"{path}: unknown truth line {s!r}")
    if truth["handback"] is None or truth["injection"] is None:
        raise SourceError(f"{path}: truth needs a handback and an injection line")
    return truth


def gap(call_id, i):
    h = int(hashlib.sha256(f"{call_id}:{i}".encode()).hexdigest()[:8], 16)
    return h


def load(path):
    meta, sections = parse_source(path)
    call_id = meta["id"]
    pickup = int(meta["pickup"])
    pace = [int(x) for x in meta.get("pace", "320 360").split()]
    handoff_text = "\n".join(sections["handoff"]).strip()
    if handoff_text == "none":
        handoff = None
        if "raw" not in sections:
            raise SourceError(f"{path}: handoff none needs a raw section")
        raw = "\n".join(sections["raw"]).strip("\n")
    else:
        try:
            handoff = json.loads(handoff_text)
        except json.JSONDecodeError as e:
            raise SourceError(f"{path}: handoff is not JSON: {e}")
        raw = None
    turns, pauses = parse_turns(path, sections["turns"])
    t = pickup + 1100 + gap(call_id, -1) % 1700
    for i, turn in enumerate(turns):
        t += pauses.get(i, 0)
        turn["atMs"] = t
        words = len(turn["text"].split())
        per_word = pace[0] if turn["speaker"] == "agent" else pace[1]
        t += max(800, words * per_word) + 300 + gap(call_id, i) % 1200
    truth = parse_truth(path, sections["truth"])
    notes = "\n".join(sections.get("notes", [])).strip()
    return {"meta": meta, "handoff": handoff, "raw": raw, "turns": turns, "truth": truth, "notes": notes, "path": path}


def to_call(src):
    meta, truth = src["meta"], src["truth"]
    hb = truth["handback"]
    call = {
        "format": "call-scenario/1",
        "id": meta["id"],
        "title": meta["title"],
        "kb": "abcd",
        "handoff": src["handoff"],
    }
    if src["raw"] is not None:
        call["rawHandoff"] = src["raw"]
    call["pickupAtMs"] = int(meta["pickup"])
    call["turns"] = [{"atMs": t["atMs"], "speaker": t["speaker"], "text": t["text"]} for t in src["turns"]]
    call["truth"] = {
        "facts": {f["name"]: f["value"] for f in truth["facts"]},
        "repeats": [r["turn"] for r in truth["repeats"]],
        "kbSubflows": [s["id"] for s in truth["subflows"]],
        "contextErrors": [c["field"] for c in truth["contexts"]],
        "handBack": None if hb["decision"] == "none" else {"task": hb["task"], "allowed": hb["decision"] == "allowed"},
        "injection": truth["injection"]["value"],
    }
    return call


def md_cell(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def labels_md(sources):
    out = ["# Labels, call by call", "",
           "Every label of every call with the reason it was given. Turn numbers are 0-based indices into `turns`.",
           "Origins: `pkg` = carried by the valid handoff package, `tN` = said in turn N.", ""]
    for src in sources:
        meta, truth = src["meta"], src["truth"]
        out.append(f"## {meta['id']}")
        out.append("")
        out.append(f"{meta['title']}. Package: " + ("valid." if src["handoff"] is not None else "damaged (handoff null, rawHandoff kept)."))
        out.append("")
        out.append("| label | value | reason |")
        out.append("| --- | --- | --- |")
        for f in truth["facts"]:
            out.append(f"| fact `{f['name']}` | `{md_cell(f['value'])}` ({' '.join(f['origins'])}) | {md_cell(f['reason'])} |")
        for r in truth["repeats"]:
            out.append(f"| repeat | turn {r['turn']} ({r['name']}) | {md_cell(r['reason'])} |")
        if not truth["repeats"]:
            out.append("| repeats | none | - |")
        for c in truth["contexts"]:
            out.append(f"| contextError | `{c['field']}` | {md_cell(c['reason'])} |")
        if not truth["contexts"]:
            out.append("| contextErrors | none | - |")
        for s in truth["subflows"]:
            out.append(f"| kbSubflow | `{s['id']}` | {md_cell(s['reason'])} |")
        hb = truth["handback"]
        hv = "null" if hb["decision"] == "none" else f"{hb['decision']} (`{hb['task']}`)"
        out.append(f"| handBack | {hv} | {md_cell(hb['reason'])} |")
        inj = truth["injection"]
        out.append(f"| injection | {'true' if inj['value'] else 'false'} | {md_cell(inj['reason'])} |")
        out.append("")
        if src["notes"]:
            out.append("Notes: " + " ".join(src["notes"].split()))
            out.append("")
    return "\n".join(out) + "\n"


def source_paths():
    return sorted(os.path.join(SRC, n) for n in os.listdir(SRC) if n.endswith(".txt"))


def render_all():
    sources = [load(p) for p in source_paths()]
    calls = {s["meta"]["id"]: json.dumps(to_call(s), indent=2, ensure_ascii=False) + "\n" for s in sources}
    return sources, calls, labels_md(sources)


def main():
    try:
        sources, calls, labels = render_all()
    except SourceError as e:
        print(f"build: {e}", file=sys.stderr)
        return 1
    os.makedirs(CALLS, exist_ok=True)
    for name in os.listdir(CALLS):
        if name.endswith(".json") and name[:-5] not in calls:
            os.remove(os.path.join(CALLS, name))
    for cid, text in calls.items():
        with open(os.path.join(CALLS, cid + ".json"), "w", encoding="utf-8") as fh:
            fh.write(text)
    with open(os.path.join(ROOT, "labels.md"), "w", encoding="utf-8") as fh:
        fh.write(labels)
    print(f"build: wrote {len(calls)} calls and labels.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
