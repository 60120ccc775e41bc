import json, os, hashlib, random
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALID_SUB = set()
_o = json.load(open('/work/shared/data/abcd/ontology.json'))
for f, subs in _o['intents']['subflows'].items():
    VALID_SUB.update(subs)
FACTS = {"customer_name","account_id","username","email","phone","order_id","zip_code","street_address","amount","date","membership_level","payment_method","product"}

def sid(seed):
    return "CA" + hashlib.md5(seed.encode()).hexdigest()

def pkg(cid, name, phone, verified, verification, intent, conf, summary, facts, attempts, trig, detail, steps, trigAt):
    return {
        "handoffId": "ho_" + hashlib.md5(cid.encode()).hexdigest()[:4],
        "callSid": sid(cid),
        "triggeredAtMs": trigAt,
        "packagedAtMs": trigAt + 300 + (len(cid) * 37) % 500,
        "caller": {"name": name, "phone": phone, "verified": verified, "verification": verification},
        "intent": {"label": intent, "confidence": conf},
        "summary": summary,
        "facts": [{"name": n, "value": v, "source": s} for (n, v, s) in facts],
        "aiAttempts": [{"tool": t, "input": i, "ok": ok, "result": r} for (t, i, ok, r) in attempts],
        "trigger": {"code": trig, "detail": detail},
        "nextSteps": steps,
        "language": "en",
    }

def call(cid, title, handoff, pickup, turns, facts, subflows, errors=(), handback=None, injection=False, raw=None, changed=()):
    rnd = random.Random(cid)
    t = pickup + rnd.randint(1800, 3500)
    out_turns, repeats = [], []
    for i, tr in enumerate(turns):
        sp, text = tr[0], tr[1]
        flags = tr[2] if len(tr) > 2 else ""
        assert sp in ("a", "c")
        if "R" in flags:
            assert sp == "c"; repeats.append(i)
        out_turns.append({"atMs": t, "speaker": "agent" if sp == "a" else "customer", "text": text})
        t += int(len(text) * rnd.uniform(55, 75)) + rnd.randint(600, 2200)
    n = len(turns)
    assert 8 <= n <= 14, (cid, n)
    for k in facts: assert k in FACTS, (cid, k)
    for s in subflows: assert s in VALID_SUB, (cid, s)
    for e in errors: assert e.startswith("facts.") and e[6:] in facts, (cid, e)
    if handoff is not None:
        assert handoff["triggeredAtMs"] < pickup
        # every package fact must be in truth (possibly corrected)
        pf = {f["name"] for f in handoff["facts"]} | {"customer_name", "phone"}
        for k in pf:
            assert k in facts, (cid, "package fact missing in truth", k)
        if handoff["caller"]["name"] != facts["customer_name"]:
            assert "facts.customer_name" in errors, (cid, "name mismatch")
        if handoff["caller"]["phone"] != facts["phone"]:
            assert "facts.phone" in errors, (cid, "phone mismatch")
        for f in handoff["facts"]:
            if f["value"] != facts[f["name"]] and f["name"] not in changed:
                assert "facts." + f["name"] in errors, (cid, "mismatch not labelled", f)
    d = {"format": "call-scenario/1", "id": cid, "title": title, "kb": "abcd", "handoff": handoff}
    if raw is not None:
        assert handoff is None
        d["rawHandoff"] = raw
    d["pickupAtMs"] = pickup
    d["turns"] = out_turns
    d["truth"] = {"facts": facts, "repeats": repeats, "kbSubflows": list(subflows),
                  "contextErrors": list(errors), "handBack": handback, "injection": injection}
    with open(os.path.join(OUT, cid + ".json"), "w") as fh:
        json.dump(d, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return d
