"""Computes the impact report's expected figures for impact-fixture.csv outside the app (numpy + scipy).

Scale "Confidence": items c1, c2 and c3 on 1-5, c3 reverse-scored (6 - value). A person's score is the mean of their
scored items; the "then" score the same over the retrospective items. Baseline and final are paired by pseudonym.
Run with: /usr/bin/python3 expected.py (prints the literals that ImpactFixtureTests checks to 1e-6).
"""
import csv, math, os
import numpy as np
from scipy import stats
from scipy.optimize import brentq

rows = list(csv.DictReader(open(os.path.join(os.path.dirname(__file__), "impact-fixture.csv"))))

def score(r, prefix):
    vals = [r[f"{prefix}_c1"], r[f"{prefix}_c2"], r[f"{prefix}_c3"]]
    if any(v == "" for v in vals):
        return None
    c1, c2, c3 = (int(v) for v in vals)
    return (c1 + c2 + (6 - c3)) / 3

def paired(diffs):
    d = np.array(diffs, dtype=float)
    n = len(d); mean = d.mean(); sd = d.std(ddof=1)
    t = stats.t.ppf(0.975, n - 1)
    half = t * sd / math.sqrt(n)
    dz = mean / sd
    # d_z interval: invert the noncentral t CDF of t = d_z * sqrt(n) over its noncentrality.
    tobs = dz * math.sqrt(n)
    lo = brentq(lambda l: stats.nct.cdf(tobs, n - 1, l) - 0.975, -50, 50)
    hi = brentq(lambda l: stats.nct.cdf(tobs, n - 1, l) - 0.025, -50, 50)
    return n, mean, mean - half, mean + half, dz, lo / math.sqrt(n), hi / math.sqrt(n)

pairs = [(score(r, "b"), score(r, "f"), score(r, "t")) for r in rows]
both = [(b, f, t) for b, f, t in pairs if b is not None and f is not None]
change = paired([f - b for b, f, _ in both])
with_then = [(b, f, t) for b, f, t in both if t is not None]
perceived = paired([f - t for b, f, t in with_then])
shift = paired([t - b for b, f, t in with_then])
recs = [int(r["recommend"]) for r in rows if r["recommend"] != ""]
nps = 100 * (sum(1 for v in recs if v >= 9) - sum(1 for v in recs if v <= 6)) / len(recs)
finals = [f for b, f, t in pairs if f is not None]

for name, v in [("change", change), ("perceived", perceived), ("shift", shift)]:
    print(name, "n=%d mean=%.12f low=%.12f high=%.12f dz=%.12f dzlow=%.12f dzhigh=%.12f" % v)
print("nps n=%d score=%.12f" % (len(recs), nps))
print("final scale mean n=%d mean=%.12f" % (len(finals), sum(finals) / len(finals)))
