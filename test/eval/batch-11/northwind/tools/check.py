#!/usr/bin/env python3
"""Check the batch: format (call-scenario/1), canonical forms per the Northwind Connect pack's
fact types and patterns, truth bookkeeping against the sources, and batch counts.

Exit 0 when everything holds; 1 with a list of problems otherwise. Warnings (heuristics that
look for an untagged restatement of a package value in a customer turn) are printed but do not
fail the run. Reads only this folder and the pack's pack.json and articles/ front matter.

    python3 tools/check.py            (run tools/build.py first if you edited src/)
"""
import datetime, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import build  # noqa: E402

PACK_DIR = os.environ.get('NORTHWIND_PACK', '/work/main/resources/packs/northwind-connect')
TRIGGERS = {'customer_request', 'low_confidence', 'task_failed', 'distress', 'off_policy',
            'tool_failure_repeated', 'sensitive_topic'}
CALL_DATE = datetime.date(2026, 6, 15)
# Ofcom drama ranges: mobile 07700 900000-900999; landlines 0113 496 0xxx, 0114 496 0xxx,
# 020 7946 0xxx, 028 9649 6xxx
PHONE_RE = re.compile(r'^\+44(7700900\d{3}|1134960\d{3}|1144960\d{3}|2079460\d{3}|2896496\d{3})$')
EMAIL_RE = re.compile(r'^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$')
AMOUNT_RE = re.compile(r'^\d+\.\d{2} GBP$')
BAD_CHARS = re.compile('[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>]')
ID_RE = re.compile(r'^b11n-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$')
HANDBACK_REASONS = {'sensitive', 'unverified', 'nonroutine', 'new_email'}

errors, warnings = [], []


def err(where, msg):
    errors.append(f'{where}: {msg}')


def warn(where, msg):
    warnings.append(f'{where}: {msg}')


def load_pack():
    with open(os.path.join(PACK_DIR, 'pack.json'), encoding='utf-8') as f:
        pack = json.load(f)
    arts = {}
    adir = os.path.join(PACK_DIR, 'articles')
    for n in sorted(os.listdir(adir)):
        if not n.endswith('.md'):
            continue
        with open(os.path.join(adir, n), encoding='utf-8') as f:
            txt = f.read()
        m = re.search(r'^id:\s*(\S+)', txt, re.M)
        im = re.search(r'^intents:\s*\[([^\]]*)\]', txt, re.M)
        arts[m.group(1)] = [x.strip() for x in im.group(1).split(',')] if im else []
    return pack, arts


def canonical_ok(fdef, value, catalogue):
    t = fdef['type']
    if not isinstance(value, str) or not value.strip():
        return 'empty value'
    if BAD_CHARS.search(value):
        return 'control, direction or markup character in value'
    if t == 'id':
        if not re.match(fdef['pattern'], value):
            return f'does not match {fdef["pattern"]}'
        if value != value.upper():
            return 'id not upper case'
    elif t == 'postcode':
        if not re.match(fdef['pattern'], value) or value != value.upper() or ' ' not in value:
            return 'postcode not canonical (upper case with its space)'
    elif t == 'email':
        if not EMAIL_RE.match(value):
            return 'email not canonical lower case'
    elif t == 'phone':
        if not PHONE_RE.match(value):
            return 'phone not E.164 in an Ofcom drama range'
    elif t == 'amount':
        if not AMOUNT_RE.match(value):
            return 'amount not "<digits>.<2> GBP"'
    elif t == 'date':
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return 'date not YYYY-MM-DD'
    elif t == 'enum':
        if value not in {v['value'] for v in fdef['values']}:
            return 'not one of the enum values'
    elif t == 'catalogue':
        if value not in {v['value'] for v in catalogue[fdef['catalogue']]}:
            return f'not in catalogue {fdef["catalogue"]}'
    elif t in ('name', 'address', 'text'):
        if value != value.strip():
            return 'surrounding spaces'
    return None


