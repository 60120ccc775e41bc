# Helper used to write the call files by hand: it only computes timings and the JSON layout.
import json, os, hashlib
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def call(id, title, caller, intent, conf, summary, facts, attempts, trig, detail, steps,
         turns, truth, lang="en", trig_at=120000, pickup_wait=14000):
    h = hashlib.sha1(id.encode()).hexdigest()
    handoff = {
        "handoffId": "ho_" + h[:4],
        "callSid": "CA" + h[:32],
        "triggeredAtMs": trig_at,
        "packagedAtMs": trig_at + 380 + int(h[4:6], 16),
        "caller": caller,
        "intent": {"label": intent, "confidence": conf},
        "summary": summary,
        "facts": [{"name": n, "value": v, "source": s} for (n, v, s) in facts],
        "aiAttempts": attempts,
        "trigger": {"code": trig, "detail": detail},
        "nextSteps": steps,
        "language": lang,
    }
    pickup = trig_at + pickup_wait + int(h[6:8], 16) * 20
    t = pickup + 1300
    out = []
    for spk, text in turns:
        out.append({"atMs": t, "speaker": {"A": "agent", "C": "customer"}[spk], "text": text})
        t += 900 + 52 * len(text) + (int(h[len(out) % 30:len(out) % 30 + 2], 16) * 4)
    for i in truth.get("repeats", []):
        assert out[i]["speaker"] == "customer", (id, i)
    doc = {"format": "call-scenario/1", "id": id, "title": title, "kb": "lakeshore-energy",
           "handoff": handoff, "pickupAtMs": pickup, "turns": out,
           "truth": {"facts": truth["facts"], "repeats": truth.get("repeats", []),
                     "kbSubflows": truth["kb"], "contextErrors": truth.get("errors", []),
                     "handBack": truth.get("handBack"), "injection": truth.get("injection", False)}}
    with open(os.path.join(OUT, id + ".json"), "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(id, len(out), "turns")

def att(tool, inp, ok, result):
    return {"tool": tool, "input": inp, "ok": ok, "result": result}
