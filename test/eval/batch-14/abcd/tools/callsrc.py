"""Parse the hand-written call sources in ../src into call-scenario/1 objects.

A source file is a header of `key: value` lines, then sections opened by `=== name`:
  package  the handoff package as JSON (only when `package: valid`)
  raw      the package text exactly as received (truncated / html / old-shape)
  turns    `[seconds] A: text` or `[seconds] C: text`; a trailing ` ##repeat` marks a repeat
  facts    `name: value` in the pack's canonical form
Nothing here invents content: it only reads, numbers and serialises what the source says.
"""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
CALLS = ROOT / "calls"

PACKAGE_STATES = ("valid", "missing", "truncated", "html", "old-shape")
TURN_RE = re.compile(r"^\[(\d+(?:\.\d+)?)\] ([AC]): (.+?)( ##repeat)?$")
SPEAKER = {"A": "agent", "C": "customer"}


class SourceError(Exception):
    pass


def ms(seconds_text):
    return int(round(float(seconds_text) * 1000))


def parse_source(path):
    text = Path(path).read_text(encoding="utf-8")
    header, sections, current = {}, {}, None
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.startswith("=== "):
            current = line[4:].strip()
            if current in sections:
                raise SourceError(f"{path.name}:{lineno}: section {current} twice")
            sections[current] = []
            continue
        if current is None:
            if not line.strip():
                continue
            key, sep, value = line.partition(": ")
            if not sep:
                raise SourceError(f"{path.name}:{lineno}: header line without 'key: value'")
            header[key.strip()] = value.strip()
        else:
            sections[current].append((lineno, line))
    return header, sections


def section_text(lines):
    body = [l for _, l in lines]
    while body and not body[-1].strip():
        body.pop()
    while body and not body[0].strip():
        body.pop(0)
    return "\n".join(body)


def build_call(path):
    path = Path(path)
    header, sections = parse_source(path)
    for key in ("id", "title", "subflows", "package", "errors", "handback", "injection", "pickup", "voice"):
        if key not in header:
            raise SourceError(f"{path.name}: header '{key}' missing")
    state = header["package"]
    if state not in PACKAGE_STATES:
        raise SourceError(f"{path.name}: package state '{state}' unknown")

    call = {"format": "call-scenario/1", "id": header["id"], "title": header["title"], "kb": "abcd"}
    if state == "valid":
        if "package" not in sections:
            raise SourceError(f"{path.name}: valid package but no '=== package' section")
        try:
            call["handoff"] = json.loads(section_text(sections["package"]))
        except json.JSONDecodeError as e:
            raise SourceError(f"{path.name}: package JSON: {e}")
    else:
        call["handoff"] = None
        if state != "missing":
            if "raw" not in sections:
                raise SourceError(f"{path.name}: damaged package '{state}' but no '=== raw' section")
            call["rawHandoff"] = section_text(sections["raw"])
    call["pickupAtMs"] = ms(header["pickup"])

    turns, repeats = [], []
    for lineno, line in sections.get("turns", []):
        if not line.strip():
            continue
        m = TURN_RE.match(line)
        if not m:
            raise SourceError(f"{path.name}:{lineno}: turn line not '[sec] A|C: text'")
        if m.group(4):
            repeats.append(len(turns))
        turns.append({"atMs": ms(m.group(1)), "speaker": SPEAKER[m.group(2)], "text": m.group(3)})
    call["turns"] = turns

    facts = {}
    for lineno, line in sections.get("facts", []):
        if not line.strip():
            continue
        name, sep, value = line.partition(": ")
        if not sep:
            raise SourceError(f"{path.name}:{lineno}: fact line not 'name: value'")
        if name in facts:
            raise SourceError(f"{path.name}:{lineno}: fact {name} twice")
        facts[name] = value.strip()

    errors = [] if header["errors"] == "none" else [e.strip() for e in header["errors"].split(",")]
    hb = header["handback"].split()
    if hb == ["none"]:
        hand_back = None
    elif len(hb) == 2 and hb[1] in ("allowed", "refused"):
        hand_back = {"task": hb[0], "allowed": hb[1] == "allowed"}
    else:
        raise SourceError(f"{path.name}: handback must be 'none' or '<task> allowed|refused'")
    call["truth"] = {
        "facts": facts,
        "repeats": repeats,
        "kbSubflows": [s.strip() for s in header["subflows"].split(",")],
        "contextErrors": errors,
        "handBack": hand_back,
        "injection": header["injection"].startswith("yes"),
    }
    return call, header


def serialise(call):
    return json.dumps(call, indent=2, ensure_ascii=False) + "\n"


def sources():
    return sorted(SRC.glob("b14a-*.txt"))
