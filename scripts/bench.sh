#!/usr/bin/env bash
# make bench: the performance check of issues 5, 6, 7 and 14 on this machine.
#  1. a private PostgreSQL (durable settings: fsync and synchronous_commit on) and a release server on it
#  2. 1,000,000 generated dossiers (scripts/bench/load.sql) + the fixtures the phases act on
#     (scripts/bench/fixtures.sql: 150,000 online ones, the GET sample, pgbench's own rows)
#  3. the drift guard: one request of each operation through a traced server; its statements must be
#     those of scripts/bench/pg-<operation>.sql (scripts/bench/trace.sh, sqlcheck.py)
#  4. per operation (intake, accept, assign, resolve, GET by code, list), 3 rounds alternating
#     wrk -t2 -c32 against the server and pgbench -M prepared running that operation's own SQL with as
#     many connections as the server's pool; the median of each, their ratio, the targets of issue 14,
#     and CPU per request from /proc (the server process; the whole PostgreSQL cluster)
#  5. the evaluation reports' latency, the server's peak RSS, the 5xx answers
#  6. the client library (motcua-bench) against wrk -t1 -c1 on one connection
#  7. webhook deliveries to a local receiver while intake runs at full speed: events/s and lag from commit to delivery
# Results go to stdout and bench-results/latest.md. BENCH_DURATION (seconds) and BENCH_ROWS can be lowered for a quick run,
# BENCH_OPERATIONS (e.g. "intake accept") limits the operations measured. BENCH_PROFILE=1 records the server with
# perf during each operation's first round and writes the hottest symbols to bench-results/profile-<operation>.txt;
# BENCH_NO_BUILD=1 runs the release binaries as they are (e.g. twice with different server settings).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${BENCH_DURATION:-10}
ROWS=${BENCH_ROWS:-1000000}
POOL=${BENCH_POOL:-16}
ROUNDS=3
# The operations measured (all by default); the evaluations, client and webhook phases run only with all.
DEFAULT_OPERATIONS="intake accept assign resolve get-by-code list-unit-status"
OPERATIONS=${BENCH_OPERATIONS:-$DEFAULT_OPERATIONS}
ONLINE=${BENCH_ONLINE:-150000}           # online dossiers to accept: 3 rounds at up to 5,000 req/s (at most 199,980)
GET_PER_UNIT=$(( ROWS / 40 < 500 ? ROWS / 40 : 500 ))   # GET sample: 10,000 dossiers at 1,000,000 rows
POOL_PER_UNIT=1000                       # pgbench's rows per commune and action
# A second bench on the same machine needs its own directory and ports.
DIR=${BENCH_WORKDIR:-/tmp/motcua-bench}
PORT=${BENCH_PG_PORT:-55700}
HTTP_PORT=${BENCH_HTTP_PORT:-18090}
RECEIVER_PORT=$((HTTP_PORT + 1))
TRACE_PORT=$((HTTP_PORT + 2))
URL=http://127.0.0.1:$HTTP_PORT
export BENCH_DIR=$PWD/scripts/bench
mkdir -p bench-results
OUT=bench-results/latest.md
CLK_TCK=$(getconf CLK_TCK)

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ "${BENCH_NO_BUILD:-0}" = 1 ]; then
  echo "== using the release binaries already built"
else
  echo "== building release binaries"
  swift build -c release --product motcua-server 2>&1 | tail -n 1
  swift build -c release --product motcua-bench 2>&1 | tail -n 1
fi
BIN=$(swift build -c release --show-bin-path)

