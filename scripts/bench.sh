#!/usr/bin/env bash
# make bench: the performance check of issues 5, 6 and 7 on this machine.
#  1. a private PostgreSQL (durable settings: fsync and synchronous_commit on) and a release server on it
#  2. 1,000,000 generated dossiers (scripts/bench/load.sql) + 90,000 online ones for the action phases
#  3. wrk, 32 keep-alive connections, 10 s each: intake, accept, assign, resolve, GET by code, list
#  4. pgbench on equivalent SQL, the evaluation reports' latency, the server's peak RSS
#  5. the client library (motcua-bench) against wrk -t1 -c1 on one connection
#  6. webhook deliveries to a local receiver while intake runs at full speed: events/s and lag from commit to delivery
# Results go to stdout and bench-results/latest.md. BENCH_DURATION (seconds) and BENCH_ROWS can be lowered for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${BENCH_DURATION:-10}
ROWS=${BENCH_ROWS:-1000000}
DIR=/tmp/motcua-bench
PORT=55700
HTTP_PORT=18090
URL=http://127.0.0.1:$HTTP_PORT
export BENCH_DIR=$PWD/scripts/bench
mkdir -p bench-results
OUT=bench-results/latest.md

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
echo "== building release binaries"
swift build -c release --product motcua-server 2>&1 | tail -n 1
swift build -c release --product motcua-bench 2>&1 | tail -n 1
BIN=$(swift build -c release --show-bin-path)

