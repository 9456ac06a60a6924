#!/usr/bin/env bash
# Runs Flipside's solver, SciPy's linear_sum_assignment and OR-Tools min-cost flow on the same
# instance files and prints the time ratios. Usage: bench/compare.sh [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-5}"
if ! /usr/bin/python3 -c 'import scipy' 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-scipy >/dev/null
fi
dotnet build -c Release bench/Flipside.Benchmarks -v q -nologo >/dev/null
BENCH="dotnet bench/Flipside.Benchmarks/bin/Release/net10.0/Flipside.Benchmarks.dll"
DIR="${INSTANCE_DIR:-$(mktemp -d)}"
[ -f "$DIR/dense-2000.bin" ] || $BENCH generate --kind dense --mentees 2000 --mentors 2000 --out "$DIR/dense-2000.bin" >/dev/null
[ -f "$DIR/capacitated-2000x1000.bin" ] || $BENCH generate --kind capacitated --mentees 2000 --mentors 1000 --out "$DIR/capacitated-2000x1000.bin" >/dev/null
[ -f "$DIR/sparse-10000x50000.bin" ] || $BENCH generate --kind sparse --mentees 10000 --mentors 50000 --candidates 50 --out "$DIR/sparse-10000x50000.bin" >/dev/null

ms() { sed -E 's/.*"total_ms": *([0-9.]+).*/\1/'; }
obj() { sed -E 's/.*"objective": *"([^"]+)".*/\1/'; }
printf '%-28s %12s %12s %12s %10s %10s %s\n' instance flipside_ms scipy_ms ortools_ms vs_scipy vs_ortools objectives
for f in "$DIR/dense-2000.bin" "$DIR/capacitated-2000x1000.bin" "$DIR/sparse-10000x50000.bin"; do
  ours=$($BENCH solve --instance "$f" --reps "$REPS")
  ort=$($BENCH ortools --instance "$f" --reps 3)
  if [[ "$f" == *sparse* ]]; then sci='{"objective":"-","total_ms":0}'; else sci=$(/usr/bin/python3 bench/scipy_lsa.py "$f" 3); fi
  a=$(echo "$ours" | ms); s=$(echo "$sci" | ms); o=$(echo "$ort" | ms)
  rs=$(/usr/bin/python3 -c "print('-' if $s == 0 else f'{$a/$s:.3f}')"); ro=$(/usr/bin/python3 -c "print(f'{$a/$o:.3f}')")
  printf '%-28s %12s %12s %12s %10s %10s %s\n' "$(basename "$f")" "$a" "$s" "$o" "$rs" "$ro" \
    "$(echo "$ours" | obj)/$(echo "$sci" | obj)/$(echo "$ort" | obj)"
done
