#!/usr/bin/env bash
# The drift guard of `make bench`: one request of each operation through a second, traced server, and
# scripts/bench/sqlcheck.py comparing the statements it sent with scripts/bench/pg-<operation>.sql.
#
# Usage: scripts/bench/trace.sh DATABASE_URL POSTGRES_LOG SERVER_BINARY HTTP_PORT TOKEN
# Needs the fixtures of scripts/bench/fixtures.sql; acts on BENCH.01-200101-0001 and BENCH.02-200101-0001
# (accepted, assigned and resolved) and files one dossier. The traced server has one connection,
# application_name motcua-trace, and its background loops asleep, so every statement of that
# application between two marks is the request's. Each kind of request runs once untraced first, to
# fill the server's caches (token, calendar, procedure version) as they are under load.
# Prints one line per operation; exits 1 when a pgbench script differs from what the server sent.
set -euo pipefail
db=$1 log=$2 server=$3 port=$4 token=$5
app=motcua-trace
url=http://127.0.0.1:$port
cd "$(dirname "$0")/../.."
psql=(psql -q -X -v ON_ERROR_STOP=1 "$db")

"${psql[@]}" -c "ALTER SYSTEM SET log_statement = 'all'" -c "ALTER SYSTEM SET log_line_prefix = '%a|%p|'" -c "SELECT pg_reload_conf()" >/dev/null
DATABASE_URL="$db?application_name=$app" MOTCUA_PORT=$port MOTCUA_DB_POOL_SIZE=1 MOTCUA_LOG_LEVEL=warning \
  MOTCUA_SWEEP_INTERVAL_SECONDS=0 MOTCUA_FEED_INTERVAL_MS=60000 MOTCUA_WEBHOOK_INTERVAL_MS=60000 "$server" serve >/dev/null 2>&1 &
pid=$!
finish() {
  kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  "${psql[@]}" -c "ALTER SYSTEM RESET log_statement" -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null
}
trap finish EXIT
for _ in $(seq 1 100); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done

# The requests of scripts/bench/*.lua.
intake='{"procedureCode":"2.000884","receivingUnit":"BENCH.01","channel":"counter","applicant":{"fullName":"Nguyễn Văn Bench 0","idNumber":"001190000000"},"documents":[{"code":"CCCD","name":"Căn cước"},{"code":"GT","name":"Giấy tờ cần chứng thực","digitized":true}]}'
request() {  # operation dossier
  local auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
  local status
  case $1 in
    get-by-code) status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$url/v1/dossiers/BENCH.01-190101-0001") ;;
    list-unit-status) status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$url/v1/dossiers?limit=50&unit=BENCH.01&status=in_progress") ;;
    intake) status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -X POST "$url/v1/dossiers" -d "$intake") ;;
    accept) status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -X POST "$url/v1/dossiers/$2/accept" -d '{}') ;;
    assign) status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -X POST "$url/v1/dossiers/$2/assign" \
              -d "{\"assignee\":\"bench.s${2:6:2}a\"}") ;;
    resolve) status=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -X POST "$url/v1/dossiers/$2/resolve" -d '{}') ;;
  esac
  case $status in 2??) ;; *) echo "trace: $1 answered $status" >&2 ;; esac
}
ops=(get-by-code list-unit-status intake accept assign resolve)
for op in "${ops[@]}"; do request "$op" BENCH.01-200101-0001; done
for op in "${ops[@]}"; do
  psql -q -X "$db?application_name=$app" -c "SELECT 'TRACE $op'" >/dev/null
  request "$op" BENCH.02-200101-0001
done
psql -q -X "$db?application_name=$app" -c "SELECT 'TRACE end'" >/dev/null
finish
trap - EXIT
python3 scripts/bench/sqlcheck.py "$log" "$app" scripts/bench "${ops[@]}"