echo "== starting PostgreSQL"
bin=$(pg_config --bindir 2>/dev/null || true); [ -x "$bin/initdb" ] || bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${RECEIVER_PID:-}" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  as_pg "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
rm -rf "$DIR"; mkdir -p "$DIR/data" "$DIR/sock"; [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$DIR"; chmod 700 "$DIR/data"
as_pg "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/sock/postgres.log" -w -t 60 -o "-p $PORT -k $DIR/sock -c listen_addresses=127.0.0.1 \
  -c max_connections=200 -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=32MB -c maintenance_work_mem=1GB \
  -c max_wal_size=8GB -c checkpoint_timeout=30min -c wal_compression=on ${BENCH_PG_OPTS:-}" start >/dev/null
DB=postgresql://postgres@127.0.0.1:$PORT/postgres
PSQL="psql -q -X -v ON_ERROR_STOP=1 $DB"

start_server() {
  DATABASE_URL=$DB MOTCUA_PORT=$HTTP_PORT MOTCUA_SEED_DEMO=true MOTCUA_DB_POOL_SIZE=${BENCH_POOL:-16} MOTCUA_LOG_LEVEL=warning \
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
$PSQL <<'SQL'
INSERT INTO dossiers (code, province, procedure_code, procedure_version, receiving_unit, handling_unit, channel, status, applicant,
    applicant_name, documents, submitted_at, listed_at, accept_by, lookup_key)
SELECT 'BENCH.' || lpad((1 + g % 20)::text, 2, '0') || '-200101-' || lpad((1 + g / 20)::text, 4, '0'), 'BENCH', '2.000884',
       (SELECT current_version FROM procedures WHERE code = '2.000884'),
       'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'BENCH.' || lpad((1 + g % 20)::text, 2, '0'), 'online', 1,
       '{"fullName":"Bench Online","idNumber":"001190000001"}', 'Bench Online', '[{"code":"CCCD","name":"CCCD","digitized":false},{"code":"GT","name":"GT","digitized":true}]',
       now(), now(), now() + interval '1 day', upper(substr(md5('o' || g), 1, 12))
FROM generate_series(0, 89999) g;
ANALYZE dossiers;
SQL
LOAD_SECONDS=$(( $(date +%s) - LOAD_START ))
$PSQL -At -c "SELECT code FROM dossiers WHERE province = 'BENCH' AND status <> 1 ORDER BY random() LIMIT 10000" >"$DIR/get-codes.txt"
TOTAL=$($PSQL -At -c "SELECT count(*) FROM dossiers")
echo "   loaded in ${LOAD_SECONDS}s; $TOTAL dossiers in the database"

TOKEN=$(curl -s -X POST "$URL/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"username":"bench.admin","password":"motcua-demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
AUDITOR=$(curl -s -X POST "$URL/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"username":"bench.auditor","password":"motcua-demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
export BENCH_TOKEN=$TOKEN BENCH_THREADS=2

RESULTS=()
run_wrk() {  # name script [file]
  local name=$1 script=$2
  export BENCH_FILE=${3:-}
  wrk -t2 -c32 -d"${DURATION}s" --latency -s "scripts/bench/$script" "$URL" >"$DIR/wrk-$name.txt" 2>&1 || true
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$DIR/wrk-$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$DIR/wrk-$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$DIR/wrk-$name.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$DIR/wrk-$name.txt"); errors=${errors:-0}
  RESULTS+=("| $name | $rps | $p50 | $p99 | $errors |")
  echo "   $name: $rps req/s, p50 $p50, p99 $p99, non-2xx $errors"
}
echo "== load (wrk -t2 -c32 -d${DURATION}s)"
run_wrk intake intake.lua
# Each action phase acts on dossiers in the status it applies to, picked after the previous phase:
# accept the 90,000 submitted online ones, assign every received one, resolve every one in progress
# (tens of thousands each, so no phase runs out). Assign names a specialist of the receiving commune,
# so only dossiers handled where they were received qualify.
action_codes() {  # status
  $PSQL -At -c "SELECT code FROM dossiers WHERE province = 'BENCH' AND status = $1 AND handling_unit = receiving_unit
                ORDER BY random()" >"$DIR/action-codes.txt"
}
action_codes 1; BENCH_ACTION=accept run_wrk accept action.lua "$DIR/action-codes.txt"
action_codes 2; BENCH_ACTION=assign run_wrk assign action.lua "$DIR/action-codes.txt"
action_codes 4; BENCH_ACTION=resolve run_wrk resolve action.lua "$DIR/action-codes.txt"
run_wrk get-by-code get.lua "$DIR/get-codes.txt"
run_wrk list-unit-status list.lua
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")

echo "== pgbench on equivalent SQL (prepared, -c32 -j2 -T${DURATION})"
cat >"$DIR/pg-get.sql" <<SQL
\set n random(1, $ROWS)
SELECT d.*, pv.name, u.username, s.step_code, s.deadline FROM dossiers d
JOIN procedure_versions pv ON pv.code = d.procedure_code AND pv.version = d.procedure_version
LEFT JOIN users u ON u.id = d.assignee_id LEFT JOIN dossier_steps s ON s.id = d.current_step_id WHERE d.id = :n;
SQL
cat >"$DIR/pg-action.sql" <<SQL
\set n random(1, $ROWS)
BEGIN;
SELECT id FROM dossiers WHERE id = :n FOR UPDATE;
UPDATE dossiers SET version = version + 1, updated_at = now() WHERE id = :n;
INSERT INTO dossier_events (dossier_id, at, type, data) VALUES (:n, now(), 'bench', '{}');
COMMIT;
SQL
PG_GET=$(pgbench -n -M prepared -c32 -j2 -T"$DURATION" -f "$DIR/pg-get.sql" "$DB" 2>/dev/null | awk '/^tps/ {print $3}')
PG_ACTION=$(pgbench -n -M prepared -c32 -j2 -T"$DURATION" -f "$DIR/pg-action.sql" "$DB" 2>/dev/null | awk '/^tps/ {print $3}')
echo "   pgbench read: $PG_GET tps, write transaction: $PG_ACTION tps"

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
RECEIVER_PORT=18091
python3 scripts/bench/receiver.py $RECEIVER_PORT & RECEIVER_PID=$!
curl -sf -X POST "$URL/v1/webhooks" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"dossier.intake\"]}" >/dev/null
run_wrk intake+webhook intake.lua
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

{
  echo "# MotCua benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo
  echo "$TOTAL dossiers ($ROWS generated in ${LOAD_SECONDS}s, incl. steps and indexes). wrk -t2 -c32 -d${DURATION}s, server pool ${BENCH_POOL:-16}."
  echo
  echo "| operation | req/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${RESULTS[@]}"
  echo
  echo "Server peak RSS: $((RSS_KB / 1024)) MB. pgbench (prepared statements, -c32 -j2): read by id $PG_GET tps, lock+update+event transaction $PG_ACTION tps."
  echo
  echo "Evaluations (median of 5): unit report for a month ${EVAL_UNIT}s, officers' week ${EVAL_OFFICERS}s, province ranking for a month ${EVAL_RANKING}s."
  echo
  echo "Client library: sequential GETs on one connection, median of 3 alternating rounds: $CLIENT_RPS req/s vs wrk -t1 -c1 $WRK1 req/s ($RATIO)."
  echo
  echo "Webhooks (intake+webhook row: intake with a webhook on every intake event, receiver on this machine): $HOOK_DELIVERED events delivered at $HOOK_RATE events/s, lag from the writing transaction to the receiver's 2xx p50 ${HOOK_P50} ms, p99 ${HOOK_P99} ms; $HOOK_PENDING not delivered."
} | tee "$OUT"
