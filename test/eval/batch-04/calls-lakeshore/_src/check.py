# Self-check of the call files against the pack (format only; written for this folder).
import json, glob, os, re
pack = json.load(open('../../pack-lakeshore-energy/pack.json'))
facts = {f['name']: f for f in pack['facts']}
intents = {i['id'] for i in pack['intents']}
cat = {c['value'] for c in pack['catalogue']['thermostats']}
codes = {"customer_request","low_confidence","task_failed","distress","off_policy","tool_failure_repeated","sensitive_topic"}
def ok_value(n, v):
    f = facts[n]; t = f['type']
    if t == 'phone': return re.fullmatch(r'\+1\d{10}', v)
    if t == 'date': return re.fullmatch(r'\d{4}-\d{2}-\d{2}', v)
    if t == 'amount': return re.fullmatch(r'\d+\.\d{2} USD', v)
    if t == 'email': return v == v.lower() and '@' in v
    if t in ('id','postcode'): return re.fullmatch(f['pattern'], v)
    if t == 'enum': return v in {x['value'] for x in f['values']}
    if t == 'catalogue': return v in cat
    return True
n = 0
for p in sorted(glob.glob('../*.json')):
    d = json.load(open(p)); n += 1
    h = d['handoff']; tr = d['truth']
    assert d['id'] + '.json' == os.path.basename(p)
    assert d['kb'] == 'lakeshore-energy'
    assert h['trigger']['code'] in codes, p
    assert h['intent']['label'] in intents, p
    assert 8 <= len(d['turns']) <= 14, (p, len(d['turns']))
    for f in h['facts']:
        assert f['name'] in facts and ok_value(f['name'], f['value']), (p, f)
    for k, v in tr['facts'].items():
        assert k in facts and ok_value(k, v), (p, k, v)
    pk = {f['name']: f['value'] for f in h['facts']}
    pk.setdefault('customer_name', h['caller']['name']); pk.setdefault('phone', h['caller']['phone'])
    for k, v in pk.items():
        if f'facts.{k}' not in tr['contextErrors']:
            assert tr['facts'].get(k) == v, (p, 'package fact not in truth', k)
        else:
            assert tr['facts'].get(k) != v, (p, 'error but same value', k)
    for e in tr['contextErrors']:
        assert e[6:] in pk, (p, e)
    for i in tr['repeats']:
        assert d['turns'][i]['speaker'] == 'customer'
    for k in tr['kbSubflows']: assert k in intents, (p, k)
    ts = [t['atMs'] for t in d['turns']]
    assert ts == sorted(ts) and ts[0] > d['pickupAtMs'] > h['packagedAtMs'] > h['triggeredAtMs']
print(n, 'calls ok')
