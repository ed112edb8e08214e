#!/usr/bin/env bash
# Where a server's time goes under load: starts one server of run.sh's (the WARs run.sh built), gives it 75 s of the
# same load to warm up, then records JFR execution samples (every 10 ms, bench/http/sampling.jfc) during the measured
# load and prints where the samples fall (bench/http/profile-report.py): per layer of a secured request (our jar, the server's
# authentication, authorization, CDI, JAX-RS, ...) with its share of the server's CPU-µs per request, the methods on
# top of the stack, and the security methods anywhere on it.
# Results: bench/target/http/<server>/profile-<role>-<path>.{jfr,md}
# usage: bench/http/profile.sh [server] [role] [path] [seconds] [token]   (after bench/http/run.sh <server>)
#        server: payara (default), glassfish, wildfly, liberty; role: dropin (default), builtin, standard;
#        path: /caller (default), /secured, /open; token: one (default: the same token on every request) or fresh
#        (a token per request, bench/http/pool.lua). TOP=n rows per table (30).
#        Compare two profiles' layer tables (e.g. /caller against /open) to see what securing a request costs.
set -euo pipefail
cd "$(dirname "$0")/../.."
server=${1:-payara}
role=${2:-dropin}
path=${3:-/caller}
seconds=${4:-25}
token_mode=${5:-one}
out=bench/target/http/$server
. bench/http/servers.sh
[ -f "$out/$role.war" ] || { echo "no $out/$role.war: run bench/http/run.sh $server first" >&2; exit 1; }
port=$(server_port "$role")
name="profile-$role-${path#/}-$token_mode"
pid=""
trap 'kill_quietly "$pid"' EXIT
# JFR starts with the JVM: started later, on a loaded server, it cut Payara's throughput to a tenth for a minute.
JVM_EXTRA="-XX:StartFlightRecording=name=boot,settings=$PWD/bench/http/sampling.jfc"
pid=$(server_start "$role" "$out/$role.war")
ready "$port" "$role"

load() { # seconds
  if [ "$path" = /open ]; then wrk -t1 -c32 -d"$1s" "http://127.0.0.1:$port/open"
  elif [ "$token_mode" = fresh ]; then TOKENS="$out/keys/tokens.txt" wrk -t1 -c32 -d"$1s" -s bench/http/pool.lua "http://127.0.0.1:$port$path"
  else wrk -t1 -c32 -d"$1s" -H "Authorization: Bearer $(cat "$out/keys/token.txt")" "http://127.0.0.1:$port$path"; fi
}
load 75 > /dev/null
jcmd "$pid" JFR.start name=window settings="$PWD/bench/http/sampling.jfc" > /dev/null
ticks_before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
load "$seconds" | tee "$out/$name.wrk" | grep -E 'Requests/sec|Non-2xx' || true
ticks_after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
jcmd "$pid" JFR.stop name=window filename="$PWD/$out/$name.jfr" > /dev/null
requests=$(awk '/requests in/ {print $1}' "$out/$name.wrk")
cpu_us=$(( (ticks_after - ticks_before) * 1000000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) ))
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

jfr print --events jdk.ExecutionSample --stack-depth 400 "$out/$name.jfr" > "$out/$name.txt"
python3 bench/http/profile-report.py "$out/$name.txt" "$server $role $path, $token_mode token, $seconds s" "$cpu_us" \
  "${TOP:-30}" > "$out/$name.md"
echo "profile: $out/$name.md (recording $out/$name.jfr)"
sed -n '1,20p' "$out/$name.md"
