#!/usr/bin/env bash
# HTTP benchmark on loopback, one server at a time: the same WAR secured by jwt-dropin and by the server's own MP-JWT
# (the WAR without our jar), two servers side by side, in interleaved rounds. Two secured endpoints: the light one
# (@RolesAllowed, SecurityContext, one line) and what an MP-JWT application does (a request-scoped resource that
# injects JsonWebToken and answers with name and groups), each with one reused token and with a fresh token per
# request, beside the open endpoint. Reports req/s, p99 and server CPU-µs per request, and the ratios.
# Results: bench/target/http/<server>/results.md
# usage: bench/http/run.sh [server] [seconds-per-run] [rounds] [connections]   (from the repository root)
#        environment: DPOP=0 leaves out the DPoP cases (and the minutes their proofs take to sign);
#        BENCH_CONFIG="key=value ..." adds configuration to both WARs (e.g. jwtdropin.mechanism.direct=false)
#        server: payara (default, Payara Micro 6), glassfish (7), wildfly (39), liberty (Open Liberty 25: ours runs
#        without mpJwt, the built-in is a second server with mpJwt-2.1)
set -euo pipefail
cd "$(dirname "$0")/../.."
server=${1:-payara}
duration=${2:-10}
rounds=${3:-3}
connections=${4:-32}
out=bench/target/http/$server
mkdir -p "$out"
. bench/http/servers.sh
dropin_port=$(server_port dropin) builtin_port=$(server_port builtin)

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
command -v unzip >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip; }
mvn -q -B -pl bench -am package -DskipTests
server_prepare

# Keys, one token, a pool of 20 000 distinct tokens, and per DPoP proof algorithm a bound token with single-use
# proofs for /secured: enough for every round (ES256 proofs cost the server ~1.7 ms each, PS256 ~0.1 ms; a proof
# used twice would be a refused replay, counted as non-2xx). The proofs are signed before the run, so the WAR
# widens the proof window (jwtdropin.dpop.proof.window) to the run's length.
rm -rf "$out/keys" "$out/war"
dpop=${DPOP:-1}
if [ "$dpop" = 1 ]; then
  java -cp bench/target/benchmarks.jar io.jwtdropin.bench.http.MintPool "$out/keys" 20000 \
    "http://127.0.0.1:$dropin_port/secured" $(( (rounds + 1) * duration * 1500 )) $(( (rounds + 1) * duration * 6500 ))
else
  java -cp bench/target/benchmarks.jar io.jwtdropin.bench.http.MintPool "$out/keys" 20000
fi

# One WAR, two ways: with our jar (dropin.war) and without (builtin.war). web.xml switches on RESTEasy's @RolesAllowed (WildFly) for both, as our jar's
# web-fragment would for ours alone.
war="$out/war"
mkdir -p "$war/WEB-INF/classes/io/jwtdropin/bench/http" "$war/WEB-INF/classes/META-INF"
cp bench/target/classes/io/jwtdropin/bench/http/{BenchApp,HelloResource,CallerResource}.class "$war/WEB-INF/classes/io/jwtdropin/bench/http/"
cp "$out/keys/publicKey.pem" "$war/WEB-INF/classes/publicKey.pem"
{ printf 'mp.jwt.verify.publickey.location=/publicKey.pem\n'
  printf 'mp.jwt.verify.issuer=https://idp.bench.example\nmp.jwt.verify.audiences=bench\n'
  printf 'jwtdropin.dpop.proof.window=%s\njwtdropin.dpop.replay.max-entries=2000000\n' $(( (rounds + 2) * duration * 12 + 600 ))
  for setting in ${BENCH_CONFIG:-}; do echo "$setting"; done
} > "$war/WEB-INF/classes/META-INF/microprofile-config.properties"
: > "$war/WEB-INF/beans.xml"
cat > "$war/WEB-INF/web.xml" <<'XML'
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
  <context-param><param-name>resteasy.role.based.security</param-name><param-value>true</param-value></context-param>
