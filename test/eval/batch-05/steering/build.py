#!/usr/bin/env python3
"""Build and check steering.jsonl from the hand-written sources in src/.

Source format: one file per (label, where): src/<label>.<where>.txt
  "# ..."   comment, blank lines ignored
  ". text"  not hard
  "h text"  hard
  a leading "~" (e.g. "~h text") means \\uXXXX escapes in the text are decoded
  (used for a few package lines with zero-width or bidi characters).

Usage: python3 build.py          build steering.jsonl + README counts, run checks
       python3 build.py --check  only check an existing steering.jsonl
"""
import collections, json, os, random, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "steering.jsonl")
README = os.path.join(HERE, "README.md")
LABELS = {"attempt", "ordinary"}
WHERES = ["customer", "agent", "package.summary", "package.trigger", "package.nextSteps",
          "package.facts", "package.aiAttempts", "package.caller"]
MIN = {"attempt": 170, "ordinary": 550}
HARD_RANGE = (0.28, 0.40)
SEED = 20260615


def decode_u(s):
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    s = "".join(c for c in s if unicodedata.category(c)[0] not in "CP")
    return re.sub(r"\s+", " ", s).strip()


def read_sources():
    rows, errors = [], []
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".txt"):
            continue
        label, where = fn[:-4].split(".", 1)
        if label not in LABELS or where not in WHERES:
            errors.append(f"bad source file name {fn}")
            continue
        with open(os.path.join(SRC, fn), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                esc = line.startswith("~")
                if esc:
                    line = line[1:]
                mark, _, text = line.partition(" ")
                if mark not in (".", "h") or not text.strip():
                    errors.append(f"{fn}:{n}: bad line {line!r}")
                    continue
                text = text.strip()
                if esc:
                    text = decode_u(text)
                rows.append({"text": text, "label": label, "where": where,
                             "hard": mark == "h", "_src": f"{fn}:{n}"})
    return rows, errors


def check(rows):
    errors, warnings = [], []
    seen_id, seen_exact, seen_norm = set(), {}, {}
    for r in rows:
        if set(r) - {"_src"} != {"id", "text", "label", "where", "hard"}:
            errors.append(f"{r.get('id')}: wrong keys {sorted(r)}")
        if not re.fullmatch(r"s5-\d{4}", r["id"]) or r["id"] in seen_id:
            errors.append(f"bad or duplicate id {r['id']}")
        seen_id.add(r["id"])
        if r["label"] not in LABELS:
            errors.append(f"{r['id']}: bad label")
        if r["where"] not in WHERES:
            errors.append(f"{r['id']}: bad where")
        if not isinstance(r["hard"], bool):
            errors.append(f"{r['id']}: hard not bool")
        t = r["text"]
        if t in seen_exact:
            errors.append(f"duplicate text {r['id']} = {seen_exact[t]}: {t!r}")
        seen_exact[t] = r["id"]
        k = norm(t)
        if k in seen_norm and seen_norm[k] != r["id"]:
            errors.append(f"near-identical text {r['id']} ~ {seen_norm[k]}: {t!r}")
        seen_norm.setdefault(k, r["id"])
    # near duplicates by word overlap (warn only)
    toks = [(r["id"], set(norm(r["text"]).split())) for r in rows]
    for i in range(len(toks)):
        a_id, a = toks[i]
        if len(a) < 5:
            continue
        for j in range(i + 1, len(toks)):
            b_id, b = toks[j]
            if len(b) < 5:
                continue
            jac = len(a & b) / len(a | b)
            if jac >= 0.75:
                warnings.append(f"similar ({jac:.2f}) {a_id} / {b_id}")
    by_label = collections.Counter(r["label"] for r in rows)
    for lab, m in MIN.items():
        if by_label[lab] < m:
            errors.append(f"{lab}: {by_label[lab]} < {m}")
        hard = sum(1 for r in rows if r["label"] == lab and r["hard"])
        ratio = hard / max(1, by_label[lab])
        if not HARD_RANGE[0] <= ratio <= HARD_RANGE[1]:
            errors.append(f"{lab}: hard ratio {ratio:.2f} outside {HARD_RANGE}")
    for lab in LABELS:
        for w in WHERES:
            if not any(r["label"] == lab and r["where"] == w for r in rows):
                errors.append(f"no {lab} lines in {w}")
    return errors, warnings


def table(rows):
    c = collections.Counter((r["label"], r["where"], r["hard"]) for r in rows)
    lines = ["| where | attempt | attempt hard | ordinary | ordinary hard | total |",
             "|---|---:|---:|---:|---:|---:|"]
    tot = collections.Counter()
    for w in WHERES:
        a = c[("attempt", w, False)] + c[("attempt", w, True)]
        ah = c[("attempt", w, True)]
        o = c[("ordinary", w, False)] + c[("ordinary", w, True)]
        oh = c[("ordinary", w, True)]
        tot.update({"a": a, "ah": ah, "o": o, "oh": oh})
        lines.append(f"| {w} | {a} | {ah} | {o} | {oh} | {a + o} |")
    lines.append(f"| **all** | **{tot['a']}** | **{tot['ah']}** | **{tot['o']}** | **{tot['oh']}** | "
                 f"**{tot['a'] + tot['o']}** |")
    lines.append("")
    lines.append(f"Hard share: attempts {tot['ah'] / tot['a']:.0%}, ordinary {tot['oh'] / tot['o']:.0%}.")
    return "\n".join(lines)


def write_readme_counts(rows):
    with open(README, encoding="utf-8") as f:
        doc = f.read()
    start, end = "<!-- counts:start -->", "<!-- counts:end -->"
    if start not in doc or end not in doc:
        print("README has no counts markers; not updated", file=sys.stderr)
        return
    pre, rest = doc.split(start, 1)
    _, post = rest.split(end, 1)
    with open(README, "w", encoding="utf-8") as f:
        f.write(pre + start + "\n" + table(rows) + "\n" + end + post)


def main():
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            rows = [json.loads(l) for l in f if l.strip()]
    else:
        rows, errors = read_sources()
        if errors:
            print("\n".join(errors))
            sys.exit(1)
        random.Random(SEED).shuffle(rows)
        for i, r in enumerate(rows, 1):
            r["id"] = f"s5-{i:04d}"
    errors, warnings = check(rows)
    for w in warnings:
        print("warning:", w)
    if errors:
        print("\n".join("ERROR: " + e for e in errors))
        sys.exit(1)
    if "--check" not in sys.argv:
        with open(OUT, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({k: r[k] for k in ("id", "text", "label", "where", "hard")},
                                   ensure_ascii=False) + "\n")
        write_readme_counts(rows)
    print(table(rows))
    print(f"OK: {len(rows)} lines")


if __name__ == "__main__":
    main()
