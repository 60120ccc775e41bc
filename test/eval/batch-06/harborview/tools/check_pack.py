#!/usr/bin/env python3
"""Check pack-harborview-cu against every rule of docs/DOMAIN-PACKS.md (domain-pack/1).

Usage: python3 check_pack.py [path/to/pack]   -> prints problems; exit 1 if any error.
Rules checked (from the spec's field tables, layout, article format and canonical values):
  layout: pack.json, articles folder (knowledgeBase.articles, default "articles"), optional lookups, LICENSE
  manifest: format, id (kebab/snake), name, semver version, locale, ISO 3166 region, ISO 4217 currency,
            no unknown top-level keys
  facts: snake_case unique names, label, type in the 11 types, pattern for id/postcode (compiles, and
         only there), letterCase/digits only where allowed, cues, identity/pii booleans, enum values
         {value,label,aliases[]}, catalogue names an existing list, bareValues only enum/catalogue,
         lookup in {account, order}
  catalogue: {listId: [{value,label,aliases[]}]}, unique values, every list used
  intents: unique ids, label, phrasings[], say {issue, help}
  handBack.tasks: unique ids, label, needs[] = fact names, verifiedCaller/routine booleans, phrasings[]
  handBack.sensitiveTopics: unique ids, label, phrasings[]
  articles: YAML front matter (id = file name, title, intents = known intent ids, group, steps with
            facts = known fact names and signals = list of lists), description before "## Steps",
            numbered steps with a bold lead, step metadata no longer than the step list
  lookups: {accounts:{}, orders:{}} with {found, summary}; keys match the fact that has that lookup
  extra (this evaluation's brief): 18-22 articles, every intent answered by some article, CC0 LICENSE
"""
import json, os, re, sys
import yaml

def safe_match(pattern, value):
    """re.match that treats a pattern that does not compile as 'no match' (reported elsewhere)."""
    try: return re.match(pattern, value)
    except (re.error, TypeError): return None