</web-app>
XML
(cd "$war" && jar cf ../builtin.war .)
mkdir -p "$war/WEB-INF/lib"
cp "$(dropin_jar)" "$war/WEB-INF/lib/"
if [ "$server" = liberty ]; then # Liberty without mpJwt gives the application no MP-JWT API: the WAR brings it
  mvn -q -B dependency:copy -Dartifact="org.eclipse.microprofile.jwt:microprofile-jwt-auth-api:$(pom_version mp-jwt.version)" \
    -DoutputDirectory="$war/WEB-INF/lib"
fi
(cd "$war" && jar cf ../dropin.war .)
# standard.war: the same with the mechanism behind the server's own Soteria bridge (its per-request look-ups)
standard=$([ "$server" = liberty ] && echo 0 || echo "${STANDARD:-1}")
if [ "$standard" = 1 ]; then
  rm -rf "$out/war-standard" && cp -r "$war" "$out/war-standard"
  echo "jwtdropin.mechanism.direct=false" >> "$out/war-standard/WEB-INF/classes/META-INF/microprofile-config.properties"
  (cd "$out/war-standard" && jar cf ../standard.war .)
fi

dropin_pid="" builtin_pid="" standard_pid=""
stop() { for pid in $dropin_pid $builtin_pid $standard_pid; do kill_quietly "$pid"; done; }
trap stop EXIT
# One after the other, so that each deployment time is measured on an otherwise idle server.
dropin_pid=$(server_start dropin "$out/dropin.war"); ready $dropin_port dropin
builtin_pid=$(server_start builtin "$out/builtin.war"); ready $builtin_port builtin
if [ "$standard" = 1 ]; then
  standard_port=$(server_port standard)
  standard_pid=$(server_start standard "$out/standard.war"); ready "$standard_port" standard
fi

: > "$out/runs.txt"; rm -f "$out/results.md"
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
check "jwt-dropin caller" $dropin_port /caller | tee -a "$out/status.txt"
check "built-in caller" $builtin_port /caller | tee -a "$out/status.txt"
[ "$standard" = 1 ] && check "jwt-dropin standard bridge caller" "$standard_port" /caller | tee -a "$out/status.txt"
# A benchmark of refusals would be meaningless: every secured case must answer 200 before it is timed.
if grep -qv 'HTTP 200' "$out/status.txt"; then echo "a secured endpoint did not answer 200; see $out/*.log" >&2; exit 1; fi

