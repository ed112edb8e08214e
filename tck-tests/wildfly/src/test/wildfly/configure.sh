#!/usr/bin/env bash
# Makes the server configuration our own integration tests run on: WildFly's default standalone.xml plus the one
# attribute the README gives for applications without @LoginConfig, applied with WildFly's own CLI (embedded, no
# server running). The TCK runs on the untouched standalone.xml.
# usage: configure.sh WILDFLY_HOME
set -euo pipefail
home=$1
config_dir="$home/standalone/configuration"
cp "$config_dir/standalone.xml" "$config_dir/standalone-jwtdropin.xml"
"$home/bin/jboss-cli.sh" --commands="embed-server --server-config=standalone-jwtdropin.xml --std-out=discard,\
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false),\
stop-embedded-server" > "$home/standalone/configure.log" 2>&1 || { cat "$home/standalone/configure.log" >&2; exit 1; }
grep -q 'integrated-jaspi="false"' "$config_dir/standalone-jwtdropin.xml" \
  || { echo "configure.sh: the attribute did not reach standalone-jwtdropin.xml" >&2; exit 1; }
echo "WildFly configuration standalone-jwtdropin.xml ready (integrated-jaspi=false on application-security-domain other)"