TYPES = {"id", "email", "phone", "amount", "date", "enum", "catalogue", "name", "address", "postcode", "text"}
ISO_REGIONS = {"US", "GB", "CA", "AU", "IE", "NZ", "DE", "FR", "ES", "IT", "NL", "IN", "MX", "BR", "JP"}
ISO_CURRENCIES = {"USD", "GBP", "EUR", "CAD", "AUD", "NZD", "INR", "MXN", "BRL", "JPY", "CHF"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
PACK_ID = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
LOCALE = re.compile(r"^[a-z]{2,3}-[A-Z]{2}$")

errors, warnings = [], []
def err(where, msg): errors.append(f"ERROR {where}: {msg}")
def warn(where, msg): warnings.append(f"WARN  {where}: {msg}")

def nonempty_str(v): return isinstance(v, str) and v.strip() != ""
def str_list(v, allow_empty=False):
    return isinstance(v, list) and (allow_empty or len(v) > 0) and all(nonempty_str(x) for x in v)

def check_values(where, values):
    if not isinstance(values, list) or not values:
        err(where, "must be a non-empty list of {value, label, aliases[]}"); return set()
    seen = set()
    for i, v in enumerate(values):
        w = f"{where}[{i}]"
        if not isinstance(v, dict): err(w, "not an object"); continue
        extra = set(v) - {"value", "label", "aliases"}
        if extra: err(w, f"unknown keys {sorted(extra)}")
        if not nonempty_str(v.get("value")): err(w, "value missing")
        if not nonempty_str(v.get("label")): err(w, "label missing")
        if "aliases" in v and not str_list(v["aliases"], allow_empty=True): err(w, "aliases must be a list of strings")
        if v.get("value") in seen: err(w, f"duplicate value {v.get('value')!r}")
        seen.add(v.get("value"))
    return seen

def check_manifest(root):
    path = os.path.join(root, "pack.json")
    try:
        m = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        err("pack.json", f"not valid JSON: {e}"); return None
    allowed = {"format", "id", "name", "version", "description", "locale", "defaultRegion", "currency", "facts",
               "catalogue", "intents", "handBack", "knowledgeBase", "lookups"}
    extra = set(m) - allowed
    if extra: err("pack.json", f"unknown top-level keys {sorted(extra)}")
    if m.get("format") != "domain-pack/1": err("format", "must be 'domain-pack/1'")
    if not (isinstance(m.get("id"), str) and PACK_ID.match(m["id"])): err("id", "must be a kebab/snake id")
    if not nonempty_str(m.get("name")): err("name", "missing")
    if not (isinstance(m.get("version"), str) and SEMVER.match(m["version"])): err("version", "must be semver")
    if "description" in m and not isinstance(m["description"], str): err("description", "must be text")
    if "locale" in m and not (isinstance(m["locale"], str) and LOCALE.match(m["locale"])): err("locale", "must look like en-US")
    if m.get("defaultRegion") not in ISO_REGIONS: err("defaultRegion", f"{m.get('defaultRegion')!r} is not an ISO 3166 alpha-2 code this checker knows")
    if m.get("currency") not in ISO_CURRENCIES: err("currency", f"{m.get('currency')!r} is not an ISO 4217 code this checker knows")
    if m.get("locale") and m.get("defaultRegion") and not m["locale"].endswith("-" + m["defaultRegion"]):
        warn("locale", "locale region differs from defaultRegion")

    # catalogue
    cat = m.get("catalogue", {})
    cat_values = {}
    if not isinstance(cat, dict): err("catalogue", "must be {listId: value[]}"); cat = {}
    for lid, vals in cat.items():
        if not SNAKE.match(lid): warn(f"catalogue.{lid}", "list id is not snake_case")
        cat_values[lid] = check_values(f"catalogue.{lid}", vals)

    # facts
    facts = m.get("facts")
    fact_by_name = {}
    if not isinstance(facts, list) or not facts: err("facts", "must be a non-empty list"); facts = []
    used_lists = set()
    lookups_seen = {}
    for i, f in enumerate(facts):
        w = f"facts[{i}]"
        if not isinstance(f, dict): err(w, "not an object"); continue
        name = f.get("name"); w = f"facts[{i}] {name}"
        extra = set(f) - {"name", "label", "type", "pattern", "letterCase", "digits", "cues", "identity", "pii",
                          "values", "catalogue", "bareValues", "lookup"}
        if extra: err(w, f"unknown keys {sorted(extra)}")
        if not (isinstance(name, str) and SNAKE.match(name)): err(w, "name must be snake_case")
        if name in fact_by_name: err(w, "duplicate fact name")
        fact_by_name[name] = f
        if not nonempty_str(f.get("label")): err(w, "label missing")
        t = f.get("type")
        if t not in TYPES: err(w, f"type {t!r} not one of {sorted(TYPES)}"); continue
        if t in ("id", "postcode"):
            if not nonempty_str(f.get("pattern")): err(w, "id/postcode fact needs a pattern")
            else:
                try: re.compile(f["pattern"])
                except re.error as e: err(w, f"pattern does not compile: {e}")
                if not (f["pattern"].startswith("^") and f["pattern"].endswith("$")): warn(w, "pattern is not anchored")
        elif "pattern" in f: err(w, "pattern is only for id/postcode facts")
        if "letterCase" in f:
            if t not in ("id", "postcode"): warn(w, "letterCase only matters for id/postcode")
            if f["letterCase"] not in ("upper", "lower", "preserve"): err(w, "letterCase must be upper, lower or preserve")
        if "digits" in f:
            if t != "id": err(w, "digits is only for id facts")
            elif not (isinstance(f["digits"], int) and f["digits"] > 0): err(w, "digits must be a positive integer")
            elif f.get("pattern") and not safe_match(f["pattern"], "1" * f["digits"]):
                err(w, f"a bare run of {f['digits']} digits cannot match the pattern")
        if not str_list(f.get("cues")): err(w, "cues must be a non-empty list of strings")
        else:
            low = [c.lower() for c in f["cues"]]
            if len(set(low)) != len(low): warn(w, "duplicate cues")
        for b in ("identity", "pii", "bareValues"):
            if b in f and not isinstance(f[b], bool): err(w, f"{b} must be a boolean")
        if t == "enum":
            check_values(f"{w}.values", f.get("values"))
        elif "values" in f: err(w, "values is only for enum facts")
        if t == "catalogue":
            lid = f.get("catalogue")
            if lid not in cat_values: err(w, f"catalogue {lid!r} is not a list in catalogue")
            used_lists.add(lid)
        elif "catalogue" in f: err(w, "catalogue is only for catalogue facts")
        if "bareValues" in f and t not in ("enum", "catalogue"): err(w, "bareValues is only for enum/catalogue facts")
        if "lookup" in f:
            if f["lookup"] not in ("account", "order"): err(w, "lookup must be 'account' or 'order'")
            elif f["lookup"] in lookups_seen: warn(w, f"a second fact with lookup {f['lookup']!r}")
            else: lookups_seen[f["lookup"]] = f
    for lid in cat_values:
        if lid not in used_lists: warn(f"catalogue.{lid}", "no fact names this list")
    # patterns of different id facts should not both match one sample value
    id_facts = [f for f in facts if isinstance(f, dict) and f.get("type") in ("id", "postcode") and f.get("pattern")]
    for a in id_facts:
        for b in id_facts:
            if a is b or a.get("name") >= b.get("name"): continue
            for sample in ("12345678", "1234", "12345", "LN1234567", "DC123456", "WT12345678"):
                if safe_match(a["pattern"], sample) and safe_match(b["pattern"], sample):
                    warn("facts", f"{a['name']} and {b['name']} both accept {sample!r}")

    # intents
    intents = m.get("intents")
    intent_ids = set()
    if not isinstance(intents, list) or not intents: err("intents", "must be a non-empty list"); intents = []
    for i, it in enumerate(intents):
        w = f"intents[{i}] {it.get('id') if isinstance(it, dict) else ''}"
        if not isinstance(it, dict): err(w, "not an object"); continue
        extra = set(it) - {"id", "label", "phrasings", "say"}
        if extra: err(w, f"unknown keys {sorted(extra)}")
        if not (isinstance(it.get("id"), str) and SNAKE.match(it["id"])): err(w, "id must be snake_case")
        if it.get("id") in intent_ids: err(w, "duplicate intent id")
        intent_ids.add(it.get("id"))
        if not nonempty_str(it.get("label")): err(w, "label missing")
        if not str_list(it.get("phrasings")): err(w, "phrasings must be a non-empty list of strings")
        elif len(it["phrasings"]) < 4: warn(w, "fewer than 4 phrasings")
        if "say" in it:
            s = it["say"]
            if not (isinstance(s, dict) and nonempty_str(s.get("issue")) and nonempty_str(s.get("help")) and set(s) <= {"issue", "help"}):
                err(w, "say must be {issue, help}")

    # handBack
    hb = m.get("handBack", {})
    task_ids, topic_ids = set(), set()
    if not isinstance(hb, dict): err("handBack", "must be an object"); hb = {}
    extra = set(hb) - {"tasks", "sensitiveTopics"}
    if extra: err("handBack", f"unknown keys {sorted(extra)}")
    for i, t in enumerate(hb.get("tasks", [])):
        w = f"handBack.tasks[{i}] {t.get('id')}"
        extra = set(t) - {"id", "label", "needs", "verifiedCaller", "routine", "phrasings"}
        if extra: err(w, f"unknown keys {sorted(extra)}")
        if not (isinstance(t.get("id"), str) and SNAKE.match(t["id"])): err(w, "id must be snake_case")
        if t.get("id") in task_ids: err(w, "duplicate task id")
        task_ids.add(t.get("id"))
        if not nonempty_str(t.get("label")): err(w, "label missing")
        if not isinstance(t.get("needs"), list): err(w, "needs must be a list")
        else:
            for n in t["needs"]:
                if n not in fact_by_name: err(w, f"needs unknown fact {n!r}")
        for b in ("verifiedCaller", "routine"):
            if not isinstance(t.get(b), bool): err(w, f"{b} must be a boolean")
        if not str_list(t.get("phrasings")): err(w, "phrasings must be a non-empty list of strings")
    if not any(t.get("routine") for t in hb.get("tasks", [])): warn("handBack.tasks", "no routine task")
    if not any(t.get("routine") is False for t in hb.get("tasks", [])): warn("handBack.tasks", "no non-routine task")
    for i, s in enumerate(hb.get("sensitiveTopics", [])):
        w = f"handBack.sensitiveTopics[{i}] {s.get('id')}"
        extra = set(s) - {"id", "label", "phrasings"}
        if extra: err(w, f"unknown keys {sorted(extra)}")
        if not (isinstance(s.get("id"), str) and SNAKE.match(s["id"])): err(w, "id must be snake_case")
        if s.get("id") in topic_ids: err(w, "duplicate topic id")
        topic_ids.add(s.get("id"))
        if not nonempty_str(s.get("label")): err(w, "label missing")
        if not str_list(s.get("phrasings")): err(w, "phrasings must be a non-empty list of strings")

    kb = m.get("knowledgeBase", {"articles": "articles"})
    if not (isinstance(kb, dict) and set(kb) <= {"articles"}): err("knowledgeBase", "must be {articles: folder}")
    return m, fact_by_name, intent_ids, cat_values, lookups_seen, kb.get("articles", "articles") if isinstance(kb, dict) else "articles"

def check_articles(root, folder, fact_by_name, intent_ids):
    adir = os.path.join(root, folder)
    if not os.path.isdir(adir): err("knowledgeBase.articles", f"folder {folder!r} missing"); return {}
    ids, covered = {}, set()
    files = sorted(f for f in os.listdir(adir) if f.endswith(".md"))
    for fn in files:
        w = f"{folder}/{fn}"
        text = open(os.path.join(adir, fn), encoding="utf-8").read()
        mfm = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if not mfm: err(w, "no YAML front matter between --- lines"); continue
        try: fm = yaml.safe_load(mfm.group(1))
        except yaml.YAMLError as e: err(w, f"front matter is not YAML: {e}"); continue
        body = mfm.group(2)
        if not isinstance(fm, dict): err(w, "front matter is not a mapping"); continue
        extra = set(fm) - {"id", "title", "intents", "group", "groupDescription", "steps"}
        if extra: err(w, f"unknown front matter keys {sorted(extra)}")
        aid = fm.get("id")
        if not (isinstance(aid, str) and SNAKE.match(aid)): err(w, "id must be snake_case")
        if aid != fn[:-3]: err(w, f"id {aid!r} differs from the file name")
        if aid in ids: err(w, f"duplicate article id {aid!r}")
        ids[aid] = fm
        if not nonempty_str(fm.get("title")): err(w, "title missing")
        its = fm.get("intents")
        if not str_list(its): err(w, "intents must be a non-empty list")
        else:
            for it in its:
                if it not in intent_ids: err(w, f"unknown intent {it!r}")
                covered.add(it)
        if "group" in fm and not nonempty_str(fm["group"]): err(w, "group must be text")
        if "## Steps" not in body: err(w, "no '## Steps' heading"); continue
        desc, steps_part = body.split("## Steps", 1)
        if not desc.strip(): err(w, "no description before ## Steps")
        numbered = re.findall(r"^(\d+)\. (.*)$", steps_part, re.M)
        if not numbered: err(w, "no numbered steps")
        for k, (num, line) in enumerate(numbered, 1):
            if int(num) != k: err(w, f"step numbering jumps at {num}")
            if not re.match(r"^\*\*[^*]+\*\*", line): warn(w, f"step {num} has no bold lead")
        meta = fm.get("steps")
        if meta is not None:
            if not isinstance(meta, list): err(w, "steps must be a list"); continue
            if len(meta) > len(numbered): err(w, f"{len(meta)} step entries for {len(numbered)} numbered steps")
            sids = set()
            for j, s in enumerate(meta):
                sw = f"{w} steps[{j}]"
                if not isinstance(s, dict): err(sw, "not a mapping"); continue
                extra = set(s) - {"id", "facts", "signals"}
                if extra: err(sw, f"unknown keys {sorted(extra)}")
                if "id" in s:
                    if s["id"] in sids: err(sw, "duplicate step id")
                    sids.add(s["id"])
                for fname in s.get("facts", []) or []:
                    if fname not in fact_by_name: err(sw, f"unknown fact {fname!r}")
                sig = s.get("signals", [])
                if sig is not None and not (isinstance(sig, list) and all(isinstance(g, list) and g and all(nonempty_str(x) for x in g) for g in sig)):
                    err(sw, "signals must be a list of non-empty lists of phrases")
    for it in intent_ids - covered:
        err("articles", f"intent {it!r} is answered by no article")
    if not (18 <= len(ids) <= 22): err("articles", f"{len(ids)} articles; the brief asks for 18-22")
    return ids

def check_lookups(root, m, lookups_seen):
    name = m.get("lookups")
    if not name: return
    path = os.path.join(root, name)
    try: lk = json.load(open(path, encoding="utf-8"))
    except Exception as e: err(name, f"missing or not JSON: {e}"); return
    if set(lk) - {"accounts", "orders"}: err(name, f"unknown keys {sorted(set(lk) - {'accounts', 'orders'})}")
    for kind, lookup in (("accounts", "account"), ("orders", "order")):
        table = lk.get(kind, {})
        if not isinstance(table, dict): err(name, f"{kind} must be an object"); continue
        fact = lookups_seen.get(lookup)
        if table and not fact: err(name, f"{kind} given but no fact has lookup {lookup!r}")
        for key, rec in table.items():
            if fact and not safe_match(fact.get("pattern", ""), key): err(name, f"{kind} key {key!r} does not match {fact['name']} pattern")
            if not (isinstance(rec, dict) and isinstance(rec.get("found"), bool) and nonempty_str(rec.get("summary")) and set(rec) <= {"found", "summary"}):
                err(name, f"{kind}[{key}] must be {{found: bool, summary: text}}")

def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "pack-harborview-cu")
    res = check_manifest(root)
    if res:
        m, fact_by_name, intent_ids, cat_values, lookups_seen, folder = res
        arts = check_articles(root, folder, fact_by_name, intent_ids)
        check_lookups(root, m, lookups_seen)
        lic = os.path.join(root, "LICENSE")
        if not os.path.exists(lic): err("LICENSE", "missing")
        elif "CC0" not in open(lic, encoding="utf-8").read(): err("LICENSE", "does not say CC0")
        print(f"pack {m.get('id')} {m.get('version')}: {len(m.get('facts', []))} facts, {len(m.get('intents', []))} intents, "
              f"{len(arts)} articles, {len(m.get('handBack', {}).get('tasks', []))} hand-back tasks "
              f"({sum(1 for t in m['handBack']['tasks'] if t['routine'])} routine), "
              f"{len(m.get('handBack', {}).get('sensitiveTopics', []))} sensitive topics")
    for line in errors + warnings: print(line)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
