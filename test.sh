#!/usr/bin/env bash
# The one test command. Installs what the tests need, starts a throwaway PostgreSQL, runs every test
# project on SQLite and the integration tests again on PostgreSQL, and ends with "N passed, N failed, N skipped"
# (CI reads the line's start, "N passed, N failed").
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results=$(mktemp -d)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# A developer who is not root installs with sudo; CI runs as root.
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- a throwaway PostgreSQL server as an unprivileged user, on a free loopback port ---
# PostgreSQL refuses to run as root, so root runs it as a system user made for it; anyone else runs it as themselves.
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdir=$(mktemp -d /tmp/flipside-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  pguser=flipside-pg
  id "$pguser" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pguser"
  chown "$pguser" "$pgdir"
  as_pg() { runuser -u "$pguser" -- "$@"; }
else
  as_pg() { "$@"; }
fi
free_port() { # a port nothing answers on, found with bash alone
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}
pgport=$(free_port)
stop_pg() { as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pgdir" "$results"; }
trap stop_pg EXIT
as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/pg.log" -w \
  -o "-h 127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
echo "PostgreSQL ready on 127.0.0.1:$pgport"

# --- build once, check formatting, then test ---
dotnet build Flipside.slnx -c Release -nologo -clp:ErrorsOnly || { echo "The build failed."; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
dotnet format Flipside.slnx --verify-no-changes --no-restore --exclude '**/Migrations/**' ||
  { echo "Formatting differs: run 'dotnet format Flipside.slnx'"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

status=0
run_tests() { # name project [env...]
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=minimal" || status=1
}
run_tests matching tests/Flipside.Matching.Tests/Flipside.Matching.Tests.csproj
run_tests sqlite tests/Flipside.Tests/Flipside.Tests.csproj FLIPSIDE_TEST_PROVIDER=Sqlite
run_tests postgres tests/Flipside.Tests/Flipside.Tests.csproj FLIPSIDE_TEST_PROVIDER=Postgres \
  "FLIPSIDE_TEST_POSTGRES=Host=127.0.0.1;Port=$pgport;Username=postgres"
run_tests browser tests/Flipside.BrowserTests/Flipside.BrowserTests.csproj

passed=0; failed=0; skipped=0
count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(count passed "$counters"); f=$(count failed "$counters"); t=$(count total "$counters"); e=$(count executed "$counters")
  # A skipped test is in the total but not executed (the trx's notExecuted counter stays 0 for xunit skips).
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
[ "$passed" -gt 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && exit $status || exit 1
