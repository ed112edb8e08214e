#!/usr/bin/env bash
# Deployment time with and without our jar on a running server (GlassFish 7 or WildFly): one server, the benchmark WAR
# deployed and undeployed through the server's own admin command, alternately with our jar (dropin), without it
# (builtin: the server's own MP-JWT), with the inert copy of our jar (its classes without its hooks) and with a jar of
# one empty class (onejar), after one warm-up round. Each variant deploys under a name of its own: GlassFish 7.0.21,
# given one name and the same jar file name with other contents, was seen to read the jar it had deployed before.
# Per deployment: the server's own figure for it (GlassFish's "successfully deployed in N milliseconds"; WildFly's
# log from "Starting deployment" to "Deployed"), the server process's CPU time meanwhile, and our jar's start-up
# (JWTD-001). Payara Micro deploys only as it boots: deploy-time.sh measures that.
# usage: bench/http/redeploy-time.sh [glassfish|wildfly] [rounds]   (after bench/http/run.sh SERVER, from the
#        repository root; default glassfish, 5 rounds). Results: bench/target/http/SERVER/redeploy-times.txt
#        PROFILE=1 (GlassFish): async-profiler, attached by jcmd, samples each measured deployment by wall clock, and
#        deploy-profile-report.py shares out the deploying thread's samples by phase into deploy-profile.md (the
#        times of such a run include the profiler's cost: take them from a run without it).
set -euo pipefail
cd "$(dirname "$0")/../.."
server=${1:-glassfish}
rounds=${2:-5}
out=bench/target/http/$server
[ -f "$out/builtin.war" ] || { echo "run bench/http/run.sh $server first" >&2; exit 1; }
. bench/http/servers.sh
. bench/http/war-variants.sh
dropin_war
inert_war
onejar_war
profile=${PROFILE:-0}
[ "$profile" = 0 ] || [ "$server" = glassfish ] || { echo "PROFILE=1 profiles GlassFish only" >&2; exit 2; }
[ "$profile" = 0 ] || agent=$(async_profiler)
profiler() { # async-profiler command: jcmd's parser needs the options quoted (they hold '=')
  jcmd "$pid" JVMTI.agent_load "$agent" "\"$1\"" | grep -q 'return code: 0' || { echo "async-profiler: $1 failed" >&2; exit 1; }
}

case "$server" in
glassfish)
  admin=$(( $(port_base dropin) + 48 ))
  log="$home_dir/domains/dropin/logs/server.log"
  asadmin() { "$home_dir/glassfish7/bin/asadmin" --port "$admin" "$@" > /dev/null; }
  deploy() { asadmin deploy --contextroot / --name "$1" "$out/$1.war"; }
  undeploy() { asadmin undeploy "$1"; }
  # GlassFish's log handler writes on a thread of its own: each figure is read once its record is in the file.
  logged() { # N: wait until N deployments are logged
    for _ in $(seq 1 300); do
      [ "$(grep -ac ' was successfully deployed in' "$log")" -ge "$1" ] && return 0
      sleep 0.1
    done
    echo "deployment $1 was not logged in $log" >&2; exit 1
  }
  deploy_ms() { # N: the N-th deployment's milliseconds
    logged "$1"
    grep -ao ' was successfully deployed in [0-9,]* milliseconds' "$log" | sed -n "$1p" | tr -dc '0-9'
  }
  start() { # the server with builtin.war, which is then undeployed
    pid=$(server_start dropin "$out/builtin.war")
    logged 1
    undeploy bench
  }
  ;;