echo "== starting PostgreSQL"
bin=$(pg_config --bindir 2>/dev/null || true); [ -x "$bin/initdb" ] || bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "${SERVER_PID:-}" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server exited:"; tail -n 20 "$DIR/server.log"; fi
  [ -n "${RECEIVER_PID:-}" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  # The server may be stopped (SIGSTOP during a pgbench run): continue it so it can act on SIGTERM.
  [ -n "${SERVER_PID:-}" ] && kill -CONT "$SERVER_PID" 2>/dev/null && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  as_pg "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
rm -rf "$DIR"; mkdir -p "$DIR/data" "$DIR/sock"; [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$DIR"; chmod 700 "$DIR/data"
as_pg "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/sock/postgres.log" -w -t 60 -o "-p $PORT -k $DIR/sock -c listen_addresses=127.0.0.1 \
  -c max_connections=200 -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=32MB -c maintenance_work_mem=1GB \
  -c max_wal_size=8GB -c checkpoint_timeout=30min -c wal_compression=on -c commit_delay=200 -c commit_siblings=5 ${BENCH_PG_OPTS:-}" start >/dev/null
DB=postgresql://postgres@127.0.0.1:$PORT/postgres
PSQL="psql -q -X -v ON_ERROR_STOP=1 $DB"

start_server() {
  DATABASE_URL=$DB MOTCUA_PORT=$HTTP_PORT MOTCUA_SEED_DEMO=true MOTCUA_DB_POOL_SIZE=$POOL MOTCUA_LOG_LEVEL=warning \
    MOTCUA_SWEEP_INTERVAL_SECONDS=0 "$BIN/motcua-server" serve >"$DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do curl -sf "$URL/health/ready" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "server did not start"; cat "$DIR/server.log"; exit 1
}
echo "== migrating and seeding through the server"
start_server

echo "== loading $ROWS dossiers"
LOAD_START=$(date +%s)
sed "s/generate_series(1, 1000000) g/generate_series(1, $ROWS) g/" scripts/bench/load.sql | $PSQL -f - >"$DIR/load.log"
$PSQL -v online="$ONLINE" -v get_per_unit="$GET_PER_UNIT" -v pool_per_unit="$POOL_PER_UNIT" -f scripts/bench/fixtures.sql >>"$DIR/load.log"
LOAD_SECONDS=$(( $(date +%s) - LOAD_START ))
$PSQL -At -c "SELECT code FROM dossiers WHERE code LIKE 'BENCH.__-190101-%'" >"$DIR/get-codes.txt"
[ "$(wc -l <"$DIR/get-codes.txt")" -eq $(( 20 * GET_PER_UNIT )) ] || { echo "the GET sample is incomplete: raise BENCH_ROWS"; exit 1; }
TOTAL=$($PSQL -At -c "SELECT count(*) FROM dossiers")
echo "   loaded in ${LOAD_SECONDS}s; $TOTAL dossiers in the database"

TOKEN=$(curl -s -X POST "$URL/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"username":"bench.admin","password":"motcua-demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
AUDITOR=$(curl -s -X POST "$URL/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"username":"bench.auditor","password":"motcua-demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
export BENCH_TOKEN=$TOKEN BENCH_THREADS=2

echo "== the server's SQL per request against scripts/bench/pg-*.sql"
SQL_CHECK=$(scripts/bench/trace.sh "$DB" "$DIR/sock/postgres.log" "$BIN/motcua-server" "$TRACE_PORT" "$TOKEN") && SQL_DRIFT=0 || SQL_DRIFT=1
echo "$SQL_CHECK" | sed 's/^/   /'
[ "$SQL_DRIFT" = 0 ] || echo "   WARNING: the pgbench scripts are not the server's SQL any more; the ratios below compare different work"

# CPU clock ticks (utime + stime, /proc/PID/stat) of one process, and of the whole PostgreSQL cluster:
# the postmaster, its live children, and the children it has reaped (its cutime + cstime), so a
# pgbench backend that exits at the end of its run is counted too.
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
pg_ticks() {
  local pm; pm=$(head -n 1 "$DIR/data/postmaster.pid")
  # (processes come and go while cat reads: a vanished one is no error)
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v pm="$pm" '
    { pid = $1; sub(/^.*\) /, "") }
    pid == pm { t += $12 + $13 + $14 + $15 }
    $2 == pm { t += $12 + $13 }
    END { print t + 0 }'
}
# WAL written (bytes) and MultiXact IDs created so far: write amplification and shared row locks.
wal_mxid() { $PSQL -At -F' ' -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, mxid_age('1')"; }
server_5xx() { curl -s "$URL/metrics" | awk '/^http_requests_total/ && /status="5/ { n += $NF } END { print n + 0 }'; }
# Every write leaves an outbox row that the server's feed sequencer numbers within 100 ms; wait for it,
# so a run starts with nothing left over from the previous one.
settle() {
  for _ in $(seq 1 600); do
    [ "$($PSQL -At -c "SELECT count(*) FROM outbox WHERE position IS NULL")" = 0 ] && return 0; sleep 0.2
  done
  echo "   (the feed sequencer is still behind after 120 s)"
}

RUNS=$DIR/runs.tsv
: >"$RUNS"
run_wrk() {  # operation round script [file]: server CPU and PostgreSQL CPU count until the outbox is sequenced
  local op=$1 round=$2 out="$DIR/wrk-$1-$2.txt" s0 p0 e0 w0 m0 w1 m1
  export BENCH_FILE=${4:-}
  read -r w0 m0 < <(wal_mxid)
  s0=$(proc_ticks "$SERVER_PID"); p0=$(pg_ticks); e0=$(server_5xx)
  local perf_pid=
  if [ "${BENCH_PROFILE:-0}" = 1 ] && [ "$round" = 1 ]; then
    perf record -q -F 999 -g -p "$SERVER_PID" -o "$DIR/perf-$op.data" -- sleep "$DURATION" >/dev/null 2>&1 & perf_pid=$!
  fi
  wrk -t2 -c32 -d"${DURATION}s" --latency -s "scripts/bench/$3" "$URL" >"$out" 2>&1 || true
  if [ -n "$perf_pid" ]; then
    wait "$perf_pid" || true
    perf report -q -i "$DIR/perf-$op.data" --no-children --percent-limit 0.7 --stdio -g none 2>/dev/null \
      | swift demangle --simplified | cut -c1-200 >"bench-results/profile-$op.txt" || true
  fi
  settle
  read -r w1 m1 < <(wal_mxid)
  printf '%s\twrk\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$op" "$round" "$out" $(( $(proc_ticks "$SERVER_PID") - s0 )) $(( $(pg_ticks) - p0 )) \
    $(( $(server_5xx) - e0 )) $(( w1 - w0 )) $(( m1 - m0 )) >>"$RUNS"
  python3 scripts/bench/summarize.py "$RUNS" "$CLK_TCK" --last
}
# pgbench runs scripts/bench/pg-<operation>.sql: prepared statements, as many connections as the server's
# pool, the server's session settings (MotCuaApplication.makePool, PostgresConfiguration), the
# variables bench.sh computes and the script's own (its "-- -D name=value" lines). The server is
# stopped meanwhile (its background loops would number pgbench's outbox rows during the run).
SESSION="-c TimeZone=UTC -c DateStyle=ISO,MDY -c IntervalStyle=postgres -c extra_float_digits=1 -c statement_timeout=10000 -c jit=off"
read -r ACTOR PROCEDURE_VERSION NOW TODAY YYMMDD DUE_DATE DUE_AT STEP_DEADLINE STEP_BASE < <($PSQL -At -F' ' -c "
  SELECT (SELECT id FROM users WHERE username = 'bench.admin'), (SELECT current_version FROM procedures WHERE code = '2.000884'),
         replace(now()::text, ' ', 'T'), motcua_local_date(now()), to_char(motcua_local_date(now()), 'YYMMDD'),
         motcua_local_date(now()) + 2, replace(((motcua_local_date(now()) + 2)::timestamptz + interval '10 hours')::text, ' ', 'T'),
         replace((now() + interval '2 days')::text, ' ', 'T'), (SELECT current_step_id FROM dossiers WHERE code = 'BENCH.01-190104-0001')")
PG_VARS=(-D province=BENCH -D procedure=2.000884 -D procedure_version="$PROCEDURE_VERSION" -D actor="$ACTOR" -D now="$NOW"
  -D today="$TODAY" -D yymmdd="$YYMMDD" -D due_date="$DUE_DATE" -D due_at="$DUE_AT" -D step_deadline="$STEP_DEADLINE"
  -D get_per_unit="$GET_PER_UNIT" -D pool_per_unit="$POOL_PER_UNIT" -D step_base="$STEP_BASE")
run_pgbench() {  # operation round
  local op=$1 round=$2 script=scripts/bench/pg-$1.sql out="$DIR/pgbench-$1-$2.txt" vars p0 p1 line w0 m0 w1 m1
  vars=("${PG_VARS[@]}")
  while IFS= read -r line; do vars+=(-D "${line#-- -D }"); done < <(grep '^-- -D ' "$script")
  kill -STOP "$SERVER_PID"
  read -r w0 m0 < <(wal_mxid)
  p0=$(pg_ticks)
  PGOPTIONS=$SESSION pgbench -n -M prepared -c"$POOL" -j2 -T"$DURATION" "${vars[@]}" -f "$script" "$DB" >"$out" 2>&1 || true
  p1=$(pg_ticks)
  read -r w1 m1 < <(wal_mxid)
  kill -CONT "$SERVER_PID"
  settle
  printf '%s\tpgbench\t%s\t%s\t\t%s\t\t%s\t%s\n' "$op" "$round" "$out" $(( p1 - p0 )) $(( w1 - w0 )) $(( m1 - m0 )) >>"$RUNS"
  python3 scripts/bench/summarize.py "$RUNS" "$CLK_TCK" --last
}
# Each action round acts on dossiers in the status it applies to, picked just before it: accept the
# submitted ones (the online fixtures), assign every received one, resolve every one in progress
# (tens of thousands each). Assign names a specialist of the receiving commune, so only dossiers
# handled where they were received qualify. The GET sample and pgbench's pools (1901xx codes) are left alone.
action_codes() {  # status
  $PSQL -At -c "SELECT code FROM dossiers WHERE province = 'BENCH' AND status = $1 AND handling_unit = receiving_unit
                AND code NOT LIKE 'BENCH.__-1901%' ORDER BY random()" >"$DIR/action-codes.txt"
  [ "$(wc -l <"$DIR/action-codes.txt")" -ge $(( 5000 * DURATION )) ] || echo "   (only $(wc -l <"$DIR/action-codes.txt") dossiers in status $1 left)"
}
echo "== load: per operation $ROUNDS rounds of wrk -t2 -c32 -d${DURATION}s (server, pool $POOL) and pgbench -M prepared -c$POOL -j2 -T$DURATION (its SQL)"
$PSQL -c "CREATE TABLE bench_table_use AS SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'dossiers';
           CREATE TABLE bench_index_use AS SELECT indexrelname, idx_scan FROM pg_stat_user_indexes WHERE relname = 'dossiers'"
measured() { [[ " $OPERATIONS " == *" $1 "* ]]; }
measured intake && for round in $(seq 1 $ROUNDS); do run_wrk intake "$round" intake.lua; run_pgbench intake "$round"; done
measured accept && for round in $(seq 1 $ROUNDS); do action_codes 1; BENCH_ACTION=accept run_wrk accept "$round" action.lua "$DIR/action-codes.txt"; run_pgbench accept "$round"; done
measured assign && for round in $(seq 1 $ROUNDS); do action_codes 2; BENCH_ACTION=assign run_wrk assign "$round" action.lua "$DIR/action-codes.txt"; run_pgbench assign "$round"; done
measured resolve && for round in $(seq 1 $ROUNDS); do action_codes 4; BENCH_ACTION=resolve run_wrk resolve "$round" action.lua "$DIR/action-codes.txt"; run_pgbench resolve "$round"; done
measured get-by-code && for round in $(seq 1 $ROUNDS); do run_wrk get-by-code "$round" get.lua "$DIR/get-codes.txt"; run_pgbench get-by-code "$round"; done
measured list-unit-status && for round in $(seq 1 $ROUNDS); do run_wrk list-unit-status "$round" list.lua; run_pgbench list-unit-status "$round"; done
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")

# dossiers' updates during the load phases that were HOT, and the indexes of dossiers none of their statements used
read -r UPDATES HOT < <($PSQL -At -F' ' -c "SELECT s.n_tup_upd - b.n_tup_upd, s.n_tup_hot_upd - b.n_tup_hot_upd
                                              FROM pg_stat_user_tables s, bench_table_use b WHERE s.relname = 'dossiers'")
UNUSED_INDEXES=$($PSQL -At -c "SELECT coalesce(string_agg(s.indexrelname, ', ' ORDER BY s.indexrelname), 'none')
                               FROM pg_stat_user_indexes s JOIN bench_index_use b USING (indexrelname)
                               WHERE s.relname = 'dossiers' AND s.idx_scan = b.idx_scan")
ALL_PHASES=0; [ "$OPERATIONS" = "${DEFAULT_OPERATIONS}" ] && ALL_PHASES=1
if [ "$ALL_PHASES" = 1 ]; then
  echo "== evaluation reports (median of 5)"
  timed() {  # path
    for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $AUDITOR" "$URL$1"; done | sort -n | sed -n 3p
  }
  MONTH_FROM=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m-%d); MONTH_TO=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m-%d)
  WEEK=$(date -d '-7 days' +%G-W%V)
  EVAL_UNIT=$(timed "/v1/evaluations/units/BENCH.01?from=$MONTH_FROM&to=$MONTH_TO")
  EVAL_OFFICERS=$(timed "/v1/evaluations/officers?unit=BENCH.01&week=$WEEK")
  EVAL_RANKING=$(timed "/v1/evaluations/units?from=$MONTH_FROM&to=$MONTH_TO")
  echo "   unit month ${EVAL_UNIT}s, officers week ${EVAL_OFFICERS}s, province ranking ${EVAL_RANKING}s"

  echo "== client library vs wrk on one connection"
  CLIENT_OUT=$(BENCH_DURATION=5s BENCH_REQUESTS=10000 BENCH_ROUNDS=3 scripts/bench-client.sh "$URL" "$TOKEN" "$(head -n 1 "$DIR/get-codes.txt")" 2>/dev/null)
  echo "$CLIENT_OUT" | grep '^round' | sed 's/^/   /'
  read -r CLIENT_RPS WRK1 RATIO < <(echo "$CLIENT_OUT" | tail -n 1 | sed 's/client_rps=//; s/wrk_rps=//; s/ratio=//')
  echo "   client $CLIENT_RPS req/s, wrk -t1 -c1 $WRK1 req/s: $RATIO"

  echo "== webhook deliveries while intake runs"
  python3 scripts/bench/receiver.py $RECEIVER_PORT & RECEIVER_PID=$!
  curl -sf -X POST "$URL/v1/webhooks" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"dossier.intake\"]}" >/dev/null
  run_wrk intake+webhook 1 intake.lua
  for _ in $(seq 1 240); do
    [ "$($PSQL -At -c "SELECT count(*) FROM webhook_deliveries WHERE state = 'pending'")" = 0 ] && break; sleep 0.5
  done
  # From the writing transaction's start (outbox.created_at) to the receiver's 2xx being recorded, on the database's clock.
  read -r HOOK_DELIVERED HOOK_RATE HOOK_P50 HOOK_P99 HOOK_PENDING < <($PSQL -At -F' ' -c "
    SELECT count(*) FILTER (WHERE w.state = 'delivered'),
           round(count(*) FILTER (WHERE w.state = 'delivered') / greatest(extract(epoch FROM max(w.delivered_at) - min(o.created_at)), 0.001)),
           round(1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM w.delivered_at - o.created_at))),
           round(1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM w.delivered_at - o.created_at))),
           count(*) FILTER (WHERE w.state <> 'delivered')
    FROM webhook_deliveries w JOIN outbox o ON o.id = w.outbox_id")
  echo "   $HOOK_DELIVERED events delivered at $HOOK_RATE events/s; lag from commit p50 ${HOOK_P50} ms, p99 ${HOOK_P99} ms; not delivered $HOOK_PENDING"
fi
SERVER_5XX=$(server_5xx)

{
  echo "# MotCua benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo
  echo "$TOTAL dossiers ($ROWS generated in ${LOAD_SECONDS}s, incl. steps and indexes). Server: wrk -t2 -c32 -d${DURATION}s, pool $POOL."
  echo "pgbench: the operation's own SQL (scripts/bench/pg-<operation>.sql), -M prepared -c$POOL -j2 -T$DURATION, server stopped."
  echo "Median of $ROUNDS rounds, server and pgbench alternating; ratio = server req/s / pgbench tps; CPU per request from /proc"
  echo "(PostgreSQL: the whole cluster; for the server's runs it includes numbering the outbox rows they wrote)."
  echo
  python3 scripts/bench/summarize.py "$RUNS" "$CLK_TCK"
  echo
  echo "SQL per request (a traced request of each operation against its pgbench script):"
  echo "$SQL_CHECK" | sed 's/^/- /'
  echo
  echo "Server peak RSS: $((RSS_KB / 1024)) MB (≤ 250 MB $([ $((RSS_KB / 1024)) -le 250 ] && echo ✓ || echo ✗)). 5xx answers over the whole run: $SERVER_5XX $([ "$SERVER_5XX" = 0 ] && echo ✓ || echo ✗)."
  echo "dossiers: $UPDATES updates, $HOT of them HOT; indexes no statement used during the run: $UNUSED_INDEXES."
  echo
  [ "$ALL_PHASES" = 1 ] || exit 0
  echo "Evaluations (median of 5): unit report for a month ${EVAL_UNIT}s, officers' week ${EVAL_OFFICERS}s, province ranking for a month ${EVAL_RANKING}s."
  echo
  echo "Client library: sequential GETs on one connection, median of 3 alternating rounds: $CLIENT_RPS req/s vs wrk -t1 -c1 $WRK1 req/s ($RATIO)."
  echo
  echo "Webhooks (intake+webhook row: intake with a webhook on every intake event, receiver on this machine): $HOOK_DELIVERED events delivered at $HOOK_RATE events/s, lag from the writing transaction to the receiver's 2xx p50 ${HOOK_P50} ms, p99 ${HOOK_P99} ms; $HOOK_PENDING not delivered."
} | tee "$OUT"
