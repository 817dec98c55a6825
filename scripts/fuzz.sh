#!/usr/bin/env bash
# The contract fuzz: schemathesis generates requests from openapi.yaml (valid and invalid ones) and
# sends them to a live server on a private PostgreSQL with the demo data, as the demo admin (a national
# admin, so most operations get past authorisation). Every answer must be documented by the contract
# (status, content type, headers, body schema) and none may be a server error.
# FUZZ_EXAMPLES (default 5) examples per operation and mode; make test runs the default (over 1,000
# requests), make fuzz a longer run. Needs .venv/bin/schemathesis (make tools) and a built server.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug}
EXAMPLES=${FUZZ_EXAMPLES:-5}
DIR=/tmp/motcua-fuzz
PG_PORT=25900  # below the ephemeral port range, so no outgoing connection holds it
HTTP_PORT=18290
URL=http://127.0.0.1:$HTTP_PORT
DB=$(scripts/test-db.sh start $DIR/db $PG_PORT)
cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/test-db.sh stop $DIR/db
}
trap cleanup EXIT
DATABASE_URL=$DB MOTCUA_PORT=$HTTP_PORT MOTCUA_SEED_DEMO=true MOTCUA_LOG_LEVEL=error MOTCUA_BCRYPT_COST=4 \
  MOTCUA_SWEEP_INTERVAL_SECONDS=0 MOTCUA_REPORTS_PER_USER=16 "$BIN/motcua-server" serve >"$DIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do curl -sf "$URL/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
TOKEN=$(curl -sf -X POST "$URL/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"motcua-demo-2026"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
# Logging out would revoke the fuzzer's own token: that operation is tested in the suite.
.venv/bin/schemathesis run openapi.yaml --url "$URL" -H "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --exclude-operation-id revokeCurrentToken --exclude-operation-id revokeUserTokens --exclude-operation-id changeOwnPassword \
  --max-examples "$EXAMPLES" --seed "${FUZZ_SEED:-20261205}" --workers 1 --request-timeout 70 --no-color \
  --report ndjson --report-ndjson-path "$DIR/events.ndjson" | tee "$DIR/schemathesis.log" | tail -n 40
generated=$(grep -o '[0-9]* generated' "$DIR/schemathesis.log" | tail -n 1 | cut -d' ' -f1)
echo "== fuzz: ${generated:-0} generated requests, no server error, every answer as the contract says"
[ "${generated:-0}" -ge 1000 ] || { echo "fewer than 1,000 requests were generated"; exit 1; }
