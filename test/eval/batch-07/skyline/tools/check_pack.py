#!/usr/bin/env python3
"""Check pack-skyline-air against every rule of docs/DOMAIN-PACKS.md that can be checked offline,
plus the counts the brief asked for. Exit 1 on any error."""
import json, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from canon import check_value  # noqa: E402

PACK_DIR = os.path.join(os.path.dirname(HERE), "pack-skyline-air")
errors, warnings = [], []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
KEBAB_SNAKE = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
FACT_TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
FACT_KEYS = {"name", "label", "type", "pattern", "letterCase", "digits", "cues", "identity", "pii", "values",
             "catalogue", "bareValues", "lookup"}
MANIFEST_KEYS = {"format", "id", "name", "version", "description", "locale", "defaultRegion", "currency", "facts",
                 "catalogue", "intents", "handBack", "knowledgeBase", "lookups"}
REGIONS = {"US", "GB", "CA", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "IN", "MX"}
CURRENCIES = {"USD", "GBP", "EUR", "CAD", "AUD", "NZD", "INR", "MXN"}


def is_str(x):
    return isinstance(x, str) and x.strip() == x and x != ""


def str_list(where, x, min_len=1):
    if not isinstance(x, list) or len(x) < min_len or not all(is_str(s) for s in x):
        err(where, f"must be a list of at least {min_len} non-empty trimmed strings")
        return []
    low = [s.lower() for s in x]
    if len(set(low)) != len(low):
        err(where, "duplicate entries")
    return x


def check_values_list(where, vals):
    if not isinstance(vals, list) or not vals:
        err(where, "must be a non-empty list")
        return
    seen, aliases = set(), {}
    for i, v in enumerate(vals):
        w = f"{where}[{i}]"
        if not isinstance(v, dict) or set(v) - {"value", "label", "aliases"} or not {"value", "label"} <= set(v):
            err(w, "must be {value, label, aliases[]}")
            continue
        if not is_str(v["value"]) or not is_str(v["label"]):
            err(w, "value and label must be non-empty strings")
        if v["value"] in seen:
            err(w, f"duplicate value {v['value']}")
        seen.add(v["value"])
        for a in str_list(w + ".aliases", v.get("aliases", []), 0):
            if a.lower() in aliases and aliases[a.lower()] != v["value"]:
                err(w, f"alias '{a}' also names {aliases[a.lower()]}")
            aliases[a.lower()] = v["value"]


