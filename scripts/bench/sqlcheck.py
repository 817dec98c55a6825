"""The drift guard of `make bench`: are scripts/bench/pg-<operation>.sql still the server's SQL?

scripts/bench.sh runs one request of each operation through a traced server (its own connection,
application_name `motcua-trace`, log_statement = all, log_line_prefix '%a|%p|'), each request after a
mark `SELECT 'TRACE <operation>'` sent by psql under the same application name. This script reads
the statements the server sent per request from the PostgreSQL log and compares them, in order and
text, with the pgbench script's. Both sides are normalised: whitespace collapsed, the server's `$n`,
pgbench's `:variable`, and the expressions a pgbench script marks `/*bind*/ (...)` or `/*bind*/ NULL`
(a value pgbench cannot bind, built in SQL instead) all read as one parameter `?`.

Usage: sqlcheck.py POSTGRES_LOG APPLICATION_NAME PG_SCRIPT_DIR OPERATION...
Prints one line per operation; exits 1 when any operation differs. `--dump` prints the server's
statements per operation instead (for writing or updating a pgbench script).
"""
import re
import sys

# Lookups the server answers from in-memory caches: sent only when an entry is missing or expired
# (token: Authenticator, 5 s; calendar: CalendarProvider, 30 s; procedure: ProcedureVersionCache).
CACHE_REFILLS = {
    "token": re.compile(r"FROM auth_tokens t JOIN users u"),
    "calendar": re.compile(r"FROM calendar_days"),
    "procedure": re.compile(r"^SELECT v\.code, v\.version"),
}
MESSAGE = re.compile(r"^(?:LOG:  statement: |LOG:  execute [^:]+: )(.*)$", re.S)
MARK = re.compile(r"^SELECT 'TRACE (.+)'$")


def log_messages(path, app):
    """The LOG messages of `app`'s sessions in order, continuation lines joined."""
    messages, current = [], None
    prefix = app + "|"
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            line = line.rstrip("\n")
            if line.startswith("\t"):
                if current is not None:
                    current.append(line[1:])
                continue
            current = None
            if not line.startswith(prefix):
                continue
            text = line.split("|", 2)[2]
            current = [text]
            messages.append(current)
    return ["\n".join(m) for m in messages]


def traced_statements(path, app):
    """{operation: ([statement], [cache refills seen])} from the marks in the log."""
    result, op = {}, None
    for message in log_messages(path, app):
        match = MESSAGE.match(message)
        if not match:
            continue
        sql = match.group(1).strip()
        mark = MARK.match(sql)
        if mark:
            op = mark.group(1)
            result[op] = ([], [])
            continue
        if op is None:
            continue
        refill = next((name for name, pattern in CACHE_REFILLS.items() if pattern.search(sql)), None)
        if refill:
            result[op][1].append(refill)
        else:
            result[op][0].append(sql)
    return result


def pgbench_statements(path):
    """The SQL commands of a pgbench script (meta-commands and comments left out)."""
    statements, current = [], []
    with open(path, encoding="utf-8") as script:
        for line in script:
            stripped = line.strip()
            if not current and (not stripped or stripped.startswith("--") or stripped.startswith("\\")):
                continue
            if stripped.startswith("--"):
                continue
            gset = re.search(r"\\[ag]set\b.*$", line)
            if gset:
                current.append(line[: gset.start()])
                statements.append("\n".join(current).strip())
                current = []
            elif stripped.endswith(";"):
                current.append(line.rstrip().rstrip(";"))
                statements.append("\n".join(current).strip())
                current = []
            else:
                current.append(line.rstrip("\n"))
    return statements


def replace_bind_markers(sql):
    """`/*bind*/ NULL` and `/*bind*/ (balanced expression)` become `?`."""
    out, i = [], 0
    marker = "/*bind*/"
    while True:
        j = sql.find(marker, i)
        if j < 0:
            out.append(sql[i:])
            return "".join(out)
        out.append(sql[i:j])
        k = j + len(marker)
        while k < len(sql) and sql[k].isspace():
            k += 1
        if sql.startswith("NULL", k):
            k += 4
        elif k < len(sql) and sql[k] == "(":
            depth = 0
            while k < len(sql):
                if sql[k] == "(":
                    depth += 1
                elif sql[k] == ")":
                    depth -= 1
                    if depth == 0:
                        k += 1
                        break
                elif sql[k] == "'":
                    k = sql.index("'", k + 1)
                k += 1
        else:
            raise ValueError(f"/*bind*/ must precede NULL or a parenthesised expression: {sql[j:j + 60]!r}")
        out.append("?")
        i = k


def normalize(sql):
    sql = replace_bind_markers(sql)
    sql = re.sub(r"\$\d+", "?", sql)
    sql = re.sub(r"(?<![:\w]):[A-Za-z_]\w*", "?", sql)
    sql = re.sub(r"\s+", " ", sql).strip().rstrip(";").strip()
    return re.sub(r"\s*([(),])\s*", r"\1", sql)


def plural(n):
    return f"{n} statement" + ("" if n == 1 else "s")


def summary(statements):
    """`BEGIN, 3 prepared, COMMIT`-style description of a request's round trips."""
    simple = [s for s in statements if re.match(r"^(BEGIN|COMMIT|ROLLBACK)\b", s)]
    prepared = len(statements) - len(simple)
    parts = []
    if any(s.startswith("BEGIN") for s in simple):
        parts.append("BEGIN")
    parts.append(f"{prepared} prepared")
    if any(s.startswith("COMMIT") for s in simple):
        parts.append("COMMIT")
    return ", ".join(parts)


def main(argv):
    dump = "--dump" in argv
    argv = [a for a in argv if a != "--dump"]
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    log, app, script_dir, ops = argv[0], argv[1], argv[2], argv[3:]
    traced = traced_statements(log, app)
    drift = False
    for op in ops:
        server, refills = traced.get(op, ([], []))
        if dump:
            print(f"== {op}: {plural(len(server))}" + (f" (+ cache refills: {', '.join(refills)})" if refills else ""))
            for n, sql in enumerate(server, 1):
                print(f"-- {n}\n{sql}")
            continue
        if not server:
            print(f"{op}: ✗ no statements traced")
            drift = True
            continue
        script = pgbench_statements(f"{script_dir}/pg-{op}.sql")
        a, b = [normalize(s) for s in server], [normalize(s) for s in script]
        note = f" (cache refills during the trace, not counted: {', '.join(refills)})" if refills else ""
        if a == b:
            print(f"{op}: ✓ {plural(len(server))} per request ({summary(server)}), same as pg-{op}.sql{note}")
            continue
        drift = True
        k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        print(f"{op}: ✗ the server sent {plural(len(server))}, pg-{op}.sql has {len(script)}; first difference at statement {k + 1}{note}")
        x, y = (a[k] if k < len(a) else "(none)"), (b[k] if k < len(b) else "(none)")
        at = next((i for i in range(min(len(x), len(y))) if x[i] != y[i]), min(len(x), len(y)))
        start = max(0, at - 60)
        print(f"   server:  {'…' if start else ''}{x[start:at + 60]}")
        print(f"   pgbench: {'…' if start else ''}{y[start:at + 60]}")
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
