# Sourced by run.sh and profile.sh: how each server is fetched, given a WAR and started on 127.0.0.1, side by side in up to three
# roles: running our jar ("dropin"), its own MP-JWT ("builtin"), and our jar through the server's standard Jakarta
# Security bridge ("standard": jwtdropin.mechanism.direct=false; Soteria servers only). Everything lives in $out/$server.
# server_prepare            fetch and unpack the server (Maven coordinates from the parent pom's properties)
# server_start ROLE WAR     start it with WAR at context root /, print the server JVM's PID
# server_port ROLE          the HTTP port of that server
# ready PORT ROLE           wait up to 180 s for the server to serve /open
# JVM_EXTRA                 more options for the server's JVM, space-separated (profile.sh starts JFR with it)
# dropin_jar                the path of our jar as built now in extension/target
# async_profiler            the path of async-profiler's agent library, fetched from Maven Central once
ready() { # port role
  for _ in $(seq 1 180); do curl -sf -o /dev/null "http://127.0.0.1:$1/open" && return 0; sleep 1; done
  echo "the $2 server did not serve /open within 180 s; see $out/$2.log" >&2; return 1
}
kill_quietly() { # [pid]: for EXIT traps, which run under the scripts' set -e; an empty or already stopped PID is fine
  if [ -n "${1:-}" ]; then kill "$1" 2>/dev/null || true; fi
}
dropin_jar() { ls extension/target/jwt-dropin-*.jar | grep -vE 'original-|-sources|-javadoc'; }
pom_version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
fetch() { # groupId:artifactId:version:packaging
  mvn -q -B dependency:copy -Dartifact="$1" -DoutputDirectory="$home_dir" -Dmdep.stripVersion=true
}
async_profiler() { # the path of async-profiler's agent (4.2, linux-x64, from Maven Central; fetched once)
  local tools=bench/target/tools
  if [ ! -f "$tools/linux-x64/libasyncProfiler.so" ]; then
    mkdir -p "$tools"
    mvn -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64 -DoutputDirectory="$tools"
    (cd "$tools" && unzip -q -o async-profiler-4.2-linux-x64.jar linux-x64/libasyncProfiler.so)
  fi
  echo "$PWD/$tools/linux-x64/libasyncProfiler.so"
}
home_dir="$out/$server"
unpack() { # groupId:artifactId version-property folder: the server's zip, fetched and unpacked once into $home_dir
  [ -d "$home_dir/$3" ] && return 0
  mkdir -p "$home_dir"; fetch "$1:$(pom_version "$2"):zip"
  (cd "$home_dir" && unzip -q "${1#*:}.zip")
}

case "$server" in
payara)
  server_port() { case $1 in dropin) echo 18380 ;; builtin) echo 18381 ;; standard) echo 18383 ;; esac; }
  server_prepare() { mkdir -p "$home_dir"; fetch "fish.payara.extras:payara-micro:$(pom_version payara.version)"; }
  # payara_micro PORT WAR [JVM-OPTION...]: the Payara Micro command line of every benchmark (deploy-time.sh too). Run
  # it in the background: it execs java, so that $! is the server JVM's PID (to kill it and read its threads' CPU).
  payara_micro() {
    local port=$1 war=$2
    shift 2
    exec java -Xmx1g -XX:+UseSerialGC "$@" -jar "$home_dir/payara-micro.jar" --deploy "$war" --contextroot / --port "$port" \
      --prebootcommandfile bench/http/loopback.asadmin --disablephonehome --nocluster
  }
  server_start() {
    payara_micro "$(server_port "$1")" "$2" ${JVM_EXTRA:-} > "$out/$1.log" 2>&1 &
    echo $!
  }
  ;;
