#!/usr/bin/env python3
"""Strict check of the Pinecrest Mutual pack against every field of docs/DOMAIN-PACKS.md.

The field table is re-stated here (REQUIRED / OPTIONAL / per-fact rules) and every field of
pack.json, articles/*.md and lookups.json is checked for presence, type and cross references.
Exit 1 on any problem.
"""
import json
import os
import re
import sys

PACK = os.environ.get("PACK_DIR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pack-pinecrest-mutual")
problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def is_str(x):
    return isinstance(x, str) and x.strip() != ""


def str_list(x, where, nonempty=True):
    if not isinstance(x, list) or (nonempty and not x) or not all(is_str(i) for i in x):
        bad(where, "must be a%s list of non-empty strings" % (" non-empty" if nonempty else ""))
        return False
    if len(set(i.lower() for i in x)) != len(x):
        bad(where, "duplicate entries")
    return True


ID_RE = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
FACT_KEYS = {"name", "label", "type", "pattern", "letterCase", "digits", "cues", "identity", "pii", "values",
             "catalogue", "bareValues", "lookup"}
TOP_KEYS = {"format", "id", "name", "version", "description", "locale", "defaultRegion", "currency", "facts",
            "catalogue", "intents", "handBack", "knowledgeBase", "lookups"}
REQUIRED_TOP = ["format", "id", "name", "version", "defaultRegion", "currency", "facts", "intents", "handBack"]

with open(os.path.join(PACK, "pack.json"), encoding="utf-8") as f:
    pk = json.load(f)

for k in REQUIRED_TOP:
    if k not in pk:
        bad("pack.json", f"missing required field {k}")
for k in pk:
    if k not in TOP_KEYS:
        bad("pack.json", f"unknown top-level field {k}")

if pk.get("format") != "domain-pack/1":
    bad("format", "must be domain-pack/1")
if not (is_str(pk.get("id")) and ID_RE.match(pk["id"])):
    bad("id", "must be a kebab/snake id")
if not is_str(pk.get("name")):
    bad("name", "text required")
if not (isinstance(pk.get("version"), str) and SEMVER.match(pk["version"])):
    bad("version", "must be semver")
if "description" in pk and not is_str(pk["description"]):
    bad("description", "must be text")
if "locale" in pk and not (isinstance(pk["locale"], str) and re.match(r"^[a-z]{2}-[A-Z]{2}$", pk["locale"])):
    bad("locale", "must look like en-US")
if not (isinstance(pk.get("defaultRegion"), str) and re.match(r"^[A-Z]{2}$", pk["defaultRegion"])):
    bad("defaultRegion", "ISO 3166 alpha-2")
if not (isinstance(pk.get("currency"), str) and re.match(r"^[A-Z]{3}$", pk["currency"])):
    bad("currency", "ISO 4217")
if pk.get("locale") != "en-US" or pk.get("defaultRegion") != "US" or pk.get("currency") != "USD":
    bad("pack.json", "brief asks for en-US / US / USD")

# catalogue
cat = pk.get("catalogue", {})
if not isinstance(cat, dict):
    bad("catalogue", "must be an object { listId: value[] }")
    cat = {}
for lid, items in cat.items():
    w = f"catalogue.{lid}"
    if not SNAKE.match(lid) and not ID_RE.match(lid):
        bad(w, "list id should be an id")
    if not isinstance(items, list) or not items:
        bad(w, "must be a non-empty list")
        continue
    seen = set()
    for i, it in enumerate(items):
        ww = f"{w}[{i}]"
        if not isinstance(it, dict):
            bad(ww, "must be an object")
            continue
        for k in it:
            if k not in ("value", "label", "aliases"):
                bad(ww, f"unknown key {k}")
        if not (is_str(it.get("value")) and SNAKE.match(it["value"])):
            bad(ww, "value must be snake_case")
        if it.get("value") in seen:
            bad(ww, "duplicate value")
        seen.add(it.get("value"))
        if not is_str(it.get("label")):
            bad(ww, "label required")
        str_list(it.get("aliases"), ww + ".aliases")

# facts
facts = pk.get("facts")
fact_names = set()
if not isinstance(facts, list) or not facts:
    bad("facts", "must be a non-empty list")
    facts = []
