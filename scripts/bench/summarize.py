"""The table of `make bench` (issue 14): per operation, the median of the runs of the server (wrk)
and of pgbench on the same SQL, their ratio, the targets, and CPU per request.

Usage: summarize.py RUNS_TSV CLK_TCK            the markdown table, then a "Runs:" list
       summarize.py RUNS_TSV CLK_TCK --last      one progress line for the last run recorded

RUNS_TSV has one line per run, tab-separated:
  operation  wrk|pgbench  round  output-file  server-ticks  postgres-ticks  server-5xx  wal-bytes  multixacts
(ticks: CPU clock ticks spent during the run, utime + stime from /proc; server ticks and 5xx are
empty for pgbench runs, when the server is stopped; WAL bytes written and MultiXact IDs created
during the run: write amplification and row locks shared by concurrent transactions.)
"""
import re
import statistics
import sys

# Issue 14, at 32 connections on the 2-core box: (minimum ratio to pgbench, minimum req/s).
TARGETS = {
    "get-by-code": (0.5, 5000),
    "intake": (0.6, 1200),
    "accept": (0.6, 1200),
    "assign": (0.6, 1200),
    "resolve": (0.6, 1200),
    "list-unit-status": (None, 1000),
}
P99_MAX_MS = 25
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS_MS[match.group(2)] if match else None


def parse_wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    def find(pattern, cast=float, default=None):
        match = re.search(pattern, text, re.M)
        return cast(match.group(1)) if match else default
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "rps": find(r"^Requests/sec:\s+([\d.]+)"),
        "p50": find(r"^\s+50%\s+(\S+)", ms),
        "p99": find(r"^\s+99%\s+(\S+)", ms),
        "requests": find(r"^\s*(\d+) requests in", int, 0),
        "non2xx": find(r"Non-2xx or 3xx responses: (\d+)", int, 0),
        "socket": sum(int(g) for g in socket.groups()) if socket else 0,
    }


def parse_pgbench(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    tps = re.search(r"^tps = ([\d.]+)", text, re.M)
    done = re.search(r"^number of transactions actually processed: (\d+)", text, re.M)
    failed = re.search(r"^number of failed transactions: (\d+)", text, re.M)
    latency = re.search(r"^latency average = ([\d.]+) ms", text, re.M)
    aborted = "aborted" in text or tps is None
    return {
        "tps": None if aborted else float(tps.group(1)),
        "transactions": int(done.group(1)) if done else 0,
        "failed": int(failed.group(1)) if failed else 0,
        "latency": float(latency.group(1)) if latency else None,
        "error": next((line.strip() for line in text.splitlines() if "error" in line), "aborted") if aborted else None,
    }


def read_runs(path, clk_tck):
    runs = []
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 7:
            continue
        op, kind, rnd, out, server_ticks, pg_ticks, server_5xx = fields[:7]
        wal_bytes, multixacts = (fields[7:9] + ["", ""])[:2]
        run = {"op": op, "kind": kind, "round": rnd}
        run.update(parse_wrk(out) if kind == "wrk" else parse_pgbench(out))
        count = run["requests"] if kind == "wrk" else run["transactions"]
        run["server_us"] = int(server_ticks) * 1e6 / clk_tck / count if server_ticks and count else None
        run["pg_us"] = int(pg_ticks) * 1e6 / clk_tck / count if pg_ticks and count else None
        run["5xx"] = int(server_5xx) if server_5xx else 0
        run["wal"] = int(wal_bytes) / count if wal_bytes and count else None
        run["mxid"] = int(multixacts) * 1000 / count if multixacts and count else None
        runs.append(run)
    return runs


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0, unit=""):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{unit}"


