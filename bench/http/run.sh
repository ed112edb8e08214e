#!/usr/bin/env bash
# HTTP benchmark on loopback: the same endpoint open, secured by jwt-dropin, and secured by Payara's built-in
# MP-JWT (the same WAR without our jar), with one reused token and with a fresh token per request, in interleaved
# rounds. Reports req/s, p99 and server CPU-µs per request, and the ratios. Results: bench/target/http/results.md
# usage: bench/http/run.sh [seconds-per-run] [rounds]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
rounds=${2:-3}
connections=8
out=bench/target/http
dropin_port=18380 builtin_port=18381

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
mvn -q -B -pl bench -am package -DskipTests
mvn -q -B dependency:copy -Dartifact=fish.payara.extras:payara-micro:6.2025.10 -DoutputDirectory="$out" -Dmdep.stripVersion=true

# Keys, one token, a pool of 20 000 distinct tokens, and per DPoP proof algorithm a bound token with single-use
# proofs for /secured: enough for every round (ES256 proofs cost the server ~1.7 ms each, PS256 ~0.1 ms; a proof
# used twice would be a refused replay, counted as non-2xx). The proofs are signed before the run, so the WAR
# widens the proof window (jwtdropin.dpop.proof.window) to the run's length.
rm -rf "$out/keys" "$out/war"
java -cp bench/target/benchmarks.jar io.jwtdropin.bench.http.MintPool "$out/keys" 20000 \
  "http://127.0.0.1:$dropin_port/secured" $(( (rounds + 1) * duration * 1500 )) $(( (rounds + 1) * duration * 6500 ))

# One WAR, two ways: with our jar (dropin.war) and without (builtin.war).
war="$out/war"
mkdir -p "$war/WEB-INF/classes/io/jwtdropin/bench/http" "$war/WEB-INF/classes/META-INF"
cp bench/target/classes/io/jwtdropin/bench/http/{BenchApp,HelloResource}.class "$war/WEB-INF/classes/io/jwtdropin/bench/http/"
cp "$out/keys/publicKey.pem" "$war/WEB-INF/classes/publicKey.pem"
printf 'mp.jwt.verify.publickey.location=/publicKey.pem\nmp.jwt.verify.issuer=https://idp.bench.example\n' \
  > "$war/WEB-INF/classes/META-INF/microprofile-config.properties"
printf 'jwtdropin.dpop.proof.window=%s\njwtdropin.dpop.replay.max-entries=2000000\n' \
  $(( (rounds + 2) * duration * 10 + 600 )) >> "$war/WEB-INF/classes/META-INF/microprofile-config.properties"
: > "$war/WEB-INF/beans.xml"
(cd "$war" && jar cf ../builtin.war .)
mkdir -p "$war/WEB-INF/lib"
cp $(ls extension/target/jwt-dropin-*.jar | grep -vE 'original-|-sources|-javadoc') "$war/WEB-INF/lib/"
(cd "$war" && jar cf ../dropin.war .)