def main():
    with open(os.path.join(PACK_DIR, "pack.json"), encoding="utf-8") as f:
        pack = json.load(f)
    W = "pack.json"
    for k in set(pack) - MANIFEST_KEYS:
        err(W, f"unknown field {k}")
    if pack.get("format") != "domain-pack/1":
        err(W, "format must be domain-pack/1")
    if not is_str(pack.get("id")) or not KEBAB_SNAKE.match(pack["id"]):
        err(W, "id must be a kebab/snake id")
    if not is_str(pack.get("name")):
        err(W, "name required")
    if not SEMVER.match(str(pack.get("version", ""))):
        err(W, "version must be semver")
    if "description" in pack and not is_str(pack["description"]):
        err(W, "description must be text")
    if not re.fullmatch(r"[a-z]{2}-[A-Z]{2}", str(pack.get("locale", ""))):
        err(W, "locale must look like en-US")
    if pack.get("defaultRegion") not in REGIONS:
        err(W, "defaultRegion must be ISO 3166 alpha-2")
    if pack.get("currency") not in CURRENCIES:
        err(W, "currency must be ISO 4217")
    if pack.get("locale", "")[-2:] != pack.get("defaultRegion"):
        warn(W, "locale region and defaultRegion differ")

    catalogue = pack.get("catalogue", {})
    if not isinstance(catalogue, dict):
        err(W, "catalogue must be an object of lists")
        catalogue = {}
    for lid, vals in catalogue.items():
        if not SNAKE.match(lid):
            err(f"catalogue.{lid}", "list id must be snake_case")
        check_values_list(f"catalogue.{lid}", vals)

    # facts
    facts, used_lists, lookups_seen = {}, set(), {}
    for i, fct in enumerate(pack.get("facts", [])):
        w = f"facts[{i}]"
        if not isinstance(fct, dict):
            err(w, "must be an object")
            continue
        for k in set(fct) - FACT_KEYS:
            err(w, f"unknown field {k}")
        name = fct.get("name")
        if not is_str(name) or not SNAKE.match(name):
            err(w, "name must be snake_case")
            continue
        w = f"facts.{name}"
        if name in facts:
            err(w, "duplicate fact name")
        facts[name] = fct
        if not is_str(fct.get("label")):
            err(w, "label required")
        t = fct.get("type")
        if t not in FACT_TYPES:
            err(w, f"type {t} not one of {sorted(FACT_TYPES)}")
        str_list(w + ".cues", fct.get("cues"), 1)
        for b in ("identity", "pii", "bareValues"):
            if b in fct and not isinstance(fct[b], bool):
                err(w, f"{b} must be true/false")
        if t in ("id", "postcode"):
            if "pattern" not in fct:
                err(w, "id/postcode facts need a pattern")
            else:
                try:
                    re.compile(fct["pattern"])
                except re.error as e:
                    err(w, f"pattern does not compile: {e}")
                if not (fct["pattern"].startswith("^") and fct["pattern"].endswith("$")):
                    err(w, "pattern should be anchored ^...$")
        else:
            for k in ("pattern", "letterCase"):
                if k in fct:
                    err(w, f"{k} only applies to id/postcode facts")
        if "letterCase" in fct and fct["letterCase"] not in ("upper", "lower", "preserve"):
            err(w, "letterCase must be upper, lower or preserve")
        if "digits" in fct:
            if t != "id":
                err(w, "digits only applies to id facts")
            elif not isinstance(fct["digits"], int) or fct["digits"] < 1:
                err(w, "digits must be a positive integer")
            elif not re.fullmatch(fct["pattern"], "274" + "0" * (fct["digits"] - 3)) and \
                    not re.fullmatch(fct["pattern"], "1" * fct["digits"]):
                err(w, f"pattern accepts no {fct['digits']}-digit run")
        if t == "enum":
            check_values_list(w + ".values", fct.get("values"))
        elif "values" in fct:
            err(w, "values only applies to enum facts")
        if t == "catalogue":
            if fct.get("catalogue") not in catalogue:
                err(w, "catalogue must name a list in catalogue")
            used_lists.add(fct.get("catalogue"))
        elif "catalogue" in fct:
            err(w, "catalogue only applies to catalogue facts")
        if "bareValues" in fct and t not in ("enum", "catalogue"):
            err(w, "bareValues only applies to enum/catalogue facts")
        if "lookup" in fct:
            if fct["lookup"] not in ("account", "order"):
                err(w, "lookup must be account or order")
            elif fct["lookup"] in lookups_seen:
                err(w, f"lookup {fct['lookup']} already on {lookups_seen[fct['lookup']]}")
            lookups_seen[fct.get("lookup")] = name
    for lid in set(catalogue) - used_lists:
        err(f"catalogue.{lid}", "list not named by any catalogue fact")
    # enum aliases shared between facts that both count bare values would be ambiguous
    bare = {}
    for n, f_ in facts.items():
        if f_.get("bareValues"):
            src = f_.get("values") or catalogue.get(f_.get("catalogue"), [])
            for v in src:
                for a in [v["label"]] + v.get("aliases", []):
                    if a.lower() in bare and bare[a.lower()] != n:
                        err(f"facts.{n}", f"bare alias '{a}' also bare in {bare[a.lower()]}")
                    bare[a.lower()] = n

    # intents
    all_phrasings = {}

    def phr(where, lst, lo, hi):
        for p in str_list(where, lst, lo):
            key = p.lower()
            if key in all_phrasings:
                err(where, f"phrasing '{p}' also in {all_phrasings[key]}")
            all_phrasings[key] = where
        if isinstance(lst, list) and not (lo <= len(lst) <= hi):
            err(where, f"{len(lst)} phrasings, brief asks {lo}-{hi}")

    intents = {}
    for i, it in enumerate(pack.get("intents", [])):
        w = f"intents[{i}]"
        if set(it) - {"id", "label", "phrasings", "say"}:
            err(w, f"unknown fields {set(it) - {'id', 'label', 'phrasings', 'say'}}")
        if not is_str(it.get("id")) or not SNAKE.match(it["id"]):
            err(w, "id must be snake_case")
            continue
        w = f"intents.{it['id']}"
        if it["id"] in intents:
            err(w, "duplicate intent id")
        intents[it["id"]] = it
        if not is_str(it.get("label")):
            err(w, "label required")
        phr(w + ".phrasings", it.get("phrasings"), 6, 7)
        if "say" in it:
            s = it["say"]
            if not isinstance(s, dict) or set(s) != {"issue", "help"} or not all(is_str(v) for v in s.values()):
                err(w, "say must be {issue, help}")
    if not 18 <= len(intents) <= 24:
        err(W, f"{len(intents)} intents, brief asks 18-24")

    # hand-back
    hb = pack.get("handBack", {})
    if set(hb) - {"tasks", "sensitiveTopics"}:
        err("handBack", "unknown fields")
    tasks = {}
    for i, t in enumerate(hb.get("tasks", [])):
        w = f"handBack.tasks[{i}]"
        if set(t) != {"id", "label", "needs", "verifiedCaller", "routine", "phrasings"}:
            err(w, "must have exactly id, label, needs, verifiedCaller, routine, phrasings")
        if not is_str(t.get("id")) or not SNAKE.match(t["id"]):
            err(w, "id must be snake_case")
            continue
        w = f"handBack.tasks.{t['id']}"
        if t["id"] in tasks:
            err(w, "duplicate task id")
        tasks[t["id"]] = t
        if not is_str(t.get("label")):
            err(w, "label required")
        for n in str_list(w + ".needs", t.get("needs"), 1):
            if n not in facts:
                err(w, f"needs unknown fact {n}")
        for b in ("verifiedCaller", "routine"):
            if not isinstance(t.get(b), bool):
                err(w, f"{b} must be true/false")
        phr(w + ".phrasings", t.get("phrasings"), 5, 7)
    routine = sum(1 for t in tasks.values() if t.get("routine"))
    if not (14 <= len(tasks) <= 18 and 8 <= routine <= 10):
        err("handBack.tasks", f"{len(tasks)} tasks, {routine} routine; brief asks ~16 with ~9 routine")
    topics = {}
    for i, s in enumerate(hb.get("sensitiveTopics", [])):
        w = f"handBack.sensitiveTopics[{i}]"
        if set(s) != {"id", "label", "phrasings"}:
            err(w, "must have exactly id, label, phrasings")
        if not is_str(s.get("id")) or not SNAKE.match(s["id"]):
            err(w, "id must be snake_case")
            continue
        if s["id"] in topics:
            err(w, "duplicate topic id")
        topics[s["id"]] = s
        if not is_str(s.get("label")):
            err(w, "label required")
        phr(f"handBack.sensitiveTopics.{s['id']}.phrasings", s.get("phrasings"), 5, 8)

    if not 15 <= len(facts) <= 18:
        err(W, f"{len(facts)} facts, brief asks 15-18")
    if not any(f_.get("type") == "id" and "pattern" in f_ for f_ in facts.values()):
        err(W, "no id fact with a pattern")

    # knowledge base
    kb = pack.get("knowledgeBase", {"articles": "articles"})
    if set(kb) - {"articles"}:
        err("knowledgeBase", "unknown fields")
    art_dir = os.path.join(PACK_DIR, kb.get("articles", "articles"))
    if not os.path.isdir(art_dir):
        err("knowledgeBase.articles", "folder missing")
        art_files = []
    else:
        art_files = sorted(f for f in os.listdir(art_dir) if f.endswith(".md"))
    articles, covered = {}, set()
    for fn in art_files:
        w = f"articles/{fn}"
        text = open(os.path.join(art_dir, fn), encoding="utf-8").read()
        m = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
        if not m:
            err(w, "no YAML front matter between --- lines")
            continue
        try:
            fm = yaml.safe_load(m.group(1))
        except yaml.YAMLError as e:
            err(w, f"front matter is not YAML: {e}")
            continue
        body = m.group(2)
        if set(fm) - {"id", "title", "intents", "group", "groupDescription", "steps"}:
            err(w, f"unknown front matter {set(fm) - {'id', 'title', 'intents', 'group', 'groupDescription', 'steps'}}")
        aid = fm.get("id")
        if not is_str(aid) or not SNAKE.match(aid):
            err(w, "id must be snake_case")
            continue
        if aid != fn[:-3]:
            err(w, "id differs from the file name")
        if aid in articles:
            err(w, "duplicate article id")
        articles[aid] = fm
        if not is_str(fm.get("title")):
            err(w, "title required")
        for i_ in str_list(w + ".intents", fm.get("intents"), 1):
            if i_ not in intents:
                err(w, f"intent {i_} not in pack.json")
            covered.add(i_)
        if "group" in fm and not is_str(fm["group"]):
            err(w, "group must be text")
        if "## Steps" not in body:
            err(w, "no '## Steps' heading")
            continue
        desc, steps_md = body.split("## Steps", 1)
        if len(desc.strip()) < 40:
            err(w, "description before ## Steps is missing or too short")
        items = re.findall(r"^(\d+)\. (.*)$", steps_md, re.M)
        if not items:
            err(w, "no numbered steps")
        for k, (num, line) in enumerate(items, 1):
            if int(num) != k:
                err(w, f"step {num} out of order (expected {k})")
            if not re.match(r"\*\*[^*]+\*\*: \S", line):
                err(w, f"step {num} has no bold lead '**Title**: text'")
        for line in steps_md.splitlines():
            if line.strip() and not re.match(r"(\d+\. |   - |\s*$)", line):
                err(w, f"line outside the step list: {line[:40]!r}")
        meta = fm.get("steps", [])
        if not isinstance(meta, list):
            err(w, "steps must be a list")
            meta = []
        if len(meta) > len(items):
            err(w, f"{len(meta)} step metadata entries for {len(items)} steps")
        ids = set()
        for j, s in enumerate(meta):
            ws = f"{w} steps[{j}]"
            if not isinstance(s, dict) or set(s) - {"id", "facts", "signals"}:
                err(ws, "step metadata is {id?, facts?, signals?}")
                continue
            if "id" in s:
                if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(s["id"])):
                    err(ws, "step id must be kebab-case")
                if s["id"] in ids:
                    err(ws, "duplicate step id")
                ids.add(s["id"])
            for fn_ in s.get("facts", []) or []:
                if fn_ not in facts:
                    err(ws, f"unknown fact {fn_}")
            sig = s.get("signals", [])
            if not isinstance(sig, list) or not all(isinstance(g, list) and g and all(is_str(x) for x in g) for g in sig):
                err(ws, "signals must be a list of non-empty lists of phrases")
    for i_ in set(intents) - covered:
        err("articles", f"intent {i_} has no article")
    if not 18 <= len(articles) <= 24:
        err("articles", f"{len(articles)} articles, brief asks ~20")

    # lookups
    lk = pack.get("lookups")
    if lk:
        p = os.path.join(PACK_DIR, lk)
        if not os.path.isfile(p):
            err("lookups", "file missing")
        else:
            data = json.load(open(p, encoding="utf-8"))
            for kind, key in (("accounts", lookups_seen.get("account")), ("orders", lookups_seen.get("order"))):
                seen = set()
                for j, row in enumerate(data.get(kind, [])):
                    wl = f"lookups.{kind}[{j}]"
                    if key not in row:
                        err(wl, f"no {key}")
                    if row.get(key) in seen:
                        err(wl, "duplicate key")
                    seen.add(row.get(key))
                    for fname, val in row.items():
                        if fname in facts:
                            r = check_value(facts[fname], val, catalogue)
                            if r:
                                err(wl, f"{fname}={val!r}: {r}")
                        elif fname != "summary":
                            err(wl, f"unknown field {fname}")
            if set(data) - {"accounts", "orders"}:
                err("lookups", "only accounts and orders expected")
    if not os.path.isfile(os.path.join(PACK_DIR, "LICENSE")):
        err("pack", "LICENSE missing")
    elif "CC0" not in open(os.path.join(PACK_DIR, "LICENSE")).read():
        err("LICENSE", "not CC0")

    nonroutine = len(tasks) - routine
    print(f"pack {pack.get('id')} {pack.get('version')}: {len(facts)} facts, {len(catalogue)} catalogue list(s), "
          f"{len(intents)} intents, {sum(len(i['phrasings']) for i in intents.values())} intent phrasings, "
          f"{len(articles)} articles, {len(tasks)} tasks ({routine} routine, {nonroutine} not), "
          f"{len(topics)} sensitive topics")
    for w_ in warnings:
        print("warning:", w_)
    for e in errors:
        print("ERROR:", e)
    print("pack OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
