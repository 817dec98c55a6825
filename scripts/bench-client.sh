#!/usr/bin/env bash
# Client benchmark (issue 7): MotCuaClient against wrk on the same URL.
#
# Usage: scripts/bench-client.sh SERVER_URL TOKEN DOSSIER_CODE
#   SERVER_URL    base URL of a running server, e.g. http://127.0.0.1:8080
#   TOKEN         a bearer token allowed to read the dossier
#   DOSSIER_CODE  an existing dossier code, e.g. H15.50.05.13-260213-0001
# Environment:
#   BENCH_REQUESTS  client requests per round (default 10000)
#   BENCH_DURATION  wrk duration per round (default 5s)
#   BENCH_ROUNDS    rounds (default 3)
#   BENCH_SCRATCH   SwiftPM scratch path for the release build (default .build)
#   BENCH_STRICT=1  exit 1 when the client reaches less than 80% of wrk's rate
#
# Builds motcua-bench in release, then alternates, BENCH_ROUNDS times: BENCH_REQUESTS sequential
# GET /v1/dossiers/{code} through MotCuaClient on one keep-alive connection, and `wrk -t1 -c1` with
# the same Authorization header on the same URL. Alternating keeps a slow moment of a shared machine
# from landing on one side only. Prints the median rate of each and their ratio (target >= 80%); the
# last line is machine-readable: `client_rps=... wrk_rps=... ratio=...`.
set -euo pipefail

if [ $# -ne 3 ]; then
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 1
fi
server="${1%/}"
token="$2"
code="$3"
requests="${BENCH_REQUESTS:-10000}"
duration="${BENCH_DURATION:-5s}"
rounds="${BENCH_ROUNDS:-3}"
scratch="${BENCH_SCRATCH:-.build}"
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { echo "bench-client: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

echo "== building motcua-bench (release)"
swift build -c release --product motcua-bench --scratch-path "$scratch" >&2
bench="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/motcua-bench"

client_runs=()
wrk_runs=()
for round in $(seq 1 "$rounds"); do
    client_out="$("$bench" "$server" "$token" "$code" "$requests")"
    client_runs+=("$(echo "$client_out" | sed -n 's/^client_rps=//p')")
    wrk_out="$(wrk -t1 -c1 -d"$duration" -H "Authorization: Bearer $token" "$server/v1/dossiers/$code")"
    if echo "$wrk_out" | grep -q 'Non-2xx'; then
        echo "bench-client: wrk got non-2xx answers; check the token and the dossier code" >&2
        exit 1
    fi
    wrk_runs+=("$(echo "$wrk_out" | awk '/^Requests\/sec:/ {print $2}')")
    echo "round $round: client ${client_runs[-1]} req/s ($requests requests), wrk -t1 -c1 ${wrk_runs[-1]} req/s ($duration)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
client_rps="$(median "${client_runs[@]}")"
wrk_rps="$(median "${wrk_runs[@]}")"

ratio="$(awk -v c="$client_rps" -v w="$wrk_rps" 'BEGIN { printf "%.1f", (w > 0 ? 100 * c / w : 0) }')"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r >= 80 ? "PASS" : "BELOW TARGET") }')"
echo
echo "client  ${client_rps} req/s (median of $rounds)"
echo "wrk     ${wrk_rps} req/s (median of $rounds)"
echo "ratio   ${ratio}% of wrk (target >= 80%): ${verdict}"
echo "client_rps=$client_rps wrk_rps=$wrk_rps ratio=$ratio%"
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$verdict" != PASS ]; then exit 1; fi