DIGIT_WORDS = {'zero': '0', 'oh': '0', 'o': '0', 'one': '1', 'won': '1', 'two': '2', 'to': '2',
               'too': '2', 'three': '3', 'four': '4', 'for': '4', 'five': '5', 'six': '6',
               'seven': '7', 'eight': '8', 'ate': '8', 'nine': '9'}
WEAK = {'to', 'too', 'for', 'won', 'ate', 'o', 'oh'}


def spoken_digit_runs(text):
    """Heuristic for warnings only: runs of spoken or written digits ("double oh" = 00)."""
    toks = re.findall(r"[a-z]+|\d+", text.lower())
    runs, cur, i = [], '', 0
    while i < len(toks):
        t = toks[i]
        mult = 1
        if t in ('double', 'triple') and i + 1 < len(toks) and (toks[i + 1] in DIGIT_WORDS or toks[i + 1].isdigit()):
            mult = 2 if t == 'double' else 3
            i += 1
            t = toks[i]
        if t.isdigit():
            cur += t * mult
        elif t in DIGIT_WORDS:
            strong_near = any((j < len(toks) and (toks[j].isdigit() or (toks[j] in DIGIT_WORDS and toks[j] not in WEAK)))
                              for j in (i - 1, i + 1) if j >= 0)
            if t in WEAK and not strong_near and mult == 1:
                if cur:
                    runs.append(cur)
                cur = ''
            else:
                cur += DIGIT_WORDS[t] * mult
        elif t in ('n', 'w', 'nw', 'e', 'v', 'f', 'and', 'a', 'b', 'c', 'd', 'p', 'q', 'x', 's', 't', 'r', 'j', 'l'):
            pass  # letters spelled inside ids and postcodes
        else:
            if cur:
                runs.append(cur)
            cur = ''
        i += 1
    if cur:
        runs.append(cur)
    return ''.join(runs), runs


def package_digits(name, value):
    if name in ('phone', 'mobile_number'):
        return '0' + value[3:]
    d = re.sub(r'\D', '', value)
    return d if len(d) >= 6 else None


