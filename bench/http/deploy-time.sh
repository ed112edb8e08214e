#!/usr/bin/env bash
# Deployment time with and without our jar: boots Payara Micro with the benchmark WAR built by run.sh, alternately
# with our jar (dropin.war) and without it (builtin.war, the server's own MP-JWT), N times each, one boot at a time
# on an idle machine, and reports Payara's "deployed in N ms" medians and the jar's own start-up (JWTD-001).
# usage: bench/http/deploy-time.sh [boots-each]   (after bench/http/run.sh, from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
boots=${1:-5}
out=bench/target/http
port=18382
[ -f "$out/builtin.war" ] || { echo "run bench/http/run.sh first" >&2; exit 1; }
# dropin.war again, with the jar as built now
rm -f "$out"/war/WEB-INF/lib/*.jar
cp $(ls extension/target/jwt-dropin-*.jar | grep -vE 'original-|-sources|-javadoc') "$out/war/WEB-INF/lib/"
(cd "$out/war" && jar cf ../dropin.war .)
: > "$out/deploy-times.txt"
boot() { # war
  local log="$out/deploy-${1%.war}.log" pid
  java -Xmx1g -XX:+UseSerialGC -jar "$out/payara-micro.jar" --deploy "$out/$1" --contextroot / --port $port \
    --prebootcommandfile bench/http/loopback.asadmin --disablephonehome --nocluster > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do grep -q "was successfully deployed in" "$log" && break; sleep 1; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local ms own
  ms=$(grep -o "was successfully deployed in [0-9,]* milliseconds" "$log" | tr -dc '0-9')
  own=$(grep -o "JWTD-001 jwt-dropin active (started in [0-9]* ms)" "$log" | tr -dc '0-9' | sed 's/^001//' || true)
  echo "${1%.war} $ms ${own:--}" | tee -a "$out/deploy-times.txt"
}
for _ in $(seq 1 "$boots"); do boot dropin.war; boot builtin.war; done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
d=$(awk '$1=="dropin" {print $2}' "$out/deploy-times.txt" | median)
b=$(awk '$1=="builtin" {print $2}' "$out/deploy-times.txt" | median)
own=$(awk '$1=="dropin" && $3!="-" {print $3}' "$out/deploy-times.txt" | median)
echo "median over $boots boots each: with our jar $d ms, without $b ms, difference $((d - b)) ms; the jar's own start-up (JWTD-001) $own ms" \
  | tee -a "$out/deploy-times.txt"