def progress(run):
    if run["kind"] == "wrk":
        extra = f", socket errors {run['socket']}" if run["socket"] else ""
        return (f"   {run['op']} #{run['round']}: server {fmt(run['rps'])} req/s, p50 {fmt(run['p50'], 2)} ms, "
                f"p99 {fmt(run['p99'], 2)} ms, non-2xx {run['non2xx']}{extra}; CPU per request: server "
                f"{fmt(run['server_us'])} µs, PostgreSQL {fmt(run['pg_us'])} µs; WAL {fmt(run['wal'])} B, "
                f"MultiXacts {fmt(run['mxid'], 1)} per 1,000")
    if run["tps"] is None:
        return f"   {run['op']} #{run['round']}: pgbench FAILED: {run['error']}"
    return (f"   {run['op']} #{run['round']}: pgbench {fmt(run['tps'])} tps, latency {fmt(run['latency'], 2)} ms, "
            f"failed {run['failed']}; PostgreSQL CPU per transaction {fmt(run['pg_us'])} µs; WAL {fmt(run['wal'])} B, "
            f"MultiXacts {fmt(run['mxid'], 1)} per 1,000")


def table(runs):
    ops = list(dict.fromkeys(r["op"] for r in runs))
    rows = [
        "| operation | req/s | p50 | p99 | non-2xx | pgbench, same SQL (tps) | ratio | targets | server CPU/req | PostgreSQL CPU/req: server · pgbench |"
        " WAL/req: server · pgbench | MultiXacts per 1,000 req |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines = []
    for op in ops:
        wrk = [r for r in runs if r["op"] == op and r["kind"] == "wrk"]
        pgb = [r for r in runs if r["op"] == op and r["kind"] == "pgbench"]
        rps, p50, p99 = median([r["rps"] for r in wrk]), median([r["p50"] for r in wrk]), median([r["p99"] for r in wrk])
        tps = median([r["tps"] for r in pgb]) if pgb and all(r["tps"] is not None for r in pgb) else None
        ratio = rps / tps if rps and tps else None
        non2xx = sum(r["non2xx"] for r in wrk)
        socket = sum(r["socket"] for r in wrk)
        checks = []
        if op in TARGETS:
            min_ratio, min_rps = TARGETS[op]
            if min_ratio is not None:
                checks.append(f"≥{min_ratio}x {'✓' if ratio is not None and ratio >= min_ratio else '✗'}")
            checks.append(f"≥{min_rps:,}/s {'✓' if rps is not None and rps >= min_rps else '✗'}")
            checks.append(f"p99 ≤{P99_MAX_MS} ms {'✓' if p99 is not None and p99 <= P99_MAX_MS else '✗'}")
        errors = f"{non2xx:,}" + (f" (+{socket:,} socket errors)" if socket else "")
        both = lambda key, digits=0, unit="": (f"{fmt(median([r[key] for r in wrk]), digits)} · "
                                             f"{fmt(median([r[key] for r in pgb]), digits)}{unit}" if pgb else
                                             f"{fmt(median([r[key] for r in wrk]), digits)}{unit}")
        pgbench_cell = fmt(tps) if pgb else "–"
        if pgb and tps is None:
            pgbench_cell = "failed"
        rows.append(
            f"| {op} | {fmt(rps)} | {fmt(p50, 2)} ms | {fmt(p99, 2)} ms | {errors} | {pgbench_cell} | "
            f"{fmt(ratio, 2, 'x') if pgb else '–'} | {' · '.join(checks) if checks else '–'} | "
            f"{fmt(median([r['server_us'] for r in wrk]))} µs | {both('pg_us', 0, ' µs')} | {both('wal', 0, ' B')} | {both('mxid', 1)} |")
        per_run = ", ".join(fmt(r["rps"]) for r in wrk)
        per_pg = ", ".join(fmt(r["tps"]) if r["tps"] is not None else "failed" for r in pgb)
        lines.append(f"- {op}: server {per_run} req/s" + (f"; pgbench {per_pg} tps" if pgb else ""))
    return rows, lines


def main(argv):
    runs = read_runs(argv[0], int(argv[1]))
    if "--last" in argv:
        if runs:
            print(progress(runs[-1]))
        return 0
    rows, lines = table(runs)
    print("\n".join(rows))
    print()
    print("Runs (in order, server and pgbench alternating):")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