for i, fa in enumerate(facts):
    w = f"facts[{i}]"
    if not isinstance(fa, dict):
        bad(w, "must be an object")
        continue
    w = f"facts[{i}:{fa.get('name')}]"
    for k in fa:
        if k not in FACT_KEYS:
            bad(w, f"unknown key {k}")
    if not (is_str(fa.get("name")) and SNAKE.match(fa["name"])):
        bad(w, "name must be snake_case")
    if fa.get("name") in fact_names:
        bad(w, "duplicate fact name")
    fact_names.add(fa.get("name"))
    if not is_str(fa.get("label")):
        bad(w, "label required")
    t = fa.get("type")
    if t not in FACT_TYPES:
        bad(w, f"type {t!r} not one of {sorted(FACT_TYPES)}")
    if "pattern" in fa:
        if t not in ("id", "postcode"):
            bad(w, "pattern only for id/postcode")
        try:
            re.compile(fa["pattern"])
        except re.error as e:
            bad(w, f"pattern does not compile: {e}")
        if not (fa["pattern"].startswith("^") and fa["pattern"].endswith("$")):
            bad(w, "pattern should be anchored")
    elif t in ("id", "postcode"):
        bad(w, "id/postcode facts here should all carry a pattern")
    if "letterCase" in fa:
        if t not in ("id", "postcode"):
            bad(w, "letterCase only for id/postcode")
        if fa["letterCase"] not in ("upper", "lower", "preserve"):
            bad(w, "letterCase must be upper/lower/preserve")
    if "digits" in fa:
        if t != "id" or not isinstance(fa["digits"], int) or isinstance(fa["digits"], bool) or fa["digits"] < 1:
            bad(w, "digits: positive int, id facts only")
    if "cues" in fa:
        str_list(fa["cues"], w + ".cues")
    else:
        bad(w, "cues: every fact here should have cues")
    for b in ("identity", "pii", "bareValues"):
        if b in fa and not isinstance(fa[b], bool):
            bad(w, f"{b} must be boolean")
    if "bareValues" in fa and t not in ("enum", "catalogue"):
        bad(w, "bareValues only for enum/catalogue")
    if t == "enum":
        vals = fa.get("values")
        if not isinstance(vals, list) or not vals:
            bad(w, "enum needs values[]")
        else:
            seen = set()
            for j, v in enumerate(vals):
                ww = f"{w}.values[{j}]"
                if not isinstance(v, dict) or set(v) - {"value", "label", "aliases"}:
                    bad(ww, "must be {value,label,aliases[]}")
                    continue
                if not (is_str(v.get("value")) and SNAKE.match(v["value"])):
                    bad(ww, "value snake_case")
                if v.get("value") in seen:
                    bad(ww, "duplicate")
                seen.add(v.get("value"))
                if not is_str(v.get("label")):
                    bad(ww, "label required")
                str_list(v.get("aliases"), ww + ".aliases")
    elif "values" in fa:
        bad(w, "values only for enum")
    if t == "catalogue":
        if fa.get("catalogue") not in cat:
            bad(w, f"catalogue {fa.get('catalogue')!r} not in pack catalogue")
    elif "catalogue" in fa:
        bad(w, "catalogue only for catalogue facts")
    if "lookup" in fa and fa["lookup"] not in ("account", "order"):
        bad(w, "lookup must be account or order")

for need in ["customer_name", "phone", "email", "policy_number", "claim_number", "vin", "zip_code", "amount",
             "date", "vehicle", "street_address", "payment_method"]:
    if need not in fact_names:
        bad("facts", f"brief asks for fact {need}")

# example values must match the id/postcode patterns
EXAMPLES = {"policy_number": ["PCA3318207", "PCH8803152"], "claim_number": ["CL26038914"],
            "vin": ["4T1C11AK7PU718305", "1FTFW1E5XMFB26694"], "zip_code": ["08540", "85032"]}
fmap = {fa.get("name"): fa for fa in facts if isinstance(fa, dict)}
for n, exs in EXAMPLES.items():
    for e in exs:
        if n in fmap and not re.match(fmap[n]["pattern"], e):
            bad(f"facts.{n}", f"example {e} does not match its own pattern")
for n, e in {"policy_number": "PCA331820", "vin": "4T1C11AK7PU71830O", "zip_code": "850321"}.items():
    if re.match(fmap[n]["pattern"], e):
        bad(f"facts.{n}", f"pattern accepts bad value {e}")

# intents
intent_ids = set()
intents = pk.get("intents")
if not isinstance(intents, list) or not intents:
    bad("intents", "non-empty list")
    intents = []
