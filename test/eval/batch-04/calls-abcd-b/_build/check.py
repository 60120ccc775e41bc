import json, glob, re, os
onto = json.load(open('/work/shared/data/abcd/ontology.json'))
subs = {s for v in onto['intents']['subflows'].values() for s in v}
pack = json.load(open('/work/main/resources/packs/abcd-store/pack.json'))
prods = {p['value'] for p in pack['catalogue']['products']}
pat = {f['name']: f.get('pattern') for f in pack['facts']}
names = set(pat)
codes = {"customer_request","low_confidence","task_failed","distress","off_policy","tool_failure_repeated","sensitive_topic"}
ids=set(); hos=set()
for fn in sorted(glob.glob('*.json')):
    d = json.load(open(fn)); cid = d['id']; T = d['truth']
    assert fn == cid + '.json'; assert cid not in ids; ids.add(cid)
    assert d['format']=='call-scenario/1' and d['kb']=='abcd'
    for k, v in T['facts'].items():
        assert k in names, (cid, k)
        if pat.get(k): assert re.match(pat[k], v), (cid, k, v)
        if k=='phone': assert re.match(r'^\+1\d{10}$', v), (cid, v)
        if k=='date': assert re.match(r'^2026-\d\d-\d\d$', v), (cid, v)
        if k=='amount': assert re.match(r'^\d+\.\d\d USD$', v), (cid, v)
        if k=='email': assert v==v.lower() and '@' in v
        if k=='product': assert v in prods, (cid, v)
        if k=='membership_level': assert v in {'guest','bronze','silver','gold'}
        if k=='payment_method': assert v in {'credit card','debit card','paypal'}
    for s in T['kbSubflows']: assert s in subs, (cid, s)
    turns = d['turns']
    assert all(turns[i]['atMs'] < turns[i+1]['atMs'] for i in range(len(turns)-1))
    assert turns[0]['atMs'] > d['pickupAtMs']
    for r in T['repeats']: assert turns[r]['speaker']=='customer'
    h = d['handoff']
    if h is None:
        assert 'rawHandoff' in d and T['repeats']==[] and T['contextErrors']==[]
        try: json.loads(d['rawHandoff']); raise SystemExit('raw parses '+cid)
        except json.JSONDecodeError: pass
    else:
        assert h['handoffId'] not in hos; hos.add(h['handoffId'])
        assert h['trigger']['code'] in codes
        assert h['packagedAtMs'] > h['triggeredAtMs'] and d['pickupAtMs'] > h['packagedAtMs']
        pk = {f['name']: f['value'] for f in h['facts']}
        pk.setdefault('customer_name', h['caller']['name']); assert pk['customer_name']==h['caller']['name']
        pk['phone'] = h['caller']['phone']
        errs = {e.split('.',1)[1] for e in T['contextErrors']}
        for k, v in pk.items():
            assert k in T['facts'], (cid, 'package fact missing from truth', k)
            if k in errs: assert T['facts'][k] != v, (cid, k)
            else: assert T['facts'][k] == v, (cid, k, v, T['facts'][k])
        assert all(e in pk for e in errs)
    hb = T['handBack']
    print(f"{cid:45s} turns={len(turns):2d} rep={T['repeats']} err={T['contextErrors']} hb={(hb['task'],hb['allowed']) if hb else None} inj={T['injection']} sub={T['kbSubflows']}")
print(len(ids), 'ok')
