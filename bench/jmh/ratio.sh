#!/usr/bin/env bash
# The uncached verification path against the bare JCA floor, measured in alternating short JMH runs so that both see
# the same machine: this shared 2-core VM drifts by 20-50 % over minutes, more than the gap being measured.
# Usage: bench/jmh/ratio.sh [ROUNDS] [ALG]   (after: mvn -pl bench -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-7}
alg=${2:-RS256}
jar=bench/target/benchmarks.jar
out=bench/target/jmh-ratio
mkdir -p "$out"
score() { # benchmark -> µs/op
  java -jar "$jar" "VerificationBenchmark.$1\$" -p alg="$alg" -f 1 -wi 2 -w 1 -i 3 -r 1 -rf csv -rff "$out/$1.csv" >/dev/null
  awk -F, 'NR==2 {gsub(/"/,"",$5); print $5}' "$out/$1.csv"
}
echo "round floor_us ours_us ratio" | tee "$out/rounds.txt"
for i in $(seq 1 "$rounds"); do
  floor=$(score jcaVerify)
  ours=$(score jwtDropin)
  echo "$i $floor $ours $(awk -v f="$floor" -v o="$ours" 'BEGIN {printf "%.3f", f / o}')" | tee -a "$out/rounds.txt"
done
awk 'NR>1 {print $4}' "$out/rounds.txt" | sort -n | awk '{a[NR]=$1} END {print "median floor/ours ratio over " NR " rounds: " a[int((NR+1)/2)]}' \
  | tee -a "$out/rounds.txt"
