"""SciPy's linear_sum_assignment on an MBINST01 instance, timed like `solve` (file load excluded).

Capacities are expanded by repeating a mentor's column; forbidden pairs and absent sparse pairs get a
cost no optimum would pay; locked pairs are fixed first (their mentee removed, one slot of the mentor used).
Prints one JSON line.
"""
import json, struct, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment

def load(path):
    b = open(path, "rb").read()
    if b[:8] != b"MBINST01":
        sys.exit("error: wrong magic")
    kind, stype, n, m = struct.unpack_from("<4i", b, 8)
    nnz, _seed = struct.unpack_from("<qQ", b, 24)
    at = 40
    cap = np.frombuffer(b, "<i4", m, at); at += 4 * m
    rowptr = col = None
    if kind == 1:
        rowptr = np.frombuffer(b, "<i8", n + 1, at); at += 8 * (n + 1)
        col = np.frombuffer(b, "<i4", nnz, at); at += 4 * nnz
    dt = "<i4" if stype == 0 else "<f8"
    score = np.frombuffer(b, dt, nnz, at); at += np.dtype(dt).itemsize * nnz
    pairs = []
    for _ in range(2):
        (k,) = struct.unpack_from("<i", b, at); at += 4
        pairs.append(np.frombuffer(b, "<i4", 2 * k, at).reshape(k, 2)); at += 8 * k
    return kind, stype, n, m, cap, rowptr, col, score, pairs[0], pairs[1]

def solve(kind, stype, n, m, cap, rowptr, col, score, forbidden, locked):
    if kind == 0:
        s = score.reshape(n, m).astype(np.float64)
    else:
        s = np.full((n, m), -np.inf)
        rows = np.repeat(np.arange(n), np.diff(rowptr))
        s[rows, col] = score
    s[forbidden[:, 0], forbidden[:, 1]] = -np.inf
    cap = cap.copy()
    fixed = float(s[locked[:, 0], locked[:, 1]].sum()) if len(locked) else 0.0
    np.subtract.at(cap, locked[:, 1], 1)
    keep = np.setdiff1d(np.arange(n), locked[:, 0])
    cols = np.repeat(np.arange(m), cap)
    cost = -s[np.ix_(keep, cols)]
    big = (np.abs(cost[np.isfinite(cost)]).max() + 1) * (n + 1)
    cost[~np.isfinite(cost)] = big
    r, c = linear_sum_assignment(cost)
    return fixed + float(-cost[r, c].sum())

path = sys.argv[1]
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 1
inst = load(path)
times = []
for _ in range(reps):
    t = time.perf_counter()
    obj = solve(*inst)
    times.append((time.perf_counter() - t) * 1000)
objective = str(int(round(obj))) if inst[1] == 0 else repr(obj)
print(json.dumps({"instance": path.split("/")[-1], "objective": objective, "total_ms": round(sorted(times)[len(times) // 2], 3)}))