for i, it in enumerate(intents):
    w = f"intents[{i}:{it.get('id') if isinstance(it, dict) else '?'}]"
    if not isinstance(it, dict):
        bad(w, "object")
        continue
    for k in it:
        if k not in ("id", "label", "phrasings", "say"):
            bad(w, f"unknown key {k}")
    if not (is_str(it.get("id")) and SNAKE.match(it["id"])):
        bad(w, "id snake_case")
    if it.get("id") in intent_ids:
        bad(w, "duplicate id")
    intent_ids.add(it.get("id"))
    if not is_str(it.get("label")):
        bad(w, "label")
    str_list(it.get("phrasings"), w + ".phrasings")
    if "say" in it:
        s = it["say"]
        if not isinstance(s, dict) or set(s) != {"issue", "help"} or not all(is_str(v) for v in s.values()):
            bad(w, "say must be {issue, help}")

# hand back
hb = pk.get("handBack")
task_ids = set()
if not isinstance(hb, dict) or set(hb) - {"tasks", "sensitiveTopics"}:
    bad("handBack", "object with tasks[] and sensitiveTopics[]")
    hb = {}
for i, t in enumerate(hb.get("tasks", [])):
    w = f"handBack.tasks[{i}:{t.get('id')}]"
    if set(t) != {"id", "label", "needs", "verifiedCaller", "routine", "phrasings"}:
        bad(w, f"fields must be exactly id,label,needs,verifiedCaller,routine,phrasings (has {sorted(t)})")
    if not (is_str(t.get("id")) and SNAKE.match(t["id"])):
        bad(w, "id snake_case")
    if t.get("id") in task_ids:
        bad(w, "duplicate")
    task_ids.add(t.get("id"))
    if not is_str(t.get("label")):
        bad(w, "label")
    if isinstance(t.get("needs"), list):
        for n in t["needs"]:
            if n not in fact_names:
                bad(w, f"needs unknown fact {n}")
    else:
        bad(w, "needs must be a list")
    for b in ("verifiedCaller", "routine"):
        if not isinstance(t.get(b), bool):
            bad(w, f"{b} boolean")
    str_list(t.get("phrasings"), w + ".phrasings")
if not hb.get("tasks"):
    bad("handBack.tasks", "empty")
for need in ["send_id_card", "take_payment", "send_claim_status_link"]:
    if need not in task_ids:
        bad("handBack.tasks", f"brief names task {need}")
topic_ids = set()
for i, t in enumerate(hb.get("sensitiveTopics", [])):
    w = f"handBack.sensitiveTopics[{i}]"
    if set(t) != {"id", "label", "phrasings"}:
        bad(w, "fields id,label,phrasings")
    if not (is_str(t.get("id")) and SNAKE.match(t["id"])) or t.get("id") in topic_ids:
        bad(w, "id snake_case, unique")
    topic_ids.add(t.get("id"))
    if not is_str(t.get("label")):
        bad(w, "label")
    str_list(t.get("phrasings"), w + ".phrasings")

# knowledge base
kb = pk.get("knowledgeBase", {"articles": "articles"})
if not isinstance(kb, dict) or set(kb) - {"articles"} or not is_str(kb.get("articles", "articles")):
    bad("knowledgeBase", "{ articles: folder }")
adir = os.path.join(PACK, kb.get("articles", "articles"))
if not os.path.isdir(adir):
    bad("knowledgeBase.articles", "folder missing")

# articles
FM = re.compile(r"^---\n(.*?)\n---\n(.*)$", re.S)


def parse_fm(text):
    """Minimal YAML for the subset the articles use: scalars, [a, b] lists, and steps: - mappings."""
    out, steps, cur = {}, None, None
    for raw in text.split("\n"):
        line = raw.split(" #")[0].rstrip()
        if not line.strip():
            continue
        if not line.startswith(" ") and not line.startswith("-"):
            k, _, v = line.partition(":")
            v = v.strip()
            if k == "steps":
                steps = []
                out["steps"] = steps
                continue
            steps = None
            if v.startswith("[") and v.endswith("]"):
                out[k] = [x.strip() for x in v[1:-1].split(",") if x.strip()]
            else:
                out[k] = v.strip("'\"")
            continue
        if steps is None:
            raise ValueError(f"indented line outside steps: {raw!r}")
        s = line.strip()
        if s.startswith("- "):
            cur = {}
            steps.append(cur)
            s = s[2:]
        k, _, v = s.partition(":")
        v = v.strip()
        if k == "facts":
            cur["facts"] = [x.strip() for x in v.strip("[]").split(",") if x.strip()]
        elif k == "signals":
            inner = re.findall(r"\[([^\[\]]+)\]", v)
            if not inner:
                raise ValueError(f"signals must be a list of lists: {raw!r}")
            cur["signals"] = [[x.strip() for x in g.split(",")] for g in inner]
        elif k == "id":
            cur["id"] = v
        else:
            raise ValueError(f"unknown step key {k}")
    return out


