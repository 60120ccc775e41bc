#!/usr/bin/env python3
"""Build and check the batch-06 Northwind Connect call scenarios.

    python3 build.py           # write calls/*.json from src/, then check them
    python3 build.py --check   # only check calls/*.json (and the notes in src/)
    python3 build.py --table   # print the README table

The utterances, values and labels are hand-written in src/calls_a.py and src/calls_b.py.
This script only adds ids and call-clock timing, serialises, and checks:
  * JSON validity and the call-scenario/1 shape (README of /work/shared/scenarios)
  * pack names: fact names, intents, trigger codes, article ids (kbSubflows), hand-back tasks
  * canonical values: E.164 UK phones, YYYY-MM-DD dates, "N.NN GBP", lower-case emails,
    ids and postcodes against the pack patterns, enum / catalogue values
  * timing: triggered <= packaged < pickup < first turn, turns ascending, 10-18 turns
  * package facts (and caller name/phone) equal the truth unless listed in contextErrors,
    and each context error is a package fact whose value the call corrects
  * repeats: customer turns, the fact was in the valid package with the same value, and the
    hand-noted spoken form appears in that turn; none when the package is damaged
  * facts not carried by the package have a hand-noted spoken form present in the turns
  * hand-back: allowed only for routine pack tasks with an agent statement of verification
    (and the task's needs in the facts); refused ones are non-routine or noted as sensitive
  * damaged packages: handoff null, rawHandoff does not parse or has the wrong shape
"""
import datetime
import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "src"))
from calls_a import CALLS_A  # noqa: E402
from calls_b import CALLS_B  # noqa: E402

PACK_DIR = "/work/main/resources/packs/northwind-connect"
OUT = os.path.join(HERE, "calls")
PREFIX = "b6n-"
CALL_DATE = datetime.date(2026, 6, 15)
TRIGGERS = {"customer_request", "low_confidence", "task_failed", "distress", "off_policy",
            "tool_failure_repeated", "sensitive_topic"}
INJECTION_WHERE = {"customer", "agent", "package.summary", "package.trigger", "package.nextSteps",
                   "package.facts", "package.aiAttempts", "package.caller"}
VERIFY_WORDS = ("security", "verified")

CALLS = CALLS_A + CALLS_B


def load_pack():
    pack = json.load(open(os.path.join(PACK_DIR, "pack.json")))
    articles = set()
    for f in os.listdir(os.path.join(PACK_DIR, "articles")):
        if f.endswith(".md"):
            text = open(os.path.join(PACK_DIR, "articles", f)).read()
            m = re.search(r"^id:\s*(\S+)", text, re.M)
            articles.add(m.group(1))
    return pack, articles


def hexid(slug, n, salt=""):
    return hashlib.sha256((salt + slug).encode()).hexdigest()[:n]


def words(text):
    return len(text.split())


def build_one(c):
    slug = c["slug"]
    rid = PREFIX + slug
    rng = random.Random(rid)
    trig, delay, wait = c["timing"]
    packaged = trig + delay
    pickup = packaged + wait
    doc = {"format": "call-scenario/1", "id": rid, "title": c["title"], "kb": "northwind-connect"}
    if c.get("handoff") is not None:
        h = c["handoff"]
        doc["handoff"] = {
            "handoffId": "ho_" + hexid(slug, 4, "ho"),
            "callSid": "CA" + hexid(slug, 32, "sid"),
            "triggeredAtMs": trig,
            "packagedAtMs": packaged,
            "caller": h["caller"],
            "intent": h["intent"],
            "summary": h["summary"],
            "facts": h["facts"],
            "aiAttempts": h["aiAttempts"],
            "trigger": h["trigger"],
            "nextSteps": h["nextSteps"],
            "language": h["language"],
        }
    else:
        doc["handoff"] = None
        if c.get("raw") is not None:
            doc["rawHandoff"] = c["raw"]
    doc["pickupAtMs"] = pickup
    turns = []
    t = pickup + rng.randint(1100, 2600)
    for spk, text in c["turns"]:
        turns.append({"atMs": t, "speaker": "agent" if spk == "a" else "customer", "text": text})
        # speaking time ~ 330 ms a word, then a pause before the other side answers
        t += 300 + 330 * words(text) + rng.randint(450, 1600)
    doc["turns"] = turns
    doc["truth"] = c["truth"]
    return doc


