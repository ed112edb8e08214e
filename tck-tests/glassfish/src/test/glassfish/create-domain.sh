#!/usr/bin/env bash
# Creates a fresh GlassFish domain for the tests with every listener on 127.0.0.1.
# usage: create-domain.sh GLASSFISH_HOME DOMAIN_DIR DOMAIN_NAME PORT_BASE [JVM_OPTION...]
# Ports: admin BASE+48, http BASE+80, https BASE+81, iiop BASE+37..39, jmx BASE+86, osgi BASE+66, JMS BASE+76.
set -euo pipefail
gf_home=$1 domain_dir=$2 domain=$3 base=$4
shift 4
rm -rf "${domain_dir:?}/$domain"
mkdir -p "$domain_dir"
bash "$gf_home/bin/asadmin" --interactive=false create-domain --portbase "$base" --nopassword=true \
  --domaindir "$domain_dir" "$domain" > "$domain_dir/create-domain.log" 2>&1
xml="$domain_dir/$domain/config/domain.xml"
sed -i \
  -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
  -e 's/<network-listener port=/<network-listener address="127.0.0.1" port=/g' \
  -e 's/address=\*:/address=127.0.0.1:/g' \
  -e 's/<jms-host name="default_JMS_host" host="localhost"/<jms-host name="default_JMS_host" host="127.0.0.1"/g' \
  -e "0,/name=\"JMS_PROVIDER_PORT\" value=\"[0-9]*\"/s//name=\"JMS_PROVIDER_PORT\" value=\"$((base + 76))\"/" \
  "$xml"
# Extra JVM options go into the server's java-config (the first one in domain.xml).
for option in "$@"; do
  sed -i "0,\|<jvm-options>-Dosgi.shell.telnet.ip=127.0.0.1</jvm-options>|s||<jvm-options>-Dosgi.shell.telnet.ip=127.0.0.1</jvm-options>\n        <jvm-options>$option</jvm-options>|" "$xml"
done
if grep -q 'address="0\.0\.0\.0"' "$xml"; then
  echo "create-domain.sh: a listener still binds all interfaces in $xml" >&2
  exit 1
fi
echo "GlassFish domain $domain ready in $domain_dir (admin port $((base + 48)), http port $((base + 80)))"
