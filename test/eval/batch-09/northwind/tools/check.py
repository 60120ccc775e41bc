#!/usr/bin/env python3
"""Consistency checker for calls/*.json (call-scenario/1, Northwind Connect pack).

Checks only; it never changes a call. Exit 1 on any error. Prints warnings (things to look at by hand)
and the counts table used in README.md.

  python3 tools/check.py [--pack /work/main/resources/packs/northwind-connect]
"""
import datetime, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CALLS = os.path.join(ROOT, "calls")
PACK = "/work/main/resources/packs/northwind-connect"
if "--pack" in sys.argv:
    PACK = sys.argv[sys.argv.index("--pack") + 1]

TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy", "tool_failure_repeated", "sensitive_topic"}
errors, warnings = [], []


def err(cid, msg):
    errors.append(f"{cid}: {msg}")


def warn(cid, msg):
    warnings.append(f"{cid}: {msg}")


def load_pack():
    pack = json.load(open(os.path.join(PACK, "pack.json"), encoding="utf-8"))
    facts = {f["name"]: f for f in pack["facts"]}
    intents = {i["id"] for i in pack["intents"]}
    articles = set()
    for name in os.listdir(os.path.join(PACK, "articles")):
        if name.endswith(".md"):
            head = open(os.path.join(PACK, "articles", name), encoding="utf-8").read().split("---")[1]
            m = re.search(r"^id:\s*(\S+)", head, re.M)
            articles.add(m.group(1))
    return pack, facts, intents, articles


PACKJ, FACTS, INTENTS, ARTICLES = load_pack()


def values_of(fact):
    if fact["type"] == "enum":
        return {v["value"]: v for v in fact["values"]}
    if fact["type"] == "catalogue":
        return {v["value"]: v for v in PACKJ["catalogue"][fact["catalogue"]]}
    return {}


def canonical_ok(name, value):
    f = FACTS.get(name)
    if f is None:
        return f"unknown fact name {name}"
    if not isinstance(value, str) or not value or value != value.strip():
        return "not a trimmed non-empty string"
    if re.search(r"[\x00-\x1f\u202a-\u202e\u2066-\u2069]", value):
        return "control or direction characters"
    t = f["type"]
    if t == "phone":
        if not re.fullmatch(r"\+44[1-9]\d{9}", value):
            return "phone not GB E.164 (+44 and 10 digits)"
        if not (re.fullmatch(r"\+447700900\d{3}", value) or re.fullmatch(r"\+44(113|114|115|116|117|118|121|131|141|151|161)496\d{4}", value)
                or re.fullmatch(r"\+44191498\d{4}", value) or re.fullmatch(r"\+4420794600\d{2}|\+442079460\d{3}", value) or re.fullmatch(r"\+441632960\d{3}", value)):
            return "phone outside the Ofcom drama ranges"
    elif t == "email":
        if value != value.lower() or not re.fullmatch(r"[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value):
            return "email not lower-case local@domain.tld"
    elif t == "amount":
        if not re.fullmatch(r"\d+\.\d{2} " + PACKJ["currency"], value):
            return f"amount not 'N.NN {PACKJ['currency']}'"
    elif t == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return "date not a real YYYY-MM-DD"
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return "date not YYYY-MM-DD"
    elif t in ("id", "postcode"):
        if not re.fullmatch(f["pattern"], value):
            return f"does not match {f['pattern']}"
        case = f.get("letterCase", "upper")
        if case == "upper" and value != value.upper():
            return "not upper case"
        if t == "postcode" and " " not in value:
            return "postcode without its space"
        if t == "id" and " " in value:
            return "id with spaces"
    elif t in ("enum", "catalogue"):
        if value not in values_of(f):
            return f"{value} is not a {name} value"
    elif t == "name":
        parts = value.split()
        if len(parts) < 2:
            return "name needs first and last name"
        particles = {"de", "la", "van", "der", "von", "da", "di", "du", "le", "del", "den", "ter", "bin", "al"}
        for p in parts:
            for sub in p.split("-"):
                if sub.lower() in particles:
                    continue
                if not sub[:1].isupper():
                    return f"name part {sub} not capitalised"
        if re.match(r"(?i)^(mr|mrs|ms|miss|dr|sir|prof)\.?\s", value):
            return "title in name"
    return None


WORDNUM = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
           "seven": "7", "eight": "8", "nine": "9"}


def digit_stream(text):
    """Digits as spoken (for checking only): '4', 'four', 'oh', 'double oh', 'seven hundred' -> 700."""
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t in ("double", "triple") and i + 1 < len(toks) and toks[i + 1] in WORDNUM:
            out.append(WORDNUM[toks[i + 1]] * (2 if t == "double" else 3)); i += 2; continue
        if t in WORDNUM:
            if i + 1 < len(toks) and toks[i + 1] == "hundred":
                out.append(WORDNUM[t] + "00"); i += 2; continue
            if i + 1 < len(toks) and toks[i + 1] == "fifty":
                out.append(WORDNUM[t] + "50"); i += 2; continue
            out.append(WORDNUM[t]); i += 1; continue
        if t.isdigit():
            out.append(t)
        i += 1
    return "".join(out)


