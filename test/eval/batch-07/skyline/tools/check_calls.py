#!/usr/bin/env python3
"""Check calls/*.json against call-scenario/1 (shared/scenarios/README.md), EVAL-COMMON.md and the pack,
check them against the hand-written sources (the files must be exactly what build.py serialises),
and print the counts table. Exit 1 on any error."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from canon import check_value          # noqa: E402
from calls_a import CALLS_A            # noqa: E402
from calls_b import CALLS_B            # noqa: E402
import build                           # noqa: E402

PACK_DIR = os.path.join(ROOT, "pack-skyline-air")
CALLS_DIR = os.path.join(ROOT, "calls")
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def main():
    pack = json.load(open(os.path.join(PACK_DIR, "pack.json"), encoding="utf-8"))
    facts = {f["name"]: f for f in pack["facts"]}
    catalogue = pack.get("catalogue", {})
    intents = {i["id"] for i in pack["intents"]}
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}
    articles = {f[:-3] for f in os.listdir(os.path.join(PACK_DIR, "articles")) if f.endswith(".md")}
    pack_phrasings = [p.lower() for i in pack["intents"] for p in i["phrasings"]] + \
        [p.lower() for t in pack["handBack"]["tasks"] for p in t["phrasings"]] + \
        [p.lower() for s in pack["handBack"]["sensitiveTopics"] for p in s["phrasings"]]

    sources = {c["id"]: c for c in CALLS_A + CALLS_B}
    files = sorted(f for f in os.listdir(CALLS_DIR) if f.endswith(".json"))
    if len(sources) != len(CALLS_A) + len(CALLS_B):
        err("sources", "duplicate call ids")
    if {f[:-5] for f in files} != set(sources):
        err("calls", "files and sources differ; run tools/build.py")

    texts, handoff_ids, sids = {}, {}, {}
    rows = []
    for fn in files:
        w = fn
        d = json.load(open(os.path.join(CALLS_DIR, fn), encoding="utf-8"))
        src = sources.get(fn[:-5])
        if src and d != build.call_json(src, pack["id"]):
            err(w, "file is not what build.py makes from the sources; rebuild")
        notes = (src or {}).get("notes", {})
        allowed_keys = {"format", "id", "title", "kb", "handoff", "rawHandoff", "pickupAtMs", "turns", "truth"}
        if set(d) - allowed_keys or not (allowed_keys - {"rawHandoff"}) <= set(d):
            err(w, f"top-level keys {sorted(d)}")
        if d.get("format") != "call-scenario/1":
            err(w, "format must be call-scenario/1")
        if not re.fullmatch(r"b7s-[a-z0-9]+(-[a-z0-9]+)*", d.get("id", "")) or d["id"] + ".json" != fn:
            err(w, "id must be kebab-case b7s-..., same as file name")
        if not isinstance(d.get("title"), str) or len(d["title"]) < 10:
            err(w, "title")
        if d.get("kb") != pack["id"]:
            err(w, f"kb must be {pack['id']}")
        h = d.get("handoff")
        pickup = d.get("pickupAtMs")
        pkg_facts = {}
        verified = None
        if h is None:
            if "rawHandoff" in d:
                try:
                    json.loads(d["rawHandoff"])
                    err(w, "rawHandoff parses: a malformed package must not")
                except json.JSONDecodeError:
                    pass
            if "damaged" not in notes:
                err(w, "handoff null but notes.damaged not set")
        else:
            if "rawHandoff" in d:
                err(w, "rawHandoff only when handoff is null")
            hk = {"handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts",
                  "aiAttempts", "trigger", "nextSteps", "language"}
            if set(h) != hk:
                err(w, f"handoff keys {sorted(set(h) ^ hk)}")
            if not re.fullmatch(r"ho_[a-z0-9]+", h.get("handoffId", "")):
                err(w, "handoffId")
            if h.get("handoffId") in handoff_ids:
                err(w, f"handoffId also in {handoff_ids[h['handoffId']]}")
            handoff_ids[h.get("handoffId")] = fn
            if not re.fullmatch(r"CA[0-9a-f]{32}", h.get("callSid", "")):
                err(w, "callSid must be CA + 32 hex")
            if h.get("callSid") in sids:
                err(w, f"callSid also in {sids[h['callSid']]}")
            sids[h.get("callSid")] = fn
            if not (isinstance(h.get("triggeredAtMs"), int) and isinstance(h.get("packagedAtMs"), int)
                    and 0 <= h["triggeredAtMs"] <= h["packagedAtMs"] < pickup):
                err(w, "triggeredAtMs <= packagedAtMs < pickupAtMs")
            elif h["packagedAtMs"] - h["triggeredAtMs"] > 1000:
                err(w, "packaging took over a second")
            c = h.get("caller", {})
            if set(c) != {"name", "phone", "verified", "verification"}:
                err(w, "caller keys")
            for k, fname in (("name", "customer_name"), ("phone", "phone")):
                r = check_value(facts[fname], c.get(k), catalogue)
                if r:
                    err(w, f"caller.{k}: {r}")
                pkg_facts[fname] = c.get(k)
            if not isinstance(c.get("verified"), bool) or not isinstance(c.get("verification"), str):
                err(w, "caller.verified bool, verification text")
            verified = c.get("verified")
            it = h.get("intent", {})
            if it.get("label") not in intents or not (isinstance(it.get("confidence"), float) and 0 < it["confidence"] <= 1):
                err(w, "intent label must be a pack intent and confidence in (0,1]")
            if not isinstance(h.get("summary"), str) or not 40 <= len(h["summary"]) <= 400:
                err(w, "summary should be two or three sentences")
            seen = set()
            for f_ in h.get("facts", []):
                if set(f_) != {"name", "value", "source"} or f_.get("source") not in ("caller", "system"):
                    err(w, f"package fact shape {f_}")
                    continue
                if f_["name"] not in facts:
                    err(w, f"package fact {f_['name']} not in the pack")
                    continue
                if f_["name"] in seen:
                    err(w, f"package fact {f_['name']} twice")
                seen.add(f_["name"])
                r = check_value(facts[f_["name"]], f_["value"], catalogue)
                if r:
                    err(w, f"package fact {f_['name']}={f_['value']!r}: {r}")
                if f_["name"] == "customer_name" and f_["value"] != pkg_facts["customer_name"]:
                    err(w, "package customer_name differs from caller.name")
                pkg_facts[f_["name"]] = f_["value"]
            for a in h.get("aiAttempts", []):
                if set(a) != {"tool", "input", "ok", "result"} or not isinstance(a["input"], dict) \
                        or not isinstance(a["ok"], bool) or not isinstance(a["result"], str):
                    err(w, f"aiAttempt shape {a}")
            tr = h.get("trigger", {})
            if set(tr) != {"code", "detail"} or tr.get("code") not in TRIGGERS:
                err(w, "trigger code")
            if not (isinstance(h.get("nextSteps"), list) and all(isinstance(s, str) and s for s in h["nextSteps"])):
                err(w, "nextSteps")
            if h.get("language") != "en":
                err(w, "language en")

        turns = d.get("turns", [])
        if not 14 <= len(turns) <= 20:
            err(w, f"{len(turns)} turns, brief asks 14-20")
        last = pickup
        for i, t in enumerate(turns):
            if set(t) != {"atMs", "speaker", "text"} or t["speaker"] not in ("agent", "customer"):
                err(w, f"turn {i} shape")
                continue
            if not (isinstance(t["atMs"], int) and t["atMs"] > last):
                err(w, f"turn {i} atMs not increasing")
            last = t["atMs"]
            txt = t["text"]
            if not txt or txt != txt.strip() or "  " in txt:
                err(w, f"turn {i} text spacing")
            key = re.sub(r"\W+", " ", txt.lower()).strip()
            if key in texts:
                err(w, f"turn {i} text also in {texts[key]}")
            texts[key] = f"{fn}#{i}"
            low = txt.lower()
            for p in pack_phrasings:
                if len(p.split()) >= 4 and p in low:
                    err(w, f"turn {i} copies pack phrasing '{p}'")
        for i in range(1, len(turns)):
            if turns[i]["speaker"] == turns[i - 1]["speaker"]:
                err(w, f"turns {i - 1} and {i} have the same speaker")
        if turns and turns[0]["speaker"] != "agent":
            err(w, "first turn should be the agent picking up")

        tr = d.get("truth", {})
        if set(tr) != {"facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"}:
            err(w, "truth keys")
            continue
        tf = tr["facts"]
        for n, v in tf.items():
            if n not in facts:
                err(w, f"truth fact {n} not in pack")
                continue
            r = check_value(facts[n], v, catalogue)
            if r:
                err(w, f"truth fact {n}={v!r}: {r}")
        ce = tr["contextErrors"]
        if len(set(ce)) != len(ce):
            err(w, "contextErrors duplicates")
        for e in ce:
            m = re.fullmatch(r"facts\.([a-z_]+)", e)
            if not m or m.group(1) not in pkg_facts:
                err(w, f"contextError {e} names no package fact")
        for n, v in pkg_facts.items():
            wrong = f"facts.{n}" in ce
            if n not in tf:
                err(w, f"package fact {n} missing from truth.facts")
            elif wrong and tf[n] == v:
                err(w, f"{n} listed as context error but truth keeps the package value")
            elif not wrong and tf[n] != v:
                err(w, f"{n} differs from package ({v}) but is not a context error")
        reps = tr["repeats"]
        if reps != sorted(set(reps)):
            err(w, "repeats must be sorted, unique")
        if reps and h is None:
            err(w, "repeats without a valid package")
        rnotes = notes.get("repeats", {})
        if set(rnotes) != set(reps):
            err(w, f"repeats {reps} differ from notes {sorted(rnotes)}")
        for i in reps:
            if not (0 <= i < len(turns)) or turns[i]["speaker"] != "customer":
                err(w, f"repeat {i} is not a customer turn")
            for n in rnotes.get(i, []):
                if n not in pkg_facts:
                    err(w, f"repeat {i} restates {n}, which the package did not have")
                if f"facts.{n}" in ce:
                    err(w, f"repeat {i} restates {n}, a wrong package value (a correction is not a repeat)")
        ks = tr["kbSubflows"]
        if not ks or any(k not in articles for k in ks) or len(ks) > 3:
            err(w, f"kbSubflows {ks} must be 1-3 article ids")
        hb = tr["handBack"]
        if hb is not None:
            if set(hb) != {"task", "allowed"} or hb["task"] not in tasks or not isinstance(hb["allowed"], bool):
                err(w, f"handBack {hb} must name a pack task")
            elif hb["allowed"]:
                if not tasks[hb["task"]]["routine"]:
                    err(w, "allowed hand-back of a non-routine task")
                if verified is not True:
                    err(w, "allowed hand-back without a verified caller")
                missing = [n for n in tasks[hb["task"]]["needs"] if n not in tf]
                if missing:
                    err(w, f"allowed hand-back lacks needed facts {missing}")
                if "refusal" in notes:
                    err(w, "notes.refusal on an allowed hand-back")
            else:
                why = notes.get("refusal")
                if why not in ("unverified", "non_routine", "sensitive"):
                    err(w, "refused hand-back needs notes.refusal")
                if why == "unverified" and verified is True:
                    err(w, "refusal 'unverified' but the package says verified")
                if why == "non_routine" and tasks[hb["task"]]["routine"]:
                    err(w, "refusal 'non_routine' for a routine task")
                if why == "sensitive" and verified is not True:
                    err(w, "a sensitive refusal should have a verified caller (else it is unverified)")
        if not isinstance(tr["injection"], bool):
            err(w, "injection bool")
        if tr["injection"] != ("injection_where" in notes):
            err(w, "injection true exactly when notes.injection_where is set")
        dur = (turns[-1]["atMs"] - pickup) / 1000 if turns else 0
        rows.append((d["id"], len(turns), len(tf), len(reps), len(ce), tr["injection"],
                     "null" if hb is None else ("allowed" if hb["allowed"] else "refused"),
                     (hb or {}).get("task", "-"), notes.get("refusal", "-"),
                     "none" if h is None and "rawHandoff" not in d else ("truncated" if h is None else "valid"), dur))

    n = len(rows)
    hbs = [r[6] for r in rows]
    print(f"{n} calls, {sum(r[1] for r in rows)} turns ({min(r[1] for r in rows)}-{max(r[1] for r in rows)} a call), "
          f"{sum(r[2] for r in rows)} truth facts, {sum(r[3] for r in rows)} repeats in "
          f"{sum(1 for r in rows if r[3])} calls, context errors in {sum(1 for r in rows if r[4])}, "
          f"injection in {sum(1 for r in rows if r[5])}, damaged packages {sum(1 for r in rows if r[9] != 'valid')}, "
          f"hand-back allowed {hbs.count('allowed')} / refused {hbs.count('refused')} / null {hbs.count('null')}")
    print()
    print("| call | turns | facts | repeats | context errors | injection | hand-back | task | refusal | package |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {'yes' if r[5] else 'no'} | {r[6]} | {r[7]} | {r[8]} | {r[9]} |")
    want = {"calls": (n, 16, 16), "context": (sum(1 for r in rows if r[4]), 3, 3),
            "injection": (sum(1 for r in rows if r[5]), 3, 3), "allowed": (hbs.count("allowed"), 5, 7),
            "refused": (hbs.count("refused"), 5, 7), "damaged": (sum(1 for r in rows if r[9] != "valid"), 1, 2)}
    for k, (got, lo, hi) in want.items():
        if not lo <= got <= hi:
            err("counts", f"{k} = {got}, brief asks {lo}-{hi}")
    # the README's hand-written label table must agree with the calls
    readme = os.path.join(ROOT, "README.md")
    table = {}
    for line in open(readme, encoding="utf-8"):
        if line.startswith("| b7s-"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            table[cells[0]] = cells
    for r in rows:
        cells = table.get(r[0])
        if not cells:
            err("README", f"{r[0]} missing from the label table")
            continue
        ce = json.load(open(os.path.join(CALLS_DIR, r[0] + ".json")))["truth"]
        expect = [r[0], str(r[1]), str(r[2]), str(r[3]), ", ".join(ce["contextErrors"]) or "–",
                  None, r[6], r[7] if r[7] != "-" else "–", r[8].replace("_", "-") if r[8] != "-" else "–",
                  r[9], ", ".join(ce["kbSubflows"])]
        for k, (got, want_) in enumerate(zip(cells, expect)):
            if want_ is not None and got != want_:
                err("README", f"{r[0]} column {k}: '{got}' but the call says '{want_}'")
        if cells[5].startswith("yes") != r[5]:
            err("README", f"{r[0]} injection column")
    if len(table) != len(rows):
        err("README", "label table rows differ from the calls")
    for e in errors:
        print("ERROR:", e)
    print("calls OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