glassfish)
  # Domains of one installation: port bases 18400, 18500, 19400 (http +80, admin +48), every listener on 127.0.0.1.
  port_base() { case $1 in dropin) echo 18400 ;; builtin) echo 18500 ;; standard) echo 19400 ;; esac; }
  server_port() { echo $(( $(port_base "$1") + 80 )); }
  server_prepare() { unpack org.glassfish.main.distributions:glassfish glassfish.version glassfish7; }
  server_start() {
    local gf="$home_dir/glassfish7" base; base=$(port_base "$1")
    bash tck-tests/glassfish/src/test/glassfish/create-domain.sh "$gf" "$home_dir/domains" "$1" "$base" -Xmx1g ${JVM_EXTRA:-} >&2
    "$gf/bin/asadmin" start-domain --domaindir "$home_dir/domains" "$1" > "$out/$1.log" 2>&1
    "$gf/bin/asadmin" --port $((base + 48)) deploy --contextroot / --name bench "$2" >> "$out/$1.log" 2>&1
    cat "$home_dir/domains/$1/config/pid"
  }
  ;;
wildfly)
  # Copies of standalone/ under one installation: port offsets 10520, 10620, 10820 (http 18600, 18700, 18900).
  server_port() { case $1 in dropin) echo 18600 ;; builtin) echo 18700 ;; standard) echo 18900 ;; esac; }
  server_prepare() { unpack org.wildfly:wildfly-dist wildfly.version "wildfly-$(pom_version wildfly.version)"; }
  server_start() {
    local wf; wf=$(ls -d "$home_dir"/wildfly-*/ | head -1)
    local base="$home_dir/$1" offset=$(( $(server_port "$1") - 8080 ))
    rm -rf "$base" && cp -r "$wf/standalone" "$base" && cp "$2" "$base/deployments/ROOT.war"
    JBOSS_PIDFILE="$base/pid" LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xmx1g -Djava.net.preferIPv4Stack=true ${JVM_EXTRA:-}" \
      "$wf/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset=$offset \
      -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 -Djboss.bind.address.private=127.0.0.1 \
      > "$out/$1.log" 2>&1 &
    for _ in $(seq 1 100); do [ -s "$base/pid" ] && break; sleep 0.2; done
    cat "$base/pid"
  }
  ;;
liberty)
  # Two servers of one installation: "dropin" with the individual features our tests use (no mpJwt; the WAR then
  # carries the MP-JWT API), "builtin" with Liberty's mpJwt feature. HTTP 18800 and 18810. No "standard" role:
  # Liberty's Jakarta Security is its own, so our jar always takes the standard path there.
  server_port() { [ "$1" = dropin ] && echo 18800 || echo 18810; }
  server_prepare() { unpack io.openliberty:openliberty-runtime liberty.version wlp; }
  server_start() {
    local wlp="$home_dir/wlp" dir="$home_dir/wlp/usr/servers/$1" port; port=$(server_port "$1")
    local features
    if [ "$1" = dropin ]; then
      features="appSecurity-5.0 cdi-4.0 restfulWS-3.1 jsonp-2.1 jsonb-3.0 mpConfig-3.1 servlet-6.0 concurrent-3.0"
    else
      features="mpJwt-2.1 cdi-4.0 restfulWS-3.1 jsonp-2.1 jsonb-3.0 mpConfig-3.1 servlet-6.0"
    fi
    rm -rf "$dir" && mkdir -p "$dir/apps"
    cp "$2" "$dir/apps/bench.war"
    { echo '<server><featureManager>'
      for f in $features; do echo "<feature>$f</feature>"; done
      echo '</featureManager>'
      echo "<httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\"$port\" httpsPort=\"$((port + 1))\"/>"
      echo '<keyStore id="defaultKeyStore" password="jwtdropin-bench"/>'
      echo '<webApplication location="bench.war" contextRoot="/"/>'
      echo '</server>'; } > "$dir/server.xml"
    printf -- '%s\n' -Xmx1g ${JVM_EXTRA:-} > "$dir/jvm.options"
    "$wlp/bin/server" start "$1" > "$out/$1.log" 2>&1
    cat "$wlp/usr/servers/.pid/$1.pid"
  }
  ;;
*) echo "unknown server '$server': payara, glassfish, wildfly or liberty" >&2; exit 2 ;;
esac