# ---------------------------------------------------------------- canonical value checks
def canon_ok(fact, value, pack):
    t = fact["type"]
    if not isinstance(value, str) or not value or value != value.strip():
        return "not a trimmed string"
    if re.search(r"[\x00-\x1f\u200e\u200f\u202a-\u202e\u2066-\u2069]", value):
        return "control or direction characters"
    if t == "phone":
        if not re.fullmatch(r"\+44(7\d{9}|[12]\d{9})", value):
            return "not a UK E.164 number"
    elif t == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return "not YYYY-MM-DD"
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return "not YYYY-MM-DD"
    elif t == "amount":
        cur = pack.get("currency", "GBP")
        if not re.fullmatch(r"\d+\.\d{2} " + cur, value):
            return "not 'N.NN %s'" % cur
    elif t == "email":
        if value != value.lower() or not re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}", value):
            return "not a lower-case email"
    elif t == "id":
        if not re.fullmatch(fact["pattern"], value) or " " in value:
            return "does not match %s" % fact["pattern"]
        case = fact.get("letterCase", "upper")
        if case == "upper" and value != value.upper():
            return "not upper case"
        if case == "lower" and value != value.lower():
            return "not lower case"
    elif t == "postcode":
        if not re.fullmatch(fact["pattern"], value):
            return "does not match the postcode pattern"
        if not re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", value):
            return "postcode not in canonical 'OUT IN' form"
    elif t == "enum":
        if value not in {v["value"] for v in fact["values"]}:
            return "not one of the enum values"
    elif t == "catalogue":
        if value not in {v["value"] for v in pack["catalogue"][fact["catalogue"]]}:
            return "not in catalogue %s" % fact["catalogue"]
    return None


def norm(s):
    return re.sub(r"\s+", " ", s.lower())


