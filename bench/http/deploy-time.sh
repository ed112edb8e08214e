#!/usr/bin/env bash
# Deployment time with and without our jar: boots Payara Micro with the benchmark WAR built by run.sh, alternately
# with our jar (dropin.war) and without it (builtin.war, the server's own MP-JWT), N times each, one boot at a time
# on an idle machine, and reports the median deployment time (from the runtime being up to the application being
# served, read from the log's timestamps), the deploying thread's CPU time until then, and the jar's own start-up (JWTD-001).
# usage: bench/http/deploy-time.sh [boots-each]   (after bench/http/run.sh payara, from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
boots=${1:-5}
out=bench/target/http/payara
port=18382
[ -f "$out/builtin.war" ] || { echo "run bench/http/run.sh payara first" >&2; exit 1; }
. bench/http/payara-boot.sh
dropin_war
inert_war
# inert-nogson.war and inert-own.war: the inert jar without the shaded Gson, and without any of nimbus (our own
# classes only): what the server's scan of the jar costs per part (booted by deploy-profile.sh, not here).
for variant in nogson:'io/jwtdropin/internal/nimbusds/jose/shaded/gson/*' own:'io/jwtdropin/internal/*'; do
  rm -rf "$out/inert-${variant%%:*}" && cp -r "$out/inert" "$out/inert-${variant%%:*}"
  zip -q -d "$out"/inert-"${variant%%:*}"/WEB-INF/lib/jwt-dropin-*.jar "${variant#*:}"
  (cd "$out/inert-${variant%%:*}" && jar cf "../inert-${variant%%:*}.war" .)
done
# fullscan.war: our jar as it was before its web-fragment said metadata-complete="true" (what that attribute gives)
rm -rf "$out/fullscan" "$out/fullscan-meta" && cp -r "$out/war" "$out/fullscan" && mkdir -p "$out/fullscan-meta/META-INF"
unzip -p "$out"/war/WEB-INF/lib/jwt-dropin-*.jar META-INF/web-fragment.xml | sed 's/ metadata-complete="true"//' \
  > "$out/fullscan-meta/META-INF/web-fragment.xml"
(cd "$out/fullscan-meta" && zip -q ../fullscan/WEB-INF/lib/jwt-dropin-*.jar META-INF/web-fragment.xml)
(cd "$out/fullscan" && jar cf ../fullscan.war .)
onejar_war
: > "$out/deploy-times.txt"
server_pid=
trap 'kill_quietly "$server_pid"' EXIT
stamp() { # log pattern -> epoch ms of the first log record containing it
  date -d "$(grep -a -m1 "$2" "$1" | grep -o '^\[[0-9T:.+-]*' | tr -d '[')" +%s%3N
}
boot() { # war
  local log="$out/deploy-${1%.war}.log" pid name=${1%.war}
  payara_boot "$name" "$log"
  pid=$server_pid
  # CPU time of the thread that deploys (the JVM's "main", named java like the launcher thread that only waits):
  # steadier than wall time on a shared machine, and without the JIT and GC threads.
  if grep -aq "Exception while loading the app" "$log"; then echo "$1 failed to deploy; see $log" >&2; exit 1; fi
  local cpu
  cpu=$(for t in /proc/$pid/task/*; do if [ "$(cat "$t/comm")" = java ]; then cat "$t/stat"; fi; done \
    | awk -v hz="$(getconf CLK_TCK)" '{s += $14 + $15} END {printf "%d", s * 1000 / hz}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local ms own
  # From the runtime's own "startup time" record (the server is up, the deployment begins) to the app being served.
  ms=$(( $(stamp "$log" "Loading application \[$name\] at") - $(stamp "$log" "startup time : Embedded") ))
  own=$(grep -ao "JWTD-001 jwt-dropin active (started in [0-9]* ms)" "$log" | tr -dc '0-9' | sed 's/^001//' || true)
  echo "$name $ms ${own:--} $cpu" | tee -a "$out/deploy-times.txt"
}
for _ in $(seq 1 "$boots"); do boot dropin.war; boot builtin.war; boot inert.war; boot fullscan.war; boot onejar.war; done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
d=$(awk '$1=="dropin" {print $2}' "$out/deploy-times.txt" | median)
b=$(awk '$1=="builtin" {print $2}' "$out/deploy-times.txt" | median)
own=$(awk '$1=="dropin" && $3!="-" {print $3}' "$out/deploy-times.txt" | median)
i=$(awk '$1=="inert" {print $2}' "$out/deploy-times.txt" | median)
ic=$(awk '$1=="inert" {print $4}' "$out/deploy-times.txt" | median)
dc=$(awk '$1=="dropin" {print $4}' "$out/deploy-times.txt" | median)
f=$(awk '$1=="fullscan" {print $2}' "$out/deploy-times.txt" | median)
fc=$(awk '$1=="fullscan" {print $4}' "$out/deploy-times.txt" | median)
bc=$(awk '$1=="builtin" {print $4}' "$out/deploy-times.txt" | median)
o=$(awk '$1=="onejar" {print $2}' "$out/deploy-times.txt" | median)
oc=$(awk '$1=="onejar" {print $4}' "$out/deploy-times.txt" | median)
echo "median over $boots boots each: with our jar $d ms, without $b ms, difference $((d - b)) ms;" \
  "CPU of the deploying thread until served $dc ms vs $bc ms, difference $((dc - bc)) ms; the jar's own start-up (JWTD-001) $own ms;" \
  "the inert jar (classes only): $i ms, CPU $ic ms, i.e. its presence $((i - b)) ms / CPU $((ic - bc)) ms;" \
  "without metadata-complete in its web-fragment: $f ms, CPU $fc ms ($((f - d)) ms / CPU $((fc - dc)) ms more than with it);" \
  "a jar of one empty class instead of ours: $o ms, CPU $oc ms ($((o - b)) ms / CPU $((oc - bc)) ms more than without any)" \
  | tee -a "$out/deploy-times.txt"
