#!/usr/bin/env bash
# Issue 13's SCIM provisioning: an identity provider creates 1,000 users then patches each, 8 requests at a time, against
# the demo in a fresh folder. Prints LoadBench's per-phase lines (count, errors, p50, p95, p99, max) and the machine's load.
#   [USERS=1000] [CONCURRENCY=8] bench/load/scim.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -nologo -clp:ErrorsOnly bench/Flipside.LoadBench >/dev/null
F="dotnet src/Flipside/bin/Release/net10.0/Flipside.dll"
L="dotnet bench/Flipside.LoadBench/bin/Release/net10.0/Flipside.LoadBench.dll"
work=$(mktemp -d /tmp/flipside-scim.XXXXXX)
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

serve
token=$($L scim-token --data "$work/data" --name Benchmark)
echo "SQLite, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(git rev-parse --short HEAD)"
$L scim --url "$url" --token "$token" --users "${USERS:-1000}" --concurrency "${CONCURRENCY:-8}"