run() { # name pid port path [lua]; /secured without a Lua script sends the one token
  local before after log requests auth=()
  [ "$4" != /open ] && [ -z "${5:-}" ] && auth=(-H "Authorization: Bearer $token")
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

# Every server first gets 45 s of its own secured load, whatever share of the cases it serves later: a Payara that
# had served only 20 s cost 2-3x its steady CPU per request (the JIT was still compiling its request path).
for server_run in "$dropin_pid $dropin_port" "$builtin_pid $builtin_port" ${standard_pid:+"$standard_pid $standard_port"}; do
  set -- $server_run
  wrk -t1 -c$connections -d30s -H "Authorization: Bearer $token" "http://127.0.0.1:$2/caller" > /dev/null
  wrk -t1 -c$connections -d15s -s bench/http/pool.lua "http://127.0.0.1:$2/secured" > /dev/null
done
declare -A used=([ES256]=0 [PS256]=0) # proofs used so far, per algorithm: each is used once
# Warm-up: every case once, not recorded (the JIT would otherwise favour whatever runs later). Each round opens and
# closes with the open endpoint: a case's ratio is taken against the mean of the two, within its round, since this
# VM's speed drifts by tens of per cent from minute to minute.
for round in warmup $(seq 1 "$rounds"); do
  {
    run "open" "$dropin_pid" $dropin_port /open
    for endpoint in secured caller; do
      run "jwt-dropin, /$endpoint, one token" "$dropin_pid" $dropin_port /$endpoint
      run "built-in, /$endpoint, one token" "$builtin_pid" $builtin_port /$endpoint
      run "jwt-dropin, /$endpoint, fresh token" "$dropin_pid" $dropin_port /$endpoint bench/http/pool.lua
      run "built-in, /$endpoint, fresh token" "$builtin_pid" $builtin_port /$endpoint bench/http/pool.lua
    done
    if [ "$standard" = 1 ]; then
      run "jwt-dropin via the standard bridge, /caller, one token" "$standard_pid" "$standard_port" /caller
      run "jwt-dropin via the standard bridge, /caller, fresh token" "$standard_pid" "$standard_port" /caller bench/http/pool.lua
    fi
    for alg in $([ "$dpop" = 1 ] && echo ES256 PS256); do
      export DPOP_TOKEN PROOFS="$out/keys/dpop-$alg-proofs.txt" PROOF_OFFSET=${used[$alg]}
      DPOP_TOKEN=$(cat "$out/keys/dpop-$alg-token.txt")
      run "jwt-dropin, /secured, DPoP-bound token, $alg proofs" "$dropin_pid" $dropin_port /secured bench/http/dpop.lua
      # wrk counts completed requests; up to one per connection was sent but not counted when it stopped
      used[$alg]=$(( ${used[$alg]} + last_requests + connections ))
    done
    run "open" "$dropin_pid" $dropin_port /open
  } > "$out/round.txt"
  [ "$round" = warmup ] || sed "s/^/$round|/" "$out/round.txt" >> "$out/runs.txt"
  cat "$out/round.txt"
done

# Per round, each case against the mean of that round's two open runs (req/s, and server CPU per request the other
# way round: open's CPU-µs ÷ the case's), then the median over the rounds with the lowest and highest round.
python3 - "$out" <<'PY'
import statistics, sys, collections
out = sys.argv[1]
rounds = collections.defaultdict(dict)
opens = collections.defaultdict(list)
for line in open(f"{out}/runs.txt"):
    rnd, name, rps, p99, cpu, non2xx = line.strip().split("|")
    row = (float(rps), p99, int(cpu), int(non2xx))
    if name == "open":
        opens[rnd].append(row)
    else:
        rounds[rnd][name] = row
names = list(next(iter(rounds.values())).keys())
def spread(values, fmt="{:.2f}"):
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"
lines = ["| case | req/s | server CPU-µs/req | p99 (last round) | non-2xx | req/s vs open | CPU vs open | vs built-in (req/s) |",
         "|---|---|---|---|---|---|---|---|"]
open_rps = [statistics.mean(r[0] for r in o) for o in opens.values()]
open_cpu = [statistics.mean(r[2] for r in o) for o in opens.values()]
lines.append(f"| open | {statistics.median(open_rps):.0f} | {statistics.median(open_cpu):.0f} | {opens[max(opens)][-1][1]} | 0 | 1 | 1 | |")
for n in names:
    rows = [rounds[r][n] for r in rounds]
    vs_open = [rounds[r][n][0] / statistics.mean(x[0] for x in opens[r]) for r in rounds]
    cpu_open = [statistics.mean(x[2] for x in opens[r]) / max(rounds[r][n][2], 1) for r in rounds]
    builtin = n.replace("jwt-dropin", "built-in")
    vs_builtin = spread([rounds[r][n][0] / rounds[r][builtin][0] for r in rounds]) + "×" \
        if n.startswith("jwt-dropin,") and builtin in rounds["1"] else ""
    lines.append(f"| {n} | {statistics.median(r[0] for r in rows):.0f} | {statistics.median(r[2] for r in rows):.0f} | "
                 f"{rows[-1][1]} | {sum(r[3] for r in rows)} | {spread(vs_open)}× | {spread(cpu_open)}× | {vs_builtin} |")
status = open(f"{out}/status.txt").read().strip().replace("\n", "; ")
import re
def deploy_ms(name):
    m = re.search(r"was successfully deployed in ([0-9,]+) milliseconds", open(f"{out}/{name}.log").read())
    return int(m.group(1).replace(",", "")) if m else None
d, b = deploy_ms("dropin"), deploy_ms("builtin")
deploy = f"Deployment of the same WAR: with our jar {d} ms, without {b} ms." if d and b else ""
text = (f"{len(rounds)} rounds; ratios are medians over the rounds (lowest–highest round in brackets).\n\n"
        + "\n".join(lines) + f"\n\nSingle-request check: {status}. {deploy}\n")
open(f"{out}/results.md", "w").write(text)
print(text)
PY
