# Sourced by deploy-time.sh and deploy-profile.sh: one Payara Micro boot of a WAR up to the moment its application is
# served, with servers.sh's Payara command line, and the WAR variants of war-variants.sh. Expects $out
# (bench/target/http/payara, as run.sh payara left it) and $port.
# payara_boot NAME LOG [JVM-OPTION...]  start Payara Micro with $out/NAME.war, logging to LOG, set server_pid, and
#                                   return when "Loading application [NAME] at" is logged (exits if the server dies)
server=payara
. bench/http/servers.sh
. bench/http/war-variants.sh

payara_boot() { # name log [jvm options]
  local name=$1 log=$2
  shift 2
  payara_micro "$port" "$out/$name.war" "$@" > "$log" 2>&1 &
  server_pid=$!
  # "Loading application [name] at [/]": the web module has started (our runtime included) and is being served.
  for _ in $(seq 1 1800); do
    grep -aq "Loading application \[$name\] at" "$log" && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$name was not served within 180 s; see $log" >&2
  exit 1
}