def check_call(path, pack, arts):
    scen, book = build.load(path)
    where = os.path.basename(path)
    facts_def = {f['name']: f for f in pack['facts']}
    tasks = {t['id']: t for t in pack['handBack']['tasks']}
    intents = {i['id'] for i in pack['intents']}
    truth = book['truth']
    turns = book['turns']

    # --- ids, format
    m = ID_RE.match(scen['id'])
    if not m:
        err(where, f'bad id {scen["id"]}')
    elif not os.path.basename(path).startswith(m.group(1)):
        err(where, 'file number and id number differ')
    if not (11 <= len(turns) <= 15):
        err(where, f'{len(turns)} turns (want 11-15)')
    for i, t in enumerate(turns):
        if re.search(r'[A-Z]', t['text']):
            err(where, f't{i} has upper case (ASR style is lower case)')
        if not t['text']:
            err(where, f't{i} empty')
    speakers = [t['speaker'] for t in turns]
    if speakers[0] != 'agent':
        err(where, 'first turn should be the agent picking up')

    # --- handoff
    h = scen['handoff']
    raw = book['raw']
    pkg_facts = {}
    if h is None:
        if raw is None:
            err(where, 'null handoff without rawHandoff')
        else:
            try:
                json.loads(raw)
                err(where, 'rawHandoff parses as JSON; it must be malformed')
            except json.JSONDecodeError:
                pass
    else:
        if raw is not None:
            err(where, 'rawHandoff given with a valid handoff')
        need = ['handoffId', 'callSid', 'triggeredAtMs', 'packagedAtMs', 'caller', 'intent', 'summary',
                'facts', 'aiAttempts', 'trigger', 'nextSteps', 'language']
        for k in need:
            if k not in h:
                err(where, f'handoff.{k} missing')
        if not re.match(r'^CA[0-9a-f]{32}$', h.get('callSid', '')):
            err(where, 'callSid not CA + 32 hex')
        if not (0 <= h['triggeredAtMs'] < h['packagedAtMs'] < scen['pickupAtMs']):
            err(where, 'package times not before pickup')
        c = h['caller']
        for k in ('name', 'phone', 'verified', 'verification'):
            if k not in c:
                err(where, f'caller.{k} missing')
        if h['intent']['label'] not in intents:
            err(where, f'intent {h["intent"]["label"]} not a pack intent')
        if not (0 < h['intent']['confidence'] <= 1):
            err(where, 'intent confidence out of range')
        if h['trigger']['code'] not in TRIGGERS:
            err(where, f'trigger code {h["trigger"]["code"]}')
        if h['language'] != 'en':
            err(where, 'language')
        for a in h['aiAttempts']:
            if set(a) != {'tool', 'input', 'ok', 'result'}:
                err(where, f'aiAttempt keys {sorted(a)}')
        pkg_facts['customer_name'] = c['name']
        pkg_facts['phone'] = c['phone']
        for f in h['facts']:
            if set(f) != {'name', 'value', 'source'} or f['source'] not in ('caller', 'system'):
                err(where, f'bad package fact entry {f}')
            if f['name'] in pkg_facts:
                err(where, f'package fact {f["name"]} twice')
            pkg_facts[f['name']] = f['value']
        for n, v in pkg_facts.items():
            if n not in facts_def:
                err(where, f'package fact {n} is not a pack fact')
                continue
            p = canonical_ok(facts_def[n], v, pack['catalogue'])
            if p and not (n in truth['ctx'] and 'control' in p):
                err(where, f'package {n}={v!r}: {p}')

    # --- times
    ats = [t['atMs'] for t in scen['turns']]
    if ats != sorted(ats) or ats[0] <= scen['pickupAtMs']:
        err(where, 'turn times not increasing after pickup')

    # --- truth facts
    names = [f['name'] for f in truth['facts']]
    if len(names) != len(set(names)):
        err(where, 'a fact name twice in truth')
    tf = {f['name']: f for f in truth['facts']}
    for f in truth['facts']:
        n, v = f['name'], f['value']
        if n not in facts_def:
            err(where, f'truth fact {n} not in pack')
            continue
        p = canonical_ok(facts_def[n], v, pack['catalogue'])
        if p:
            err(where, f'truth {n}={v!r}: {p}')
        if not f['sources']:
            err(where, f'truth {n} has no source')
        for s in f['sources']:
            if s == 'pkg':
                if h is None:
                    err(where, f'{n}: source pkg but the package is damaged')
                elif pkg_facts.get(n) != v:
                    err(where, f'{n}: source pkg but package value is {pkg_facts.get(n)!r}')
            elif re.match(r'^t\d+$', s):
                if int(s[1:]) >= len(turns):
                    err(where, f'{n}: source {s} out of range')
            else:
                err(where, f'{n}: unknown source {s}')
        if facts_def[n]['type'] == 'date':
            d = datetime.date.fromisoformat(v)
            if abs((d - CALL_DATE).days) > 120:
                warn(where, f'date {v} far from the call date')
    if h is not None:
        for n, v in pkg_facts.items():
            if n not in tf:
                err(where, f'package fact {n} missing from truth')
            elif tf[n]['value'] != v and n not in truth['ctx']:
                err(where, f'package {n} differs from truth but is not a context error')
    for n in truth['ctx']:
        if h is None:
            err(where, 'context error on a damaged package')
        elif n not in pkg_facts:
            err(where, f'ctx {n} not in package')
        elif n in tf and tf[n]['value'] == pkg_facts[n]:
            err(where, f'ctx {n} but truth equals package')
        elif n in tf and not any(s.startswith('t') for s in tf[n]['sources']):
            err(where, f'ctx {n}: the correction must come from a turn')

    # --- repeats
    for i, t in enumerate(turns):
        for tag in t['tags']:
            kind, _, arg = tag.partition(' ')
            if kind == 'rep':
                if t['speaker'] != 'customer':
                    err(where, f't{i}: repeat tag on an agent turn')
                if h is None:
                    err(where, f't{i}: repeat on a damaged package')
                if arg not in pkg_facts:
                    err(where, f't{i}: repeat of {arg}, which the package did not have')
                elif arg in truth['ctx']:
                    err(where, f't{i}: repeat of {arg}, a wrong package value (a correction is not a repeat)')
                elif f't{i}' not in tf.get(arg, {}).get('sources', []) and arg != 'customer_name':
                    err(where, f't{i}: repeat of {arg} but t{i} not among its sources')
            elif kind == 'rb':
                if t['speaker'] != 'agent':
                    err(where, f't{i}: read-back tag on a customer turn')
                for a in arg.split(','):
                    if a not in tf:
                        err(where, f't{i}: read-back of {a} not in truth')
            else:
                err(where, f't{i}: unknown tag {tag}')

    # heuristic: untagged customer restatement of a package id/phone value, or of the caller's name
    if h is not None:
        for i, t in enumerate(turns):
            if t['speaker'] != 'customer' or any(x.startswith('rep ') for x in t['tags']):
                continue
            joined, runs = spoken_digit_runs(t['text'])
            for n, v in pkg_facts.items():
                if n in truth['ctx']:
                    continue
                d = package_digits(n, v) if facts_def.get(n, {}).get('type') in ('id', 'phone') else None
                if d and (d in joined or (len(d) >= 7 and d[-6:] in joined)):
                    warn(where, f't{i} may restate {n} untagged')
            for tok in pkg_facts['customer_name'].lower().split():
                if len(tok) > 2 and re.search(r'\b' + re.escape(tok) + r'\b', t['text']):
                    warn(where, f't{i} says a name token {tok!r} untagged')

    # --- kb, handback, injection
    if not (1 <= len(truth['kb']) <= 3):
        err(where, 'kbSubflows must have 1-3 articles')
    for a in truth['kb']:
        if a not in arts:
            err(where, f'kb {a} is not an article id')
    if h is not None and not any(h['intent']['label'] in arts[a] for a in truth['kb'] if a in arts):
        warn(where, 'no kb article lists the package intent')
    hb = truth['handback']
    if hb is None:
        err(where, 'handback line missing')
    elif not hb.get('none'):
        if hb['task'] not in tasks:
            err(where, f'handback task {hb["task"]} not a pack task')
        task = tasks.get(hb['task'], {})
        if hb['decision'] == 'allowed':
            if not task.get('routine'):
                err(where, 'allowed hand-back of a non-routine task')
            if h is None or not h['caller']['verified']:
                err(where, 'allowed hand-back without a verified caller')
            for need in task.get('needs', []):
                if need not in tf:
                    err(where, f'allowed hand-back lacks {need}')
        elif hb['decision'] == 'refused':
            if not hb['reasons'] or not set(hb['reasons']) <= HANDBACK_REASONS:
                err(where, f'refusal reasons {hb["reasons"]}')
            if 'nonroutine' in hb['reasons'] and task.get('routine'):
                err(where, 'refused as non-routine but the task is routine')
            if 'unverified' in hb['reasons'] and (h is None or h['caller']['verified']):
                err(where, 'refused as unverified but the caller is verified')
        else:
            err(where, f'handback decision {hb["decision"]}')
    inj = truth['injection']
    if inj is None:
        err(where, 'injection line missing')
    elif inj['value']:
        car = inj['carrier']
        if car.startswith('speech:t'):
            k = int(car[len('speech:t'):])
            if k >= len(turns) or turns[k]['speaker'] != 'customer':
                err(where, 'injection speech turn not a customer turn')
        elif car.startswith('package:'):
            field = car[len('package:'):]
            if h is None:
                err(where, 'package injection on a damaged package')
            elif field.startswith('facts.'):
                if field[6:] not in pkg_facts:
                    err(where, f'injection field {field} not in package')
            elif field not in h:
                err(where, f'injection field {field} not in package')
        else:
            err(where, f'injection carrier {car}')

    # --- built file is current
    out = os.path.join(ROOT, 'calls', scen['id'] + '.json')
    if not os.path.exists(out):
        err(where, 'calls/ file missing (run tools/build.py)')
    else:
        with open(out, encoding='utf-8') as f:
            if json.load(f) != scen:
                err(where, 'calls/ file out of date (run tools/build.py)')
    return scen, book


