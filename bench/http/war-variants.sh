# Sourced after servers.sh (by payara-boot.sh and redeploy-time.sh): variants of the benchmark WAR that run.sh left in
# $out/war, each next to it as $out/NAME.war. Needs zip (installed if missing).
# dropin_war     $out/war with the jar as built now in extension/target
# inert_war      builtin.war plus our jar with its hooks removed (no CDI extension, no servlet initializer, and a
#                beans.xml with bean-discovery-mode="none": without its extension the jar would otherwise be an
#                implicit bean archive of our scoped classes): the server reads the same classes, the built-in MP-JWT
#                does the work. inert - builtin is what the jar's mere presence costs; dropin - inert what running it costs.
# onejar_war     builtin.war plus a library jar of one empty class: what any jar in WEB-INF/lib costs the server, the
#                floor under "inert - builtin".
command -v zip >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip; }

dropin_war() {
  rm -f "$out"/war/WEB-INF/lib/*.jar
  cp "$(dropin_jar)" "$out/war/WEB-INF/lib/"
  (cd "$out/war" && jar cf ../dropin.war .)
}

inert_war() {
  rm -rf "$out/inert" "$out/inert-meta" && cp -r "$out/war" "$out/inert"
  zip -q -d "$out"/inert/WEB-INF/lib/jwt-dropin-*.jar 'META-INF/services/*'
  mkdir -p "$out/inert-meta/META-INF"
  echo '<beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="none"/>' \
    > "$out/inert-meta/META-INF/beans.xml"
  (cd "$out/inert-meta" && zip -q ../inert/WEB-INF/lib/jwt-dropin-*.jar META-INF/beans.xml)
  (cd "$out/inert" && jar cf ../inert.war .)
}

onejar_war() {
  rm -rf "$out/onejar" "$out/onejar-lib" && cp -r "$out/war" "$out/onejar" && rm -f "$out"/onejar/WEB-INF/lib/*.jar
  mkdir -p "$out/onejar-lib"
  printf 'package io.jwtdropin.bench.empty;\npublic final class Empty {\n}\n' > "$out/onejar-lib/Empty.java"
  javac --release 17 -d "$out/onejar-lib" "$out/onejar-lib/Empty.java"
  (cd "$out/onejar-lib" && jar cf ../onejar/WEB-INF/lib/empty.jar io)
  (cd "$out/onejar" && jar cf ../onejar.war .)
}
