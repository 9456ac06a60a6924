#!/usr/bin/env bash
# Issue 12's program health and impact report under 32 concurrent connections, against the authenticated floor /api/v1/account/me in the
# same run: the API and the page of each for a program of 5,000 pairs with 60,000 pulse answers and baseline and final
# survey answers, on the demo plus `seed-health`.
# Prints a markdown table like meetings.sh's.
#   [CONNECTIONS=32] bench/load/health.sh [SECONDS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${CONNECTIONS:-32}   # CONNECTIONS=1 gives the latency of one request at a time
threads=$(( connections < 2 ? 1 : 2 ))   # wrk wants at least one connection a thread
command -v wrk >/dev/null || { echo "Installing wrk ..."; ${SUDO:-} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build -c Release -nologo -clp:ErrorsOnly bench/Flipside.LoadBench >/dev/null
F="dotnet src/Flipside/bin/Release/net10.0/Flipside.dll"
L="dotnet bench/Flipside.LoadBench/bin/Release/net10.0/Flipside.LoadBench.dll"
work=$(mktemp -d /tmp/flipside-health.XXXXXX)
port=$((20000 + RANDOM % 40000))
url=http://127.0.0.1:$port
server=""
stop() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
trap 'stop; rm -rf "$work"' EXIT
serve() {
  $F --demo --data "$work/data" --urls "$url" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$url/health" && return 0; sleep 0.5; done
  echo "the server did not start:"; cat "$work/server.log"; exit 1
}

serve; stop; server=""
seeded=$($L seed-health --data "$work/data" --pairings "${PAIRINGS:-5000}" --answers "${ANSWERS:-60000}")
program=$(awk '$1 == "program" { print $2 }' <<<"$seeded")
cohort=$(awk '$1 == "cohort" { print $2 }' <<<"$seeded")
serve
manager=$($L cookie --url "$url" --email manager@flipside.demo)
for path in "/api/v1/programs/$program/health" "/Health/Program?id=$program" "/api/v1/cohorts/$cohort/health" \
  "/api/v1/programs/$program/impact" "/Impact/Report?programId=$program"; do
  curl -fs -o /dev/null -H "$manager" "$url$path" || { echo "$path does not answer 200"; exit 1; }
done

declare -a rows
floor=0
measure() { # name cookie path
  local line
  line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" ${2:+-H "$2"} -s bench/load/report.lua "$url$3" | grep '^RESULT')
  read -r _ rps p50 p95 p99 errors total <<<"$line"
  [ "$1" = "/api/v1/account/me" ] && floor=$rps
  rows+=("$1|$rps|$p50|$p95|$p99|$errors|$total")
}
measure "/api/v1/account/me" "$manager" /api/v1/account/me
measure "/api/v1/programs/{id}/health, 5,000 pairs" "$manager" "/api/v1/programs/$program/health"
measure "/Health/Program, 5,000 pairs" "$manager" "/Health/Program?id=$program"
measure "/api/v1/programs/{id}/impact" "$manager" "/api/v1/programs/$program/impact"
measure "/Impact/Report" "$manager" "/Impact/Report?programId=$program"

echo
echo "SQLite, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t$threads -c$connections -d${seconds}s, $(git rev-parse --short HEAD)"
echo
echo "| page | requests/s | × floor | p50 ms | p95 ms | p99 ms | errors | requests |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for row in "${rows[@]}"; do
  IFS='|' read -r name rps p50 p95 p99 errors total <<<"$row"
  ratio=$(awk -v a="$rps" -v b="$floor" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')
  echo "| $name | $rps | $ratio | $p50 | $p95 | $p99 | $errors | $total |"
done