def national(phone):
    return "0" + phone[3:]


def main():
    files = sorted(f for f in os.listdir(CALLS) if f.endswith(".json"))
    texts = {}
    counts = dict(calls=0, turns=0, facts=0, damaged=0, context_errors=0, repeats=0, steering=0, hb_allowed=0, hb_refused=0, hb_none=0)
    intents, per_call = {}, []
    for fn in files:
        doc = json.load(open(os.path.join(CALLS, fn), encoding="utf-8"))
        cid = doc.get("id", fn)
        counts["calls"] += 1
        if fn != f"{cid}.json":
            err(cid, "file name differs from id")
        if not re.fullmatch(r"b9n-(0[1-9]|1[0-6])-[a-z0-9]+(-[a-z0-9]+)*", cid):
            err(cid, "id not b9n-NN-kebab")
        want = ["format", "id", "title", "kb", "handoff"] + (["rawHandoff"] if "rawHandoff" in doc else []) + ["pickupAtMs", "turns", "truth"]
        if list(doc.keys()) != want:
            err(cid, f"top-level keys {list(doc.keys())}")
        if doc["format"] != "call-scenario/1" or doc["kb"] != PACKJ["id"]:
            err(cid, "format or kb wrong")
        truth = doc["truth"]
        h = doc["handoff"]
        pkg_facts = {}
        if h is None:
            counts["damaged"] += 1
            if "rawHandoff" in doc:
                try:
                    json.loads(doc["rawHandoff"])
                    warn(cid, "rawHandoff parses as JSON (must be wrong in shape then)")
                except ValueError:
                    pass
            if truth["repeats"] or truth["contextErrors"]:
                err(cid, "no valid package but repeats/contextErrors set")
        else:
            keys = ["handoffId", "callSid", "triggeredAtMs", "packagedAtMs", "caller", "intent", "summary", "facts", "aiAttempts", "trigger", "nextSteps", "language"]
            if list(h.keys()) != keys:
                err(cid, f"handoff keys {list(h.keys())}")
            if not re.fullmatch(r"ho_[0-9a-f]{4}", h["handoffId"]):
                err(cid, "handoffId")
            if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]):
                err(cid, f"callSid {h['callSid']} ({len(h['callSid'])-2} hex)")
            if not (0 <= h["triggeredAtMs"] < h["packagedAtMs"] < doc["pickupAtMs"]):
                err(cid, "trigger/package/pickup times out of order")
            c = h["caller"]
            if list(c.keys()) != ["name", "phone", "verified", "verification"] or not isinstance(c["verified"], bool):
                err(cid, "caller shape")
            if h["intent"]["label"] not in INTENTS or not (0 <= h["intent"]["confidence"] <= 1):
                err(cid, "intent label/confidence")
            intents[h["intent"]["label"]] = intents.get(h["intent"]["label"], 0) + 1
            if h["trigger"]["code"] not in TRIGGERS:
                err(cid, "trigger code")
            for a in h["aiAttempts"]:
                if list(a.keys()) != ["tool", "input", "ok", "result"]:
                    err(cid, "aiAttempt shape")
            for f in h["facts"]:
                if list(f.keys()) != ["name", "value", "source"] or f["source"] not in ("caller", "system"):
                    err(cid, f"package fact shape {f}")
                if f["name"] in pkg_facts:
                    err(cid, f"package fact {f['name']} twice")
                pkg_facts[f["name"]] = f["value"]
                p = canonical_ok(f["name"], f["value"])
                if p:
                    err(cid, f"package fact {f['name']}={f['value']}: {p}")
            if "customer_name" in pkg_facts and pkg_facts["customer_name"] != c["name"]:
                err(cid, "caller.name differs from facts.customer_name")
            if c["name"] and len(c["name"].split()) >= 2:
                pkg_facts.setdefault("customer_name", c["name"])
            if c["phone"]:
                pkg_facts["phone"] = c["phone"]
            if h["language"] != "en":
                warn(cid, "language not en")
        # truth
        if list(truth.keys()) != ["facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"]:
            err(cid, f"truth keys {list(truth.keys())}")
        for n, v in truth["facts"].items():
            p = canonical_ok(n, v)
            if p:
                err(cid, f"truth {n}={v}: {p}")
        for n, v in pkg_facts.items():
            ce = f"facts.{n}"
            if ce in truth["contextErrors"]:
                if truth["facts"].get(n) == v:
                    err(cid, f"{ce} marked wrong but truth keeps the package value")
            elif truth["facts"].get(n) != v:
                err(cid, f"package {n}={v} missing or different in truth ({truth['facts'].get(n)})")
        for ce in truth["contextErrors"]:
            n = ce.split(".", 1)[1] if ce.startswith("facts.") else None
            if n not in pkg_facts:
                err(cid, f"contextError {ce} names no package fact")
        turns = doc["turns"]
        last = doc["pickupAtMs"]
        for i, t in enumerate(turns):
            if list(t.keys()) != ["atMs", "speaker", "text"] or t["speaker"] not in ("agent", "customer"):
                err(cid, f"turn {i} shape")
            if t["atMs"] <= last:
                err(cid, f"turn {i} time not increasing")
            last = t["atMs"]
            key = re.sub(r"\W+", " ", t["text"].lower()).strip()
            if key in texts:
                err(cid, f"turn {i} text duplicates {texts[key]}")
            texts[key] = f"{cid}#{i}"
        for r in truth["repeats"]:
            if not (0 <= r < len(turns)) or turns[r]["speaker"] != "customer":
                err(cid, f"repeat {r} is not a customer turn")
        if truth["repeats"] != sorted(set(truth["repeats"])):
            err(cid, "repeats not sorted/unique")
        for k in truth["kbSubflows"]:
            if k not in ARTICLES:
                err(cid, f"kbSubflow {k} is not an article id")
        hb = truth["handBack"]
        if hb is None:
            counts["hb_none"] += 1
        else:
            if list(hb.keys()) != ["task", "allowed"] or not re.fullmatch(r"[a-z][a-z0-9_]*", hb["task"]) or not isinstance(hb["allowed"], bool):
                err(cid, "handBack shape")
            counts["hb_allowed" if hb["allowed"] else "hb_refused"] += 1
            tasks = {t["id"]: t for t in PACKJ["handBack"]["tasks"]}
            if hb["allowed"]:
                t = tasks.get(hb["task"])
                if not t or not t["routine"]:
                    err(cid, "allowed hand-back is not a routine pack task")
                elif h is None or not h["caller"]["verified"]:
                    warn(cid, "allowed hand-back with a package that does not say verified (check the call verifies)")
        if not isinstance(truth["injection"], bool):
            err(cid, "injection not bool")
        counts["steering"] += truth["injection"]
        counts["turns"] += len(turns)
        counts["facts"] += len(truth["facts"])
        counts["context_errors"] += len(truth["contextErrors"])
        counts["repeats"] += len(truth["repeats"])
        # spoken presence of id-like and phone facts (said in the turns, or carried by the package)
        said = " ".join(t["text"] for t in turns)
        stream = digit_stream(said)
        for n, v in truth["facts"].items():
            typ = FACTS[n]["type"]
            if n in pkg_facts and pkg_facts[n] == v:
                continue
            if typ == "phone":
                if national(v)[1:] not in stream:
                    err(cid, f"{n} {v} not found spoken in the turns")
            elif typ == "id":
                digits = re.sub(r"\D", "", v)
                if digits not in stream:
                    err(cid, f"{n} {v} digits not found spoken in the turns")
            elif typ == "postcode":
                if re.sub(r"\s", "", v.lower()) not in re.sub(r"[\s,.]", "", said.lower()).replace("formother", ""):
                    warn(cid, f"postcode {v} not written plainly in turns (check by hand)")
            elif typ in ("enum", "catalogue"):
                vals = values_of(FACTS[n])
                names = [vals[v].get("label", "").lower()] + [a.lower() for a in vals[v].get("aliases", [])]
                if not any(a and a in said.lower() for a in names):
                    warn(cid, f"{n}={v}: no label or alias in the turns (check by hand)")
        # alias lint: enum/catalogue values named in turns but absent from truth
        low = " " + re.sub(r"[^a-z0-9 ]+", " ", said.lower()) + " "
        for n, f in FACTS.items():
            if f["type"] not in ("enum", "catalogue"):
                continue
            for val, spec in values_of(f).items():
                for a in [spec.get("label", "")] + spec.get("aliases", []):
                    a2 = " " + re.sub(r"[^a-z0-9 ]+", " ", a.lower()).strip() + " "
                    if a2.strip() and a2 in low and truth["facts"].get(n) != val:
                        warn(cid, f"turns mention '{a}' ({n}={val}) but truth has {n}={truth['facts'].get(n)}")
        per_call.append((cid, len(turns), len(truth["facts"]), h is None, len(truth["contextErrors"]), len(truth["repeats"]),
                         truth["injection"], "none" if hb is None else ("allowed" if hb["allowed"] else "refused"),
                         h["intent"]["label"] if h else "(no package)"))
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print()
    print("| calls | turns | truth facts | damaged packages | context errors | repeats | steering calls | hand-back allowed | refused | none | intents |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {counts['calls']} | {counts['turns']} | {counts['facts']} | {counts['damaged']} | {counts['context_errors']} | {counts['repeats']} | {counts['steering']} | {counts['hb_allowed']} | {counts['hb_refused']} | {counts['hb_none']} | {len(intents)} in packages (+{counts['damaged']} calls without one) |")
    print()
    print("| call | turns | facts | damaged | ctx errors | repeats | steering | hand-back | package intent |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in per_call:
        print("| " + " | ".join(str(x) if not isinstance(x, bool) else ("yes" if x else "") for x in row) + " |")
    print(f"\n{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