dropin_pid="" builtin_pid=""
stop() { for pid in $dropin_pid $builtin_pid; do kill "$pid" 2>/dev/null || true; done; }
trap stop EXIT
start() { # war port
  java -Xmx1g -XX:+UseSerialGC -jar "$out/payara-micro.jar" --deploy "$out/$1" --contextroot / --port "$2" \
    --prebootcommandfile bench/http/loopback.asadmin --disablephonehome --nocluster > "$out/${1%.war}.log" 2>&1 &
  echo $!
}
ready() { for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$1/open" && return 0; sleep 1; done; return 1; }
# One after the other, so that each deployment time is measured on an otherwise idle server.
dropin_pid=$(start dropin.war $dropin_port); ready $dropin_port
builtin_pid=$(start builtin.war $builtin_port); ready $builtin_port

: > "$out/runs.txt"
token=$(cat "$out/keys/token.txt")
export TOKENS="$out/keys/tokens.txt"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
check() { # name port path
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$2$3")
  echo "$1: HTTP $code"
}
check "jwt-dropin secured" $dropin_port /secured | tee "$out/status.txt"
check "built-in secured" $builtin_port /secured | tee -a "$out/status.txt"

run() { # name pid port path [lua]; /secured without a Lua script sends the one token
  local before after log requests auth=()
  [ "$4" = /secured ] && [ -z "${5:-}" ] && auth=(-H "Authorization: Bearer $token")
  before=$(cpu_ticks "$2")
  log=$(wrk -t1 -c$connections -d"${duration}s" --latency ${5:+-s "$5"} "${auth[@]}" "http://127.0.0.1:$3$4")
  after=$(cpu_ticks "$2")
  requests=$(echo "$log" | awk '/requests in/ {print $1}')
  local rps p99 non2xx
  rps=$(echo "$log" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$log" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$log" | awk '/Non-2xx/ {print $NF}')
  last_requests=$requests
  echo "$1|$rps|$p99|$(( (after - before) * 1000000 / ticks_per_second / (requests > 0 ? requests : 1) ))|${non2xx:-0}"
}

declare -A used=([ES256]=0 [PS256]=0) # proofs used so far, per algorithm: each is used once
# Warm-up: every case once, not recorded (the JIT would otherwise favour whatever runs later).
for round in warmup $(seq 1 "$rounds"); do
  {
    run "open" "$dropin_pid" $dropin_port /open
    run "jwt-dropin, one token" "$dropin_pid" $dropin_port /secured
    run "built-in, one token" "$builtin_pid" $builtin_port /secured
    run "jwt-dropin, token pool" "$dropin_pid" $dropin_port /secured bench/http/pool.lua
    run "built-in, token pool" "$builtin_pid" $builtin_port /secured bench/http/pool.lua
    for alg in ES256 PS256; do
      export DPOP_TOKEN PROOFS="$out/keys/dpop-$alg-proofs.txt" PROOF_OFFSET=${used[$alg]}
      DPOP_TOKEN=$(cat "$out/keys/dpop-$alg-token.txt")
      run "jwt-dropin, DPoP-bound token, $alg proofs" "$dropin_pid" $dropin_port /secured bench/http/dpop.lua
      # wrk counts completed requests; up to one per connection was sent but not counted when it stopped
      used[$alg]=$(( ${used[$alg]} + last_requests + connections ))
    done
  } > "$out/round.txt"
  [ "$round" = warmup ] || cat "$out/round.txt" >> "$out/runs.txt"
  cat "$out/round.txt"
done

# Median of the rounds per case, and ratios to the open endpoint and to the built-in.
python3 - "$out" <<'PY'
import statistics, sys, collections
out = sys.argv[1]
rows = collections.defaultdict(list)
for line in open(f"{out}/runs.txt"):
    name, rps, p99, cpu, non2xx = line.strip().split("|")
    rows[name].append((float(rps), p99, int(cpu), int(non2xx)))
med = {n: statistics.median(r[0] for r in v) for n, v in rows.items()}
cpu = {n: statistics.median(r[2] for r in v) for n, v in rows.items()}
lines = ["| case | req/s (median) | p99 (last round) | server CPU-µs/req | non-2xx | vs open | vs built-in |", "|---|---|---|---|---|---|---|"]
for n, v in rows.items():
    builtin = n.replace("jwt-dropin", "built-in")
    vs_builtin = f"{med[n] / med[builtin]:.2f}×" if n.startswith("jwt-dropin") and med.get(builtin) else ""
    lines.append(f"| {n} | {med[n]:.0f} | {v[-1][1]} | {cpu[n]} | {sum(r[3] for r in v)} | {med[n] / med['open']:.2f}× | {vs_builtin} |")
status = open(f"{out}/status.txt").read().strip().replace("\n", "; ")
import re
def deploy_ms(name):
    m = re.search(r"was successfully deployed in ([0-9,]+) milliseconds", open(f"{out}/{name}.log").read())
    return int(m.group(1).replace(",", "")) if m else None
d, b = deploy_ms("dropin"), deploy_ms("builtin")
deploy = f"Deployment of the same WAR: with our jar {d} ms, without {b} ms." if d and b else "Deployment times not found."
text = "\n".join(lines) + f"\n\nSingle-request check: {status}. {deploy}\n"
open(f"{out}/results.md", "w").write(text)
print(text)
PY