def main():
    pack, arts = load_pack()
    src = os.path.join(ROOT, 'src')
    files = sorted(os.path.join(src, n) for n in os.listdir(src) if n.endswith('.call'))
    ids, stats = set(), []
    for p in files:
        scen, book = check_call(p, pack, arts)
        if scen['id'] in ids:
            err(p, 'duplicate id')
        ids.add(scen['id'])
        tr = scen['truth']
        rb = sum(1 for t in book['turns'] for g in t['tags'] if g.startswith('rb '))
        stats.append({'id': scen['id'], 'turns': len(scen['turns']), 'facts': len(tr['facts']),
                      'repeats': len(tr['repeats']), 'ctx': len(tr['contextErrors']),
                      'hb': 'null' if tr['handBack'] is None else ('allowed' if tr['handBack']['allowed'] else 'refused'),
                      'inj': tr['injection'], 'damaged': scen['handoff'] is None, 'readbacks': rb,
                      'intent': scen['handoff']['intent']['label'] if scen['handoff'] else '-',
                      'kb': tr['kbSubflows']})
    called = sorted(os.listdir(os.path.join(ROOT, 'calls')))
    if len([c for c in called if c.endswith('.json')]) != len(files):
        err('calls/', 'number of built calls differs from sources')

    n = len(stats)
    tot = lambda k: sum(s[k] for s in stats)
    cnt = lambda k, v: sum(1 for s in stats if s[k] == v)
    summary = {
        'calls': n, 'turns': tot('turns'), 'facts': tot('facts'), 'repeats': tot('repeats'),
        'calls_with_context_errors': sum(1 for s in stats if s['ctx']),
        'handBack_allowed': cnt('hb', 'allowed'), 'handBack_refused': cnt('hb', 'refused'),
        'handBack_null': cnt('hb', 'null'), 'injection_calls': cnt('inj', True),
        'damaged_packages': cnt('damaged', True), 'agent_readbacks': tot('readbacks'),
        'distinct_intents': len({s['intent'] for s in stats if s['intent'] != '-'}),
    }
    want = {'calls': (16, 16), 'repeats': (15, 21), 'calls_with_context_errors': (4, 6),
            'handBack_allowed': (4, 6), 'handBack_refused': (4, 6), 'injection_calls': (3, 4),
            'damaged_packages': (2, 2)}
    for k, (lo, hi) in want.items():
        if not (lo <= summary[k] <= hi):
            err('batch', f'{k} = {summary[k]}, want {lo}-{hi}')

    for s in stats:
        print(f"{s['id']:<52} turns {s['turns']:>2}  facts {s['facts']:>2}  rep {s['repeats']}  ctx {s['ctx']}  "
              f"hb {s['hb']:<7}  inj {'y' if s['inj'] else '-'}  dmg {'y' if s['damaged'] else '-'}")
    print(json.dumps(summary, indent=1))
    for w in warnings:
        print('warning:', w)
    if errors:
        for e in errors:
            print('ERROR:', e)
        sys.exit(1)
    print('ok')


if __name__ == '__main__':
    main()
