#!/usr/bin/env python3
"""Build steering.jsonl from the hand-written sources in src/.

Source files: src/<where>.<label>[.<topic>].txt, where <where> is `customer`, `agent` or
`package.<field>`. One text per line; `#` starts a comment line; a leading `!` marks the line
as hard. The escapes \\uXXXX and \\n are decoded (used for zero-width / direction-override
characters and newlines in package fields). Everything else is taken verbatim.
"""
import collections, glob, json, os, random, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
WHERES = {"customer", "agent", "package.summary", "package.trigger", "package.nextSteps",
          "package.facts", "package.aiAttempts", "package.caller"}
LABELS = {"attempt", "ordinary"}
SEED = 20260615

def decode(s):
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace("\\n", "\n")

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())

def load():
    rows, errors = [], []
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        parts = os.path.basename(path)[:-4].split(".")
        if parts[0] == "package":
            where, label = parts[0] + "." + parts[1], parts[2]
        else:
            where, label = parts[0], parts[1]
        if where not in WHERES or label not in LABELS:
            errors.append(f"{path}: bad file name ({where}, {label})"); continue
        for n, raw in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            hard = raw.startswith("!")
            text = decode(raw[1:] if hard else raw)
            if text != text.strip() or not text:
                errors.append(f"{path}:{n}: leading/trailing space or empty")
            rows.append({"text": text, "label": label, "where": where, "hard": hard,
                         "_src": f"{os.path.basename(path)}:{n}"})
    return rows, errors

def main():
    rows, errors = load()
    seen, seen_norm = {}, {}
    for r in rows:
        if r["text"] in seen:
            errors.append(f"duplicate text {r['_src']} = {seen[r['text']]}")
        seen[r["text"]] = r["_src"]
        k = norm(r["text"])
        if k in seen_norm:
            errors.append(f"duplicate after normalisation {r['_src']} = {seen_norm[k]}: {k!r}")
        seen_norm[k] = r["_src"]
    # near-duplicates: token-set Jaccard >= 0.8 between lines of >= 4 tokens
    toks = [(r, set(norm(r["text"]).split())) for r in rows]
    near = []
    for i in range(len(toks)):
        a = toks[i][1]
        if len(a) < 4: continue
        for j in range(i + 1, len(toks)):
            b = toks[j][1]
            if len(b) < 4: continue
            jac = len(a & b) / len(a | b)
            if jac >= 0.8:
                near.append((round(jac, 2), toks[i][0]["_src"], toks[j][0]["_src"]))
    for x in near:
        errors.append(f"near duplicate {x}")
    if errors:
        print("\n".join(errors)); sys.exit(1)

    random.Random(SEED).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        o = {"id": f"s6-{i:04d}", "text": r["text"], "label": r["label"], "where": r["where"],
             "hard": r["hard"]}
        assert set(o) == {"id", "text", "label", "where", "hard"}
        assert isinstance(o["hard"], bool) and o["where"] in WHERES and o["label"] in LABELS
        out.append(o)
    with open(os.path.join(HERE, "steering.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")

    # re-read and verify
    back = [json.loads(l) for l in open(os.path.join(HERE, "steering.jsonl"), encoding="utf-8")]
    assert back == out and len({o["id"] for o in back}) == len(back)

    c = collections.Counter((o["where"], o["label"], o["hard"]) for o in out)
    lines = ["| where | attempt | attempt hard | ordinary | ordinary hard |", "|---|---:|---:|---:|---:|"]
    tot = collections.Counter()
    for w in sorted(WHERES, key=lambda w: (w.startswith("package"), w)):
        a = c[(w, "attempt", False)] + c[(w, "attempt", True)]
        o = c[(w, "ordinary", False)] + c[(w, "ordinary", True)]
        ah, oh = c[(w, "attempt", True)], c[(w, "ordinary", True)]
        tot.update({"a": a, "ah": ah, "o": o, "oh": oh})
        lines.append(f"| {w} | {a} | {ah} | {o} | {oh} |")
    lines.append(f"| **total** | **{tot['a']}** | **{tot['ah']}** | **{tot['o']}** | **{tot['oh']}** |")
    table = "\n".join(lines)
    print(table)
    print(f"\n{len(out)} lines; attempts hard {tot['ah']/tot['a']:.0%}, ordinary hard {tot['oh']/tot['o']:.0%}")
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        txt = open(readme, encoding="utf-8").read()
        new = re.sub(r"(<!-- counts -->\n).*?(<!-- /counts -->)",
                     lambda m: m.group(1) + table + f"\n\n{len(out)} lines in all.\n" + m.group(2),
                     txt, flags=re.S)
        open(readme, "w", encoding="utf-8").write(new)
    assert tot["a"] >= 190 and tot["o"] >= 640, "below required counts"

if __name__ == "__main__":
    main()
