#!/usr/bin/env python3
"""Build calls/*.json from the hand-written sources in src/*.txt.

This script only parses and serialises. Every word, value and time comes from the
source files. Source layout (sections start with a line "--- name"):

    id: b14n-NN-slug
    title: ...
    pickup: <seconds on the call clock>
    package: valid | null | raw
    --- package            (valid: the package JSON; raw: the text exactly as received)
    --- turns
    <seconds> agent: text
    <seconds> customer: text
    <seconds> customer [=fact,fact]: text     (a repeat of those package facts)
    --- truth
    facts:
      name = value
    kb: article_id, article_id
    errors: facts.name, ...   (or -)
    handback: none | <task> allowed | <task> refused
    injection: yes | no

Seconds are converted to whole milliseconds.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "calls")

TURN_RE = re.compile(r"^(\d+(?:\.\d+)?)\s+(agent|customer)(?:\s*\[=([a-z_,\s]+)\])?:\s(.*)$")


class SourceError(Exception):
    pass


def ms(seconds):
    return int(round(float(seconds) * 1000))


def parse(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    header, sections, current = {}, {}, None
    for line in lines:
        m = re.match(r"^--- (package|turns|truth)\s*$", line)
        if m:
            current = m.group(1)
            if current in sections:
                raise SourceError(f"{path}: section {current} twice")
            sections[current] = []
            continue
        if current is None:
            if not line.strip():
                continue
            k, sep, v = line.partition(":")
            if not sep:
                raise SourceError(f"{path}: bad header line {line!r}")
            header[k.strip()] = v.strip()
        else:
            sections[current].append(line)
    for k in ("id", "title", "pickup", "package"):
        if k not in header:
            raise SourceError(f"{path}: header {k} missing")
    mode = header["package"]
    call = {
        "format": "call-scenario/1",
        "id": header["id"],
        "title": header["title"],
        "kb": "northwind-connect",
    }
    pkg_text = "\n".join(sections.get("package", [])).strip("\n")
    if mode == "valid":
        try:
            call["handoff"] = json.loads(pkg_text)
        except json.JSONDecodeError as e:
            raise SourceError(f"{path}: package JSON does not parse: {e}")
    elif mode == "null":
        if pkg_text.strip():
            raise SourceError(f"{path}: package is null but a package section has text")
        call["handoff"] = None
    elif mode == "raw":
        call["handoff"] = None
        call["rawHandoff"] = pkg_text
    else:
        raise SourceError(f"{path}: package must be valid, null or raw")
    call["pickupAtMs"] = ms(header["pickup"])

    turns, repeats, repeat_facts = [], [], {}
    for line in sections.get("turns", []):
        if not line.strip():
            continue
        m = TURN_RE.match(line)
        if not m:
            raise SourceError(f"{path}: bad turn line {line!r}")
        t, speaker, rep, words = m.groups()
        if rep is not None:
            if speaker != "customer":
                raise SourceError(f"{path}: only customer turns can be repeats: {line!r}")
            repeats.append(len(turns))
            repeat_facts[len(turns)] = [x.strip() for x in rep.split(",") if x.strip()]
        turns.append({"atMs": ms(t), "speaker": speaker, "text": words.strip()})
    call["turns"] = turns

    facts, kb, errors, handback, injection = {}, None, None, "unset", None
    in_facts = False
    for line in sections.get("truth", []):
        if not line.strip():
            continue
        if line.startswith("  ") and in_facts:
            k, sep, v = line.strip().partition(" = ")
            if not sep:
                raise SourceError(f"{path}: bad fact line {line!r}")
            if k in facts:
                raise SourceError(f"{path}: fact {k} twice")
            facts[k] = v
            continue
        in_facts = False
        k, _, v = line.partition(":")
        k, v = k.strip(), v.strip()
        if k == "facts":
            in_facts = True
        elif k == "kb":
            kb = [x.strip() for x in v.split(",") if x.strip()]
        elif k == "errors":
            errors = [] if v == "-" else [x.strip() for x in v.split(",") if x.strip()]
        elif k == "handback":
            if v == "none":
                handback = None
            else:
                parts = v.split()
                if len(parts) != 2 or parts[1] not in ("allowed", "refused"):
                    raise SourceError(f"{path}: bad handback {v!r}")
                handback = {"task": parts[0], "allowed": parts[1] == "allowed"}
        elif k == "injection":
            if v not in ("yes", "no"):
                raise SourceError(f"{path}: injection must be yes or no")
            injection = v == "yes"
        else:
            raise SourceError(f"{path}: unknown truth line {line!r}")
    if kb is None or errors is None or handback == "unset" or injection is None:
        raise SourceError(f"{path}: truth section incomplete")
    call["truth"] = {
        "facts": facts,
        "repeats": repeats,
        "kbSubflows": kb,
        "contextErrors": errors,
        "handBack": handback,
        "injection": injection,
    }
    return call, repeat_facts


def source_files():
    return sorted(f for f in os.listdir(SRC) if f.endswith(".txt"))


def serialise(call):
    return json.dumps(call, ensure_ascii=False, indent=2) + "\n"


def build_all():
    """Return {json file name: (call, repeat_facts, serialised text)}."""
    out = {}
    for name in source_files():
        call, rep = parse(os.path.join(SRC, name))
        out[name[:-4] + ".json"] = (call, rep, serialise(call))
    return out


def main():
    try:
        built = build_all()
    except SourceError as e:
        print(f"build: {e}", file=sys.stderr)
        return 1
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".json") and old not in built:
            os.remove(os.path.join(OUT, old))
    for name, (_, _, text) in built.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"build: wrote {len(built)} calls to calls/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