def check(docs, pack, articles):
    problems = []
    facts_by = {f["name"]: f for f in pack["facts"]}
    intents = {i["id"] for i in pack["intents"]}
    tasks = {t["id"]: t for t in pack["handBack"]["tasks"]}
    ids = set()

    for c, doc in zip(CALLS, docs):
        rid = doc.get("id")
        notes = c.get("notes", {})

        def bad(msg):
            problems.append("%s: %s" % (rid, msg))

        # file/JSON round trip
        path = os.path.join(OUT, rid + ".json")
        try:
            disk = json.load(open(path, encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            bad("JSON does not load: %s" % e)
            continue
        if disk != doc:
            bad("file differs from the source (rebuild)")
        # shape
        for k in ("format", "id", "title", "kb", "handoff", "pickupAtMs", "turns", "truth"):
            if k not in doc:
                bad("missing %s" % k)
        if doc["format"] != "call-scenario/1" or doc["kb"] != "northwind-connect":
            bad("format/kb")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid) or not rid.startswith(PREFIX):
            bad("id not kebab-case with prefix")
        if rid in ids:
            bad("duplicate id")
        ids.add(rid)

        turns = doc["turns"]
        if not 10 <= len(turns) <= 18:
            bad("%d turns (want 10-18)" % len(turns))
        prev = doc["pickupAtMs"]
        for i, t in enumerate(turns):
            if t["speaker"] not in ("agent", "customer"):
                bad("turn %d speaker" % i)
            if t["atMs"] <= prev:
                bad("turn %d not after the previous one / pickup" % i)
            prev = t["atMs"]
            if re.search(r"[\x00-\x1f]", t["text"]):
                bad("turn %d has control characters" % i)

        h = doc["handoff"]
        truth = doc["truth"]
        tf = truth["facts"]
        for k in ("facts", "repeats", "kbSubflows", "contextErrors", "handBack", "injection"):
            if k not in truth:
                bad("truth missing %s" % k)

        # package
        pkg_facts = {}
        if h is not None:
            if not (h["triggeredAtMs"] <= h["packagedAtMs"] < doc["pickupAtMs"]):
                bad("package timing")
            if h["intent"]["label"] not in intents:
                bad("intent %s not in the pack" % h["intent"]["label"])
            if not 0 <= h["intent"]["confidence"] <= 1:
                bad("confidence")
            if h["trigger"]["code"] not in TRIGGERS:
                bad("trigger code")
            if not isinstance(h["caller"].get("verified"), bool):
                bad("caller.verified")
            pkg_facts["customer_name"] = h["caller"]["name"]
            pkg_facts["phone"] = h["caller"]["phone"]
            for f in h["facts"]:
                if f["name"] in ("customer_name", "phone") or f["name"] in pkg_facts:
                    bad("package fact %s given twice" % f["name"])
                if f["source"] not in ("caller", "system"):
                    bad("fact source")
                pkg_facts[f["name"]] = f["value"]
            if not re.fullmatch(r"CA[0-9a-f]{32}", h["callSid"]) or not re.fullmatch(r"ho_[0-9a-f]{4}", h["handoffId"]):
                bad("handoffId/callSid")
        else:
            raw = doc.get("rawHandoff")
            if raw is not None:
                try:
                    parsed = json.loads(raw)
                    shape_ok = (isinstance(parsed, dict) and isinstance(parsed.get("caller"), dict)
                                and isinstance(parsed.get("facts"), list) and isinstance(parsed.get("intent"), dict))
                    if shape_ok:
                        bad("rawHandoff parses with the right shape: it is not damaged")
                    else:
                        nums = {k: parsed.get(k) for k in ("triggeredAtMs", "packagedAtMs")}
                except json.JSONDecodeError:
                    nums = {k: int(m.group(1)) if (m := re.search('"%s":(\\d+)' % k, raw)) else None
                            for k in ("triggeredAtMs", "packagedAtMs")}
                if nums.get("packagedAtMs") and not nums["packagedAtMs"] < doc["pickupAtMs"]:
                    bad("raw package time after pickup")
            if truth["repeats"] or truth["contextErrors"]:
                bad("repeats/contextErrors with no valid package")
            if "damaged" not in notes:
                bad("no 'damaged' note")

        # fact names and canonical values
        for name, value in list(tf.items()) + [("pkg:" + k, v) for k, v in pkg_facts.items()]:
            n = name[4:] if name.startswith("pkg:") else name
            if n not in facts_by:
                bad("fact %s not in the pack" % n)
                continue
            if facts_by[n]["type"] == "name" and not re.fullmatch(r"[A-Z][A-Za-z'’-]+( [A-Z][A-Za-z'’-]+)+", value):
                bad("name %r" % value)
            err = canon_ok(facts_by[n], value, pack)
            if err:
                bad("%s=%r %s" % (name, value, err))

        # package facts vs truth
        ce = set(truth["contextErrors"])
        for e in ce:
            n = e.split(".", 1)[1] if e.startswith("facts.") else None
            if n is None or n not in pkg_facts or n in ("customer_name", "phone"):
                bad("context error %s is not a package facts entry" % e)
            elif tf.get(n) == pkg_facts[n]:
                bad("context error %s but the package value equals the truth" % e)
            cor = notes.get("corrected", {}).get(n)
            if not cor or norm(cor[1]) not in norm(turns[cor[0]]["text"]) or turns[cor[0]]["speaker"] != "customer":
                bad("context error %s: correction snippet not found in a customer turn" % e)
        for n, v in pkg_facts.items():
            if "facts." + n in ce:
                continue
            if tf.get(n) != v:
                bad("package %s=%r but truth has %r" % (n, v, tf.get(n)))

        # facts that only the call carries must be heard in it
        said = notes.get("said", {})
        for n, v in tf.items():
            if n in pkg_facts and "facts." + n not in ce:
                continue
            if "facts." + n in ce:
                continue  # checked through the correction snippet
            snip = said.get(n)
            if not snip:
                bad("fact %s is not in the package and has no spoken form noted" % n)
            elif not any(norm(snip) in norm(t["text"]) for t in turns):
                bad("spoken form of %s (%r) not found in the turns" % (n, snip))

        for n in said:
            if n not in tf:
                bad("spoken fact %s noted but missing from truth.facts" % n)
        # repeats
        rep_notes = notes.get("repeat_of", {})
        if sorted(rep_notes) != sorted(truth["repeats"]):
            bad("repeat notes %s differ from truth %s" % (sorted(rep_notes), truth["repeats"]))
        for i in truth["repeats"]:
            if not (0 <= i < len(turns)) or turns[i]["speaker"] != "customer":
                bad("repeat %d is not a customer turn" % i)
                continue
            n, snip = rep_notes.get(i, (None, None))
            if n not in pkg_facts or "facts." + n in ce:
                bad("repeat %d restates %s, which the valid package did not hold correctly" % (i, n))
            if not snip or norm(snip) not in norm(turns[i]["text"]):
                bad("repeat %d: spoken form %r not in the turn" % (i, snip))
        if truth["repeats"] != sorted(set(truth["repeats"])):
            bad("repeats not sorted/unique")

        # kb
        for a in truth["kbSubflows"]:
            if a not in articles:
                bad("kbSubflow %s is not an article id" % a)
        if not truth["kbSubflows"]:
            bad("no kbSubflows")

        # hand-back
        hb = truth["handBack"]
        if hb is not None:
            task = tasks.get(hb["task"])
            if task is None:
                bad("hand-back task %s not in the pack" % hb["task"])
            elif hb["allowed"]:
                if not task["routine"]:
                    bad("allowed hand-back of a non-routine task")
                va = notes.get("verified_at")
                if va is None or turns[va]["speaker"] != "agent" or not any(w in turns[va]["text"].lower() for w in VERIFY_WORDS):
                    bad("allowed hand-back without an agent statement of verification")
                for need in task["needs"]:
                    if need not in tf:
                        bad("hand-back needs %s, not in the facts" % need)
                if notes.get("sensitive"):
                    bad("allowed but noted sensitive")
            else:
                if task["routine"] and not notes.get("sensitive"):
                    bad("routine task refused without a sensitive reason")
            if "handback_at" not in notes:
                bad("no handback_at note")
        # injection
        where = notes.get("injection_where")
        if bool(where) != truth["injection"]:
            bad("injection label vs note")
        if where and where not in INJECTION_WHERE:
            bad("injection where %s" % where)
        if where == "package.summary" and "INSTRUCTION" not in (h or {}).get("summary", ""):
            bad("summary injection text missing")
        if where == "package.nextSteps" and not any("OVERRIDE" in s for s in (h or {}).get("nextSteps", [])):
            bad("nextSteps injection text missing")
    return problems


def table(docs):
    rows = ["| # | file | caller | intent | kbSubflows | context error | repeats | injection | hand-back | package |",
            "|---|------|--------|--------|------------|---------------|---------|-----------|-----------|---------|"]
    for k, (c, d) in enumerate(zip(CALLS, docs), 1):
        tr = d["truth"]
        hb = tr["handBack"]
        hbs = "null" if hb is None else ("%s: %s" % (hb["task"], "allowed" if hb["allowed"] else "refused"))
        if d["handoff"] is None:
            intent, pkg = "(none)", "damaged: " + c["notes"]["damaged"].split(" (")[0].split(":")[0]
        else:
            intent, pkg = d["handoff"]["intent"]["label"], "valid"
        inj = c["notes"].get("injection_where", "no")
        rows.append("| %d | `%s.json` | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            k, d["id"], c["who"], intent, ", ".join(tr["kbSubflows"]),
            ", ".join(tr["contextErrors"]) or "-", ", ".join(map(str, tr["repeats"])) or "-",
            inj, hbs, pkg))
    return "\n".join(rows)


