import json, glob, os, collections
d = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
files = sorted(glob.glob(os.path.join(d, "*.json")))
stats = collections.Counter()
for f in files:
    c = json.load(open(f))
    assert c["format"] == "call-scenario/1" and c["kb"] == "abcd"
    assert os.path.basename(f) == c["id"] + ".json"
    t = c["truth"]
    for i in t["repeats"]:
        assert c["turns"][i]["speaker"] == "customer", (f, i)
    ts = [x["atMs"] for x in c["turns"]]
    assert ts == sorted(ts) and ts[0] > c["pickupAtMs"]
    if c["handoff"] is None:
        assert "rawHandoff" in c and not t["repeats"] and not t["contextErrors"]
        stats["no_package"] += 1
    else:
        assert c["handoff"]["packagedAtMs"] < c["pickupAtMs"]
    stats["calls"] += 1
    stats["turns"] += len(c["turns"])
    stats["with_repeats"] += bool(t["repeats"])
    stats["with_errors"] += bool(t["contextErrors"])
    stats["injection"] += t["injection"]
    hb = t["handBack"]
    stats["hb_" + ("none" if hb is None else ("allowed" if hb["allowed"] else "refused"))] += 1
    print(f"{c['id']:45s} turns={len(c['turns']):2d} rep={t['repeats']} err={t['contextErrors']} hb={hb and (hb['task'], hb['allowed'])} inj={t['injection']} sub={t['kbSubflows']}")
print(dict(stats))
