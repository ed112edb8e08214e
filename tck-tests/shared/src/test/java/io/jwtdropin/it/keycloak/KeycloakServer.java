package io.jwtdropin.it.keycloak;

import io.jwtdropin.it.support.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} the build unpacks, {@code keycloak.home}) in dev mode on
 * 127.0.0.1:18380 (management 18390), its own JVM from {@code keycloak.java.home} (21+), a fresh dev-file database,
 * the realms {@code jwtdropin} and {@code other} imported from {@code src/test/resources/keycloak}. Ready when the
 * realm's discovery document answers; stopped by its PID (with its child processes).
 */
final class KeycloakServer {

    static final int PORT = 18380;
    static final int MANAGEMENT_PORT = 18390;
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-pw";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private static Process process;
    private static Duration startedIn;

    private KeycloakServer() {
    }

    static String issuer(String realm) {
        return BASE + "/realms/" + realm;
    }

    /** Starts Keycloak once per JVM; the later callers find it running. */
    static synchronized Duration start() throws IOException, InterruptedException {
        if (process != null) {
            return startedIn;
        }
        Path home = Path.of(System.getProperty("keycloak.home"));
        Path data = home.resolve("data");
        Folders.delete(data);
        Path imports = Files.createDirectories(data.resolve("import"));
        for (String realm : List.of("jwtdropin-realm.json", "other-realm.json")) {
            try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/" + realm)) {
                Files.copy(in, imports.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path log = home.resolveSibling("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + PORT, "--http-management-port=" + MANAGEMENT_PORT,
                "--import-realm", "--cache=local")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("keycloak.java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        long begun = System.nanoTime();
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer("jwtdropin") + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = begun + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startedIn = Duration.ofNanos(System.nanoTime() - begun);
                    System.out.println("Keycloak ready in " + startedIn.toMillis() + " ms");
                    return startedIn;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        String tail = tail(log);
        stop();
        throw new IllegalStateException("Keycloak did not become ready within " + READY_TIMEOUT.toSeconds()
                + " s; the end of " + log + ":\n" + tail);
    }

    /** Stops Keycloak by its PID: the script's process, which execs the server, and any child it still has. */
    static synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroy);
        handle.destroy();
        try {
            handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
        process = null;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