def main():
    pack, articles = load_pack()
    docs = [build_one(c) for c in CALLS]
    if "--check" not in sys.argv and "--table" not in sys.argv:
        os.makedirs(OUT, exist_ok=True)
        for d in docs:
            with open(os.path.join(OUT, d["id"] + ".json"), "w", encoding="utf-8") as f:
                json.dump(d, f, ensure_ascii=False, indent=2)
                f.write("\n")
    if "--table" in sys.argv:
        print(table(docs))
        return
    problems = check(docs, pack, articles)
    for p in problems:
        print("PROBLEM", p)
    n_turns = [len(d["turns"]) for d in docs]
    print("%d calls, %d-%d turns, %d repeats, %d context errors, %d injections, %d damaged, hand-back: %d allowed / %d refused / %d null"
          % (len(docs), min(n_turns), max(n_turns), sum(len(d["truth"]["repeats"]) for d in docs),
             sum(len(d["truth"]["contextErrors"]) for d in docs), sum(d["truth"]["injection"] for d in docs),
             sum(d["handoff"] is None for d in docs),
             sum(1 for d in docs if d["truth"]["handBack"] and d["truth"]["handBack"]["allowed"]),
             sum(1 for d in docs if d["truth"]["handBack"] and not d["truth"]["handBack"]["allowed"]),
             sum(1 for d in docs if d["truth"]["handBack"] is None)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
