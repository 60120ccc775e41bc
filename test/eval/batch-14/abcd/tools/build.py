#!/usr/bin/env python3
"""Build calls/*.json from the hand-written sources in src/ (standard library only).

  python3 tools/build.py          write calls/<id>.json for every source
  python3 tools/build.py --table  print the README's per-call table
"""
import sys
from callsrc import CALLS, build_call, serialise, sources

STATE_LABEL = {
    "valid": "valid",
    "missing": "missing (null, nothing received)",
    "truncated": "truncated JSON in rawHandoff",
    "html": "HTML 502 page in rawHandoff",
    "old-shape": "old v0 shape in rawHandoff",
}


def table_rows():
    rows = ["| call | subflow (package intent) | package | turns | facts | repeats | context error | hand-back | injection |",
            "|---|---|---|---|---|---|---|---|---|"]
    for path in sources():
        call, header = build_call(path)
        t = call["truth"]
        intent = call["handoff"]["intent"]["label"] if call["handoff"] else "-"
        sub = ", ".join(t["kbSubflows"]) + ("" if intent in t["kbSubflows"] or intent == "-" else f" ({intent})")
        err = ", ".join(t["contextErrors"]) or "-"
        if t["contextErrors"]:
            err += f": {header.get('errorkind', '')}"
        hb = "-" if t["handBack"] is None else f"{t['handBack']['task']} {'allowed' if t['handBack']['allowed'] else 'refused: ' + header.get('refusal', '')}"
        inj = header["injection"] if t["injection"] else "no"
        reps = ", ".join(str(i) for i in t["repeats"]) or "-"
        rows.append(f"| {call['id'][:7]} | {sub} | {STATE_LABEL[header['package']]} | {len(call['turns'])} | {len(t['facts'])} | {reps} | {err} | {hb} | {inj} |")
    return rows


def main():
    if "--table" in sys.argv:
        print("\n".join(table_rows()))
        return 0
    CALLS.mkdir(exist_ok=True)
    for path in sources():
        call, _ = build_call(path)
        (CALLS / f"{call['id']}.json").write_text(serialise(call), encoding="utf-8")
        print(f"built calls/{call['id']}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
