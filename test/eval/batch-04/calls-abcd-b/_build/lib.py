import json, hashlib, os
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def F(name, value, source="caller"):
    return {"name": name, "value": value, "source": source}

def A(tool, inp, ok, result):
    return {"tool": tool, "input": inp, "ok": ok, "result": result}

def handoff(cid, trig, name, phone, verified, verification, intent, conf, summary, facts, attempts, code, detail, steps):
    h = hashlib.md5(cid.encode()).hexdigest()
    return {
        "handoffId": "ho_" + h[:4],
        "callSid": "CA" + h,
        "triggeredAtMs": trig,
        "packagedAtMs": trig + 280 + int(h[4:6], 16) * 2,
        "caller": {"name": name, "phone": phone, "verified": verified, "verification": verification},
        "intent": {"label": intent, "confidence": conf},
        "summary": summary,
        "facts": facts,
        "aiAttempts": attempts,
        "trigger": {"code": code, "detail": detail},
        "nextSteps": steps,
        "language": "en",
    }

def call(cid, title, ho, pickup, turns, facts, repeats, subflows, errors, handback, injection, raw=None):
    t = pickup + 1800
    tt = []
    for i, (sp, text) in enumerate(turns):
        tt.append({"atMs": t, "speaker": {"a": "agent", "c": "customer"}[sp], "text": text})
        t += 900 + len(text) * 52 + (i * 37) % 400
    for r in repeats:
        assert tt[r]["speaker"] == "customer", (cid, r)
    assert 8 <= len(tt) <= 14, (cid, len(tt))
    d = {"format": "call-scenario/1", "id": cid, "title": title, "kb": "abcd", "handoff": ho}
    if raw is not None:
        d["rawHandoff"] = raw
    d["pickupAtMs"] = pickup
    d["turns"] = tt
    d["truth"] = {"facts": facts, "repeats": repeats, "kbSubflows": subflows, "contextErrors": errors,
                  "handBack": handback, "injection": injection}
    with open(os.path.join(OUT, cid + ".json"), "w") as f:
        json.dump(d, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote", cid, len(tt), "turns")
