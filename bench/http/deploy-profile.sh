#!/usr/bin/env bash
# Where our jar's deployment time goes on Payara Micro: boots the benchmark WAR with our jar (dropin.war) and without it
# (builtin.war), alternately, under async-profiler in wall-clock mode (it sees class loading and linking, which JFR's
# sampler does not), and shares out the deploying thread's samples by phase, per WAR, and our own start-up by what it
# waits on. Wall-clock samples of one thread are proportional to its elapsed time, so the shares hold; absolute
# figures come from deploy-time.sh.
# usage: bench/http/deploy-profile.sh [boots-each] [war...]   (after bench/http/run.sh payara, from the repository root)
#        war: names of WARs in bench/target/http/payara, default "dropin builtin"; deploy-time.sh makes more (inert:
#        our jar's classes without its hooks; inert-nogson, inert-own: without the shaded Gson, without nimbus;
#        onejar: a jar of one empty class). Each is compared with builtin.
# Results: bench/target/http/payara/deploy-profile.md (async-profiler 4.2 from Maven Central, linux-x64)
set -euo pipefail
cd "$(dirname "$0")/../.."
boots=${1:-3}
shift || true
wars=${*:-dropin builtin}
out=bench/target/http/payara
port=18382
[ -f "$out/builtin.war" ] || { echo "run bench/http/run.sh payara first" >&2; exit 1; }
. bench/http/payara-boot.sh
agent=$(async_profiler)
dropin_war
rm -f "$out"/deploy-profile-*.collapsed
server_pid=
trap 'kill_quietly "$server_pid"' EXIT
boot() { # name run
  payara_boot "$1" "$out/deploy-profile-$1.log" \
    "-agentpath:$agent=start,event=wall,interval=1ms,threads,collapsed,file=$PWD/$out/deploy-profile-$1-$2.collapsed"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
}
case " $wars " in *" builtin "*) ;; *) wars="$wars builtin" ;; esac
for run in $(seq 1 "$boots"); do for war in $wars; do boot "$war" "$run"; done; done
python3 bench/http/deploy-profile-report.py "$out" $wars | tee "$out/deploy-profile.md"
