import json, glob, re, os
P = json.load(open('/work/main/resources/packs/northwind-connect/pack.json'))
facts = {f['name']: f for f in P['facts']}
arts = {os.path.basename(p)[:-3] for p in glob.glob('/work/main/resources/packs/northwind-connect/articles/*.md')}
intents = {i['id'] for i in P['intents']}
tasks = {t['id']: t for t in P['handBack']['tasks']}
cat = {k: {v['value'] for v in vs} for k, vs in P['catalogue'].items()}
def ok_val(n, v):
    f = facts[n]; t = f['type']
    if t in ('id', 'postcode'): return re.match(f['pattern'], v) is not None
    if t == 'phone': return re.match(r'^\+44\d{9,10}$', v) is not None
    if t == 'amount': return re.match(r'^\d+\.\d\d GBP$', v) is not None
    if t == 'date': return re.match(r'^\d{4}-\d\d-\d\d$', v) is not None
    if t == 'email': return v == v.lower() and '@' in v
    if t == 'enum': return v in {x['value'] for x in f['values']}
    if t == 'catalogue': return v in cat[f['catalogue']]
    return True
ids = set()
for fn in sorted(glob.glob('*.json')):
    d = json.load(open(fn)); tr = d['truth']; h = d['handoff']
    assert d['id'] + '.json' == fn and d['id'] not in ids; ids.add(d['id'])
    for n, v in tr['facts'].items():
        assert n in facts, (fn, n); assert ok_val(n, v), (fn, n, v)
    for r in tr['repeats']: assert d['turns'][r]['speaker'] == 'customer'
    for k in tr['kbSubflows']: assert k in arts, (fn, k)
    hb = tr['handBack']
    if hb: assert hb['task'] in tasks, (fn, hb)
    ts = [t['atMs'] for t in d['turns']]; assert ts == sorted(ts) and ts[0] > d['pickupAtMs']
    if h is None:
        assert 'rawHandoff' in d and not tr['repeats'] and not tr['contextErrors']
        try: json.loads(d['rawHandoff']); raise SystemExit('raw parses ' + fn)
        except json.JSONDecodeError: pass
        print(f"{fn}: NO PACKAGE facts={len(tr['facts'])} hb={hb}"); continue
    assert h['intent']['label'] in intents, fn
    pf = {f['name']: f['value'] for f in h['facts']}
    pf.setdefault('customer_name', h['caller']['name']); pf.setdefault('phone', h['caller']['phone'])
    assert pf['customer_name'] == h['caller']['name']
    for n, v in pf.items():
        assert n in facts and ok_val(n, v), (fn, n, v)
        assert n in tr['facts'], (fn, 'package fact missing in truth', n)
        wrong = tr['facts'][n] != v and n != 'phone'
        assert wrong == (f'facts.{n}' in tr['contextErrors']), (fn, n, v, tr['facts'][n])
    assert ts[-1] < h['triggeredAtMs'] + 10**6
    assert h['triggeredAtMs'] < h['packagedAtMs'] < d['pickupAtMs']
    print(f"{fn}: {len(d['turns'])}t facts={len(tr['facts'])} rep={tr['repeats']} err={tr['contextErrors']} hb={hb and (hb['task'], hb['allowed'], tasks[hb['task']]['routine'])} inj={tr['injection']}")
print(len(ids), 'calls OK')