article_ids = set()
files = sorted(f for f in os.listdir(adir) if f.endswith(".md")) if os.path.isdir(adir) else []
if len(files) < 16:
    bad("articles", f"only {len(files)} articles, brief asks for at least 16")
for fn in files:
    w = f"articles/{fn}"
    text = open(os.path.join(adir, fn), encoding="utf-8").read()
    m = FM.match(text)
    if not m:
        bad(w, "no YAML front matter")
        continue
    try:
        fm = parse_fm(m.group(1))
    except ValueError as e:
        bad(w, str(e))
        continue
    body = m.group(2)
    try:
        import yaml  # cross-check the subset parser with a real YAML parser when present
        ym = yaml.safe_load(m.group(1))
        if ym != fm:
            bad(w, "front matter reads differently in a real YAML parser")
    except ImportError:
        pass
    for k in fm:
        if k not in ("id", "title", "intents", "group", "steps"):
            bad(w, f"unknown front matter key {k}")
    aid = fm.get("id")
    if not (aid and SNAKE.match(aid)):
        bad(w, "id snake_case")
    if aid + ".md" != fn:
        bad(w, "file name should be <id>.md")
    if aid in article_ids:
        bad(w, "duplicate id")
    article_ids.add(aid)
    if not fm.get("title"):
        bad(w, "title")
    ints = fm.get("intents")
    if not isinstance(ints, list) or not ints:
        bad(w, "intents list")
    else:
        for it in ints:
            if it not in intent_ids:
                bad(w, f"unknown intent {it}")
    if "## Steps" not in body:
        bad(w, "no '## Steps' heading")
        continue
    desc, _, stepsec = body.partition("## Steps")
    if not desc.strip():
        bad(w, "no description before ## Steps")
    items = re.findall(r"^(\d+)\. \*\*([^*]+)\*\*:? ?(.*)$", stepsec, re.M)
    numbered = re.findall(r"^\d+\. ", stepsec, re.M)
    if len(items) != len(numbered) or not items:
        bad(w, "every numbered step needs a bold lead")
    if [int(n) for n, _, _ in items] != list(range(1, len(items) + 1)):
        bad(w, "steps not numbered 1..n")
    meta = fm.get("steps", [])
    if len(meta) > len(items):
        bad(w, f"{len(meta)} step metadata entries for {len(items)} steps")
    for j, st in enumerate(meta):
        for fct in st.get("facts", []):
            if fct not in fact_names:
                bad(w, f"step {j + 1} names unknown fact {fct}")

covered = set()
for fn in files:
    m = FM.match(open(os.path.join(adir, fn), encoding="utf-8").read())
    covered.update(parse_fm(m.group(1)).get("intents", []))
for it in intent_ids - covered:
    bad("intents", f"intent {it} has no article")

# lookups
if "lookups" in pk:
    lp = os.path.join(PACK, pk["lookups"])
    if not os.path.isfile(lp):
        bad("lookups", "file missing")
    else:
        lk = json.load(open(lp, encoding="utf-8"))
        if set(lk) - {"accounts", "orders"}:
            bad("lookups.json", "only accounts and orders")
        for sect, fact in (("accounts", "policy_number"), ("orders", "claim_number")):
            for key, rec in lk.get(sect, {}).items():
                if not re.match(fmap[fact]["pattern"], key):
                    bad(f"lookups.{sect}", f"key {key} does not match {fact} pattern")
                if set(rec) != {"found", "summary"} or not isinstance(rec["found"], bool) or not is_str(rec["summary"]):
                    bad(f"lookups.{sect}.{key}", "must be {found: bool, summary: text}")
if not os.path.isfile(os.path.join(PACK, "LICENSE")):
    bad("LICENSE", "missing")

if __name__ == "__main__":
    print(f"pack {pk.get('id')} {pk.get('version')}: {len(facts)} facts, {len(intent_ids)} intents, "
          f"{len(article_ids)} articles, {len(task_ids)} hand-back tasks "
          f"({sum(1 for t in hb.get('tasks', []) if t.get('routine'))} routine), {len(topic_ids)} sensitive topics, "
          f"{sum(len(v) for v in cat.values())} catalogue items")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
