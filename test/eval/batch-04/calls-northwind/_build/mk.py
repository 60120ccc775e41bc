# Helper: turns hand-written in the call files get call-clock times; repeats are flagged per turn ("R").
import json, random, hashlib, os
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def sid(seed):
    return "CA" + hashlib.md5(seed.encode()).hexdigest()

def pkg(cid, caller, intent, conf, summary, facts, attempts, trig, detail, steps, trig_at):
    f = [{"name": n, "value": v, "source": s} for (n, v, s) in facts]
    return {
        "handoffId": "ho_" + hashlib.md5(cid.encode()).hexdigest()[:4],
        "callSid": sid(cid),
        "triggeredAtMs": trig_at,
        "packagedAtMs": trig_at + 120 + (len(cid) * 17) % 300,
        "caller": caller,
        "intent": {"label": intent, "confidence": conf},
        "summary": summary,
        "facts": f,
        "aiAttempts": [{"tool": t, "input": i, "ok": ok, "result": r} for (t, i, ok, r) in attempts],
        "trigger": {"code": trig, "detail": detail},
        "nextSteps": steps,
        "language": "en",
    }

def call(cid, title, handoff, pickup, turns, facts, kb, errors, handback, injection, raw=None):
    rnd = random.Random(cid)
    t = pickup + rnd.randint(700, 1900)
    out_turns, repeats = [], []
    for i, tr in enumerate(turns):
        spk, text = tr[0], tr[1]
        flag = tr[2] if len(tr) > 2 else ""
        assert spk in ("agent", "customer")
        if "R" in flag:
            assert spk == "customer"
            repeats.append(i)
        out_turns.append({"atMs": t, "speaker": spk, "text": text})
        words = len(text.split())
        t += int(words * rnd.randint(290, 380) + 350) + rnd.randint(450, 1700)
    d = {"format": "call-scenario/1", "id": cid, "title": title, "kb": "northwind-connect", "handoff": handoff}
    if raw is not None:
        d["rawHandoff"] = raw
    d["pickupAtMs"] = pickup
    d["turns"] = out_turns
    d["truth"] = {"facts": facts, "repeats": repeats, "kbSubflows": kb, "contextErrors": errors,
                  "handBack": handback, "injection": injection}
    n = len(out_turns)
    assert 8 <= n <= 14, (cid, n)
    with open(os.path.join(OUT, cid + ".json"), "w") as fh:
        json.dump(d, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    print(cid, n, "turns, repeats", repeats)
