#!/usr/bin/env bash
# The server's own processor time per request: read from /proc around wrk -t1 -c4, so a loaded machine changes
# the waiting, not the figure.   bench/load/cputime.sh PID "Cookie: ..." URL [SECONDS=5]
pid=$1; cookie=$2; url=$3; s=${4:-5}
t0=$(awk '{print $14+$15}' /proc/$pid/stat)
out=$(wrk -t1 -c4 -d${s}s ${cookie:+-H "$cookie"} "$url" 2>&1)
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
n=$(echo "$out" | grep -o '[0-9]* requests in' | cut -d' ' -f1)
bad=$(echo "$out" | grep -o 'Non-2xx or 3xx responses: [0-9]*' | grep -o '[0-9]*$')
tck=$(getconf CLK_TCK)
awk -v a=$t0 -v b=$t1 -v n=$n -v t=$tck -v u="$url" -v bad="${bad:-0}" 'BEGIN { printf "%7.1f ms/request  n=%d bad=%d  %s\n", (b-a)*1000/t/n, n, bad, u }'
