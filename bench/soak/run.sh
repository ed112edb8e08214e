#!/usr/bin/env bash
# Soak on loopback: Payara Micro 6 with our jar, a key provider that rotates keys and goes down, slow and 500 for
# minutes at a time, and traffic at half the measured capacity: reused and fresh tokens (every fresh one distinct),
# header and cookie, cookie POSTs with and without proof of origin, bad tokens of many kinds, log-outs whose tokens
# are then used. Every answer is checked; every minute the server's heap after a full GC, RSS, threads, descriptors
# and log size are read. Writes bench/target/soak/{minutes.tsv,soak.svg,summary.md}; exits 1 if the verdict is not met.
# usage: bench/soak/run.sh [minutes]   (from anywhere; default 30)
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-30}
out=bench/target/soak
port=18680 jwks_port=18681
server=payara
. bench/http/servers.sh # Payara Micro as the HTTP benchmarks fetch it (the parent pom's version), our built jar

mvn -q -B -pl bench -am package -DskipTests
rm -rf "$out" && mkdir -p "$out"
server_prepare

# The WAR: the soak's resource (JsonWebToken injected, @RolesAllowed), our jar, keys from the loopback provider.
war="$out/war"
mkdir -p "$war/WEB-INF/classes/io/jwtdropin/bench/soak/app" "$war/WEB-INF/classes/META-INF" "$war/WEB-INF/lib"
cp bench/target/classes/io/jwtdropin/bench/soak/app/*.class "$war/WEB-INF/classes/io/jwtdropin/bench/soak/app/"
cat > "$war/WEB-INF/classes/META-INF/microprofile-config.properties" <<PROPS
mp.jwt.verify.publickey.location=http://127.0.0.1:$jwks_port/jwks
mp.jwt.verify.issuer=https://idp.soak.jwt-dropin.example
mp.jwt.verify.audiences=soak-api
jwtdropin.token.sources=authorization,cookie
jwtdropin.token.max-length=4096
jwtdropin.jwks.refresh.min-interval=10
jwtdropin.revocation.store=memory
PROPS
: > "$war/WEB-INF/beans.xml"
cp "$(dropin_jar)" "$war/WEB-INF/lib/"
(cd "$war" && jar cf ../soak.war .)

# The driver starts the key provider and the server (and stops the server by its PID when it ends).
java -cp bench/target/benchmarks.jar io.jwtdropin.bench.soak.Soak "$out" "$minutes" "$home_dir/payara-micro.jar" \
  "$out/soak.war" bench/http/loopback.asadmin "$port" "$jwks_port"
