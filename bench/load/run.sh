#!/usr/bin/env bash
# Every main page and API list under 32 concurrent connections, on a 50,000-person organisation (plus the demo's
# 300), against the authenticated floor /api/v1/account/me measured in the same run. Prints a markdown table.
#   bench/load/run.sh [SECONDS=10]        SQLite in a fresh folder
#   FLIPSIDE_LOAD_POSTGRES="Host=...;Username=...;Database=load" bench/load/run.sh   the same on PostgreSQL (an empty database)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
command -v wrk >/dev/null || { echo "Installing wrk ..."; ${SUDO:-} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build -c Release -nologo -clp:ErrorsOnly src/Flipside >/dev/null
dotnet build -c Release -nologo -clp:ErrorsOnly bench/Flipside.ImportBench >/dev/null
dotnet build -c Release -nologo -clp:ErrorsOnly bench/Flipside.LoadBench >/dev/null
F="dotnet src/Flipside/bin/Release/net10.0/Flipside.dll"
P="dotnet bench/Flipside.ImportBench/bin/Release/net10.0/Flipside.ImportBench.dll"
L="dotnet bench/Flipside.LoadBench/bin/Release/net10.0/Flipside.LoadBench.dll"
work=$(mktemp -d /tmp/flipside-load.XXXXXX)
port=$((20000 + RANDOM % 40000))
url=http://127.0.0.1:$port
if [ -n "${FLIPSIDE_LOAD_POSTGRES:-}" ]; then
  export Database__Provider=Postgres ConnectionStrings__Flipside=$FLIPSIDE_LOAD_POSTGRES
  provider=PostgreSQL
else
  provider=SQLite
fi
server=""
stop() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
trap 'stop; rm -rf "$work"' EXIT
serve() {
  $F --demo --data "$work/data" --urls "$url" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$url/health" && return 0; sleep 0.5; done
  echo "the server did not start:"; cat "$work/server.log"; exit 1
}

# The demo first (it wants an empty database), then 50,000 more people through the import.
serve; stop; server=""
$P generate --rows 50000 --out "$work/people.csv" >/dev/null
$F import people "$work/people.csv" --data "$work/data" >/dev/null
serve
admin=$($L cookie --url "$url" --email admin@flipside.demo)
manager=$($L cookie --url "$url" --email manager@flipside.demo)
mentor=$($L cookie --url "$url" --email mentor@flipside.demo)
pilot=$(curl -fs -H "$manager" "$url/api/v1/programs" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
cohort=$(curl -fs -H "$manager" "$url/api/v1/programs/$pilot/cohorts" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)

# Random paging and searching over the directory, the same list for every run (seeded).
people_paths=$(awk 'BEGIN { srand(7); split("an quality b0042 smith london", t, " ");
  for (i = 0; i < 400; i++) { if (i % 2) printf "/People?Search=%s&p=%d ", t[1 + int(rand() * 5)], 1 + int(rand() * 5); else printf "/People?p=%d ", 1 + int(rand() * 200) } }')
api_paths=$(awk 'BEGIN { srand(8); for (i = 0; i < 400; i++) printf "/api/v1/people?page=%d ", 1 + int(rand() * 200) }')

declare -a rows
floor=0
measure() { # name cookie path [paths...]
  local name=$1 cookie=$2 path=$3; shift 3
  local line
  line=$(wrk -t2 -c32 -d"${seconds}s" ${cookie:+-H "$cookie"} -s bench/load/report.lua "$url$path" -- "$@" | grep '^RESULT')
  read -r _ rps p50 p95 p99 errors total <<<"$line"
  [ "$name" = "/api/v1/account/me" ] && floor=$rps
  rows+=("$name|$rps|$p50|$p95|$p99|$errors|$total")
}
measure "/health" "" /health
measure "/api/v1/account/me" "$admin" /api/v1/account/me
measure "/ (administrator)" "$admin" /
measure "/ (program manager)" "$manager" /
measure "/ (participant)" "$mentor" /
measure "/Programs" "$manager" /Programs
measure "/api/v1/programs" "$manager" /api/v1/programs
measure "/People paging and searching at random" "$admin" /People $people_paths
measure "/api/v1/people at random pages" "$admin" /api/v1/people $api_paths
measure "/People/Imports" "$admin" /People/Imports
measure "cohort roster (pilot)" "$manager" "/Enrollment/Roster?cohortId=$cohort"
measure "matching board (pilot)" "$manager" "/Matching/Board?cohortId=$cohort"
measure "/api/v1/cohorts/{id}/matching" "$manager" "/api/v1/cohorts/$cohort/matching"
measure "/Enrollment/Mine (participant)" "$mentor" /Enrollment/Mine
measure "/api/v1/pairings/mine" "$mentor" /api/v1/pairings/mine
measure "/Admin/Users" "$admin" /Admin/Users
measure "/Admin/Outbox" "$admin" /Admin/Outbox
measure "/Admin/Audit" "$admin" /Admin/Audit
measure "/api/v1/audit" "$admin" /api/v1/audit
measure "program page (pilot)" "$manager" "/Programs/Program?id=$pilot"
measure "program health (pilot)" "$manager" "/Health/Program?id=$pilot"
measure "cohort health (pilot)" "$manager" "/Health/Cohort?id=$cohort"
measure "impact report (pilot)" "$manager" "/Impact/Report?programId=$pilot"
measure "cohort meetings (pilot)" "$manager" "/Sessions/Cohort?cohortId=$cohort"
measure "cohort surveys (pilot)" "$manager" "/Surveys/Cohort?cohortId=$cohort"
measure "cohort training (pilot)" "$manager" "/Training/Cohort?cohortId=$cohort"
measure "cohort agreements (pilot)" "$manager" "/Agreements/Cohort?cohortId=$cohort&programId=$pilot"
measure "insights (pilot)" "$manager" "/Insights/Program?programId=$pilot"
measure "showcase (pilot)" "$manager" "/Celebration/Showcase?programId=$pilot"
measure "/Surveys (participant)" "$mentor" /Surveys

echo
echo "$provider, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c32 -d${seconds}s, $(git rev-parse --short HEAD)"
echo
echo "| page | requests/s | × floor | p50 ms | p95 ms | p99 ms | errors | requests |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for row in "${rows[@]}"; do
  IFS='|' read -r name rps p50 p95 p99 errors total <<<"$row"
  ratio=$(awk -v a="$rps" -v b="$floor" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')
  echo "| $name | $rps | $ratio | $p50 | $p95 | $p99 | $errors | $total |"
done
