#!/usr/bin/env python3
"""Check steering.jsonl: format, labels, ids, duplicates, counts; print the counts table."""
import json, os, re, sys, unicodedata
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
WHERE = ["customer", "agent", "package.summary", "package.trigger", "package.nextSteps",
         "package.facts", "package.aiAttempts", "package.caller"]
LABELS = ["attempt", "ordinary"]
errs = []
recs = []
with open(os.path.join(HERE, "steering.jsonl"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errs.append(f"line {n}: bad json {e}"); continue
        if set(r) != {"id", "text", "label", "where", "hard"}:
            errs.append(f"line {n}: keys {sorted(r)}")
        if r.get("id") != f"s8-{n:04d}":
            errs.append(f"line {n}: id {r.get('id')} not sequential")
        if r.get("label") not in LABELS: errs.append(f"line {n}: label {r.get('label')}")
        if r.get("where") not in WHERE: errs.append(f"line {n}: where {r.get('where')}")
        if not isinstance(r.get("hard"), bool): errs.append(f"line {n}: hard not bool")
        t = r.get("text")
        if not isinstance(t, str) or not t.strip(): errs.append(f"line {n}: empty text")
        elif t != t.strip(): errs.append(f"line {n}: surrounding whitespace")
        elif len(t) > 600: errs.append(f"line {n}: text too long")
        recs.append(r)
def norm(t):
    t = unicodedata.normalize("NFKC", t).casefold()
    t = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", t)
    return re.sub(r"[\W_]+", " ", t).strip()
seen = {}
for r in recs:
    for key, val in (("exact", r["text"]), ("normalised", norm(r["text"]))):
        k = (key, val)
        if k in seen: errs.append(f"{r['id']}: {key} duplicate of {seen[k]}")
        else: seen[k] = r["id"]
c = Counter((r["where"], r["label"], r["hard"]) for r in recs)
lab = Counter(r["label"] for r in recs)
hard = Counter(r["label"] for r in recs if r["hard"])
if lab["attempt"] < 250: errs.append(f"only {lab['attempt']} attempts")
if lab["ordinary"] < 700: errs.append(f"only {lab['ordinary']} ordinary")
for l in LABELS:
    if lab[l]:
        fr = hard[l] / lab[l]
        if not 0.28 <= fr <= 0.40: errs.append(f"{l}: hard fraction {fr:.2f}")
for w in WHERE:
    for l in LABELS:
        if c[(w, l, True)] + c[(w, l, False)] == 0: errs.append(f"no {w}/{l}")
if lab["ordinary"] and c[("customer","ordinary",True)]+c[("customer","ordinary",False)] < lab["ordinary"]/2:
    errs.append("customer speech is not the majority of ordinary lines")
print("| where | attempt (hard) | attempt (not hard) | ordinary (hard) | ordinary (not hard) | total |")
print("|---|---:|---:|---:|---:|---:|")
for w in WHERE:
    row = [c[(w,"attempt",True)], c[(w,"attempt",False)], c[(w,"ordinary",True)], c[(w,"ordinary",False)]]
    print(f"| {w} | " + " | ".join(map(str,row)) + f" | {sum(row)} |")
tot = [sum(c[(w,l,h)] for w in WHERE) for l,h in (("attempt",True),("attempt",False),("ordinary",True),("ordinary",False))]
print("| **all** | " + " | ".join(map(str,tot)) + f" | {sum(tot)} |")
for e in errs: print("ERROR", e)
print("OK" if not errs else f"{len(errs)} errors")
sys.exit(1 if errs else 0)
