# Times the API on the kept answers of the requests the server computed ahead (parsed from its debug log).
import re, sys, time, urllib.parse, urllib.request, statistics
log, port, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
pat = re.compile(r"Answer of (\S+) \{(.*?)\} computed ahead: (-?\d+) rows in (\d+) ms")
rows = []
for line in open(log, encoding="utf-8", errors="replace"):
    m = pat.search(line)
    if not m: continue
    qid, params, total, ms = m.group(1), m.group(2), int(m.group(3)), int(m.group(4))
    q = {"format": "json" if total >= 0 else "turtle"}
    for kv in re.findall(r"(\w+)=\[([^\]]*)\]", params): q[kv[0]] = kv[1]
    rows.append((qid + (" (example)" if params else " (no parameter)"), q, total, ms, qid))
print("| case | rows of the answer | computed ahead (ms) | API p50 ms | API p95 ms |")
print("|---|---:|---:|---:|---:|")
for label, q, total, ms, qid in rows:
    url = f"http://localhost:{port}/api/queries/{qid}?" + urllib.parse.urlencode(q)
    times = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        with urllib.request.urlopen(url, timeout=120) as r: r.read()
        if i: times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"| {label} | {total:,} | {ms:,} | {statistics.median(times):.1f} | {p95:.1f} |")
