#!/usr/bin/env python3
"""Build calls/*.json (call-scenario/1) from the hand-written sources in src/*.txt.

The script only parses, numbers and serialises: every word, value, timestamp and label
comes from the source files. Standard library only.

Source format (one call per file):

    id: <kebab id>                 must equal the file name without .txt
    title: <one line>
    note: <writer's note, not written to the call>
    pickup: <pickupAtMs, integer>
    package: json | raw | none
      json -> the lines up to `end-package` are the handoff object (parsed, re-serialised)
      raw  -> the lines up to `end-package` are rawHandoff verbatim (joined with \n); handoff null
      none -> handoff null, no rawHandoff
    turns:
    [<seconds after pickup>] A: <agent text>
    [<seconds after pickup>] C: <customer text>
    [<seconds after pickup>] C*: <customer text that restates a package fact>  -> truth.repeats
    end-turns
    fact: <name> = <canonical value>      (repeatable, order kept)
    kb: <article id>, <article id>
    error: facts.<name>                   (repeatable)
    handback: none | allowed <task> | refused <task>
    injection: yes | no

Usage: python3 tools/build.py          writes calls/
       python3 tools/build.py --stdout  prints the built calls as one JSON list (for check.py)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(ROOT, "calls")

TURN_RE = re.compile(r"^\[(\d+(?:\.\d)?)\] (A|C|C\*): (.+)$")


class SourceError(Exception):
    pass


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    data = {"facts": [], "errors": [], "kb": None, "handback": None, "injection": None}
    i = 0
    n = len(lines)

    def err(msg):
        raise SourceError(f"{os.path.basename(path)}:{i + 1}: {msg}")

    while i < n:
        line = lines[i]
        if line.strip() == "":
            i += 1
            continue
        key, sep, rest = line.partition(":")
        if not sep:
            err(f"expected 'key: value', got {line!r}")
        key = key.strip()
        rest = rest.strip()
        if key in ("id", "title", "note"):
            data[key] = rest
        elif key == "pickup":
            if not rest.isdigit():
                err("pickup must be an integer (ms)")
            data["pickup"] = int(rest)
        elif key == "package":
            if rest not in ("json", "raw", "none"):
                err("package must be json, raw or none")
            data["package_kind"] = rest
            if rest != "none":
                body = []
                i += 1
                while i < n and lines[i] != "end-package":
                    body.append(lines[i])
                    i += 1
                if i >= n:
                    err("missing end-package")
                text = "\n".join(body)
                if rest == "json":
                    try:
                        data["handoff"] = json.loads(text)
                    except json.JSONDecodeError as e:
                        err(f"package json does not parse: {e}")
                else:
                    data["raw"] = text
        elif key == "turns":
            turns = []
            i += 1
            while i < n and lines[i] != "end-turns":
                m = TURN_RE.match(lines[i])
                if not m:
                    err(f"bad turn line {lines[i]!r}")
                turns.append((float(m.group(1)), m.group(2), m.group(3)))
                i += 1
            if i >= n:
                err("missing end-turns")
            data["turns"] = turns
        elif key == "fact":
            name, eq, value = rest.partition("=")
            if not eq:
                err("fact needs 'name = value'")
            data["facts"].append((name.strip(), value.strip()))
        elif key == "kb":
            data["kb"] = [x.strip() for x in rest.split(",") if x.strip()]
        elif key == "error":
            data["errors"].append(rest)
        elif key == "handback":
            if rest == "none":
                data["handback"] = None
            else:
                verdict, _, task = rest.partition(" ")
                if verdict not in ("allowed", "refused") or not task:
                    err("handback must be none, allowed <task> or refused <task>")
                data["handback"] = {"task": task.strip(), "allowed": verdict == "allowed"}
            data["handback_set"] = True
        elif key == "injection":
            if rest not in ("yes", "no"):
                err("injection must be yes or no")
            data["injection"] = rest == "yes"
        else:
            err(f"unknown key {key!r}")
        i += 1

    for k in ("id", "title", "pickup", "package_kind", "turns", "kb"):
        if k not in data or data[k] is None:
            raise SourceError(f"{os.path.basename(path)}: missing {k}")
    if "handback_set" not in data or data["injection"] is None:
        raise SourceError(f"{os.path.basename(path)}: missing handback or injection")
    return data


def build_call(data):
    pickup = data["pickup"]
    turns = []
    repeats = []
    for idx, (sec, who, text) in enumerate(data["turns"]):
        turns.append({
            "atMs": pickup + int(round(sec * 1000)),
            "speaker": "agent" if who == "A" else "customer",
            "text": text,
        })
        if who == "C*":
            repeats.append(idx)
    facts = {}
    for name, value in data["facts"]:
        if name in facts:
            raise SourceError(f"{data['id']}: fact {name} given twice")
        facts[name] = value
    call = {
        "format": "call-scenario/1",
        "id": data["id"],
        "title": data["title"],
        "kb": "northwind-connect",
        "handoff": data.get("handoff") if data["package_kind"] == "json" else None,
    }
    if data["package_kind"] == "raw":
        call["rawHandoff"] = data["raw"]
    call["pickupAtMs"] = pickup
    call["turns"] = turns
    call["truth"] = {
        "facts": facts,
        "repeats": repeats,
        "kbSubflows": data["kb"],
        "contextErrors": data["errors"],
        "handBack": data["handback"],
        "injection": data["injection"],
    }
    return call


def build_all():
    calls = []
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".txt"):
            continue
        data = parse(os.path.join(SRC, fn))
        if data["id"] + ".txt" != fn:
            raise SourceError(f"{fn}: id {data['id']} does not match the file name")
        calls.append(build_call(data))
    return calls


def serialise(call):
    return json.dumps(call, ensure_ascii=False, indent=2) + "\n"


def main():
    try:
        calls = build_all()
    except SourceError as e:
        print(f"build: {e}", file=sys.stderr)
        return 1
    if "--stdout" in sys.argv:
        print(json.dumps(calls, ensure_ascii=False))
        return 0
    os.makedirs(OUT, exist_ok=True)
    wanted = {c["id"] + ".json" for c in calls}
    for fn in os.listdir(OUT):
        if fn.endswith(".json") and fn not in wanted:
            os.remove(os.path.join(OUT, fn))
    for c in calls:
        with open(os.path.join(OUT, c["id"] + ".json"), "w", encoding="utf-8") as f:
            f.write(serialise(c))
    print(f"build: wrote {len(calls)} calls to calls/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