wildfly)
  management=$(( 9990 + $(server_port dropin) - 8080 ))
  log="$home_dir/dropin/log/server.log"
  cli() { "$(ls -d "$home_dir"/wildfly-*/ | head -1)bin/jboss-cli.sh" --connect --controller="127.0.0.1:$management" \
    --command="$1" > /dev/null; }
  # Deployed through the management interface under each variant's name, at context root / (runtime name ROOT.war).
  deploy() { cli "deploy $out/$1.war --name=$1.war --runtime-name=ROOT.war"; }
  undeploy() { cli "undeploy $1.war"; }
  # N: the N-th deployment's milliseconds, from the date and time that start the log's lines (the CLI returns once
  # the deployment is done, and WildFly writes its log as it goes)
  deploy_ms() {
    local start end
    start=$(grep -a 'WFLYSRV0027: Starting deployment of ".*" (runtime-name: "ROOT.war")' "$log" | sed -n "$1p" | cut -d" " -f1,2)
    end=$(grep -a 'WFLYSRV0010: Deployed ".*" (runtime-name : "ROOT.war")' "$log" | sed -n "$1p" | cut -d" " -f1,2)
    echo $(( $(date -d "${end/,/.}" +%s%3N) - $(date -d "${start/,/.}" +%s%3N) ))
  }
  start() { # the server with builtin.war from its deployment folder, which is then taken away (and so undeployed)
    pid=$(server_start dropin "$out/builtin.war")
    ready "$(server_port dropin)" dropin
    rm "$home_dir/dropin/deployments/ROOT.war"
    for _ in $(seq 1 300); do grep -aq 'WFLYSRV0009: Undeployed "ROOT.war"' "$log" && return 0; sleep 0.1; done
    echo "ROOT.war was not undeployed; see $log" >&2; exit 1
  }
  ;;
*) echo "redeploy-time.sh measures glassfish or wildfly; Payara Micro: deploy-time.sh" >&2; exit 2 ;;
esac

pid=
trap 'kill_quietly "$pid"' EXIT
start
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat"; }
deployments=$([ "$server" = glassfish ] && echo 1 || echo 0)
: > "$out/redeploy-times.txt"
variants=(dropin builtin inert onejar)
rm -f "$out"/deploy-profile-*.collapsed
for round in $(seq 0 "$rounds"); do
  for k in 0 1 2 3; do
    name=${variants[$(( (round + k) % 4 ))]} # each round starts one further on: no variant always follows another
    before=$(cpu_ms)
    [ "$profile" = 0 ] || [ "$round" = 0 ] || profiler "start,event=wall,interval=1ms,threads"
    deploy "$name"
    [ "$profile" = 0 ] || [ "$round" = 0 ] || profiler "stop,collapsed,file=$PWD/$out/deploy-profile-$name-$round.collapsed"
    deployments=$((deployments + 1))
    ms=$(deploy_ms "$deployments")
    cpu=$(( $(cpu_ms) - before ))
    curl -sf -o /dev/null "http://127.0.0.1:$(server_port dropin)/open" || { echo "$name is not served" >&2; exit 1; }
    own=-
    [ "$name" != dropin ] ||
      own=$(grep -ao "JWTD-001 jwt-dropin active (started in [0-9]* ms)" "$log" | tail -1 | tr -dc '0-9' | sed 's/^001//')
    undeploy "$name"
    # Round 0 warms the server up (its first deployment of each kind loads and compiles the deployer's own code).
    [ "$round" = 0 ] || echo "$name $ms $own $cpu" | tee -a "$out/redeploy-times.txt"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v n="$1" -v c="$2" '$1==n && $c!="-" {print $c}' "$out/redeploy-times.txt" | median; }
d=$(col dropin 2) b=$(col builtin 2) i=$(col inert 2) o=$(col onejar 2)
dc=$(col dropin 4) bc=$(col builtin 4) ic=$(col inert 4) oc=$(col onejar 4)
delta() { printf '%+d' $(( $1 - $2 )); }
echo "$server, median over $rounds rounds: with our jar $d ms (CPU $dc ms), without $b ms (CPU $bc ms):" \
  "$(delta "$d" "$b") ms, CPU $(delta "$dc" "$bc") ms; the inert jar $i ms (CPU $ic ms): its presence $(delta "$i" "$b") ms," \
  "CPU $(delta "$ic" "$bc") ms; a one-class jar $o ms (CPU $oc ms): $(delta "$o" "$b") ms, CPU $(delta "$oc" "$bc") ms;" \
  "the jar's own start-up (JWTD-001) $(col dropin 3) ms" | tee -a "$out/redeploy-times.txt"
[ "$profile" = 0 ] || python3 bench/http/deploy-profile-report.py --glassfish "$out" dropin builtin inert onejar \
  | tee "$out/deploy-profile.md"
