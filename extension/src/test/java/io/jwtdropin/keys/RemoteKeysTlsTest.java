package io.jwtdropin.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jwtdropin.config.RemoteKeyOptions;
import io.jwtdropin.junit5.JwksServer;
import io.jwtdropin.junit5.TestKeyPair;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS key locations: a real TLS server on 127.0.0.1:18302 whose self-signed certificate (made by the JDK's
 * keytool) is trusted only through a configured trust store; without it the fetch fails like any outage.
 */
class RemoteKeysTlsTest {

    static final char[] PASSWORD = "changeit".toCharArray();
    static final TestKeyPair KEYS = TestKeyPair.generate("tls-1");
    @TempDir
    static Path dir;
    static JwksServer server;
    static ScheduledExecutorService scheduler = KeyLoader.daemonScheduler();

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "jwks", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12",
                "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "jwks", "-keystore", "server.p12", "-storepass", "changeit",
                "-file", "server.pem");
        keytool("-importcert", "-noprompt", "-alias", "jwks", "-file", "server.pem", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", "changeit");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = JwksServer.https(18302, tls).serve(KEYS.publicJwks());
    }

    @AfterAll
    static void stop() {
        server.close();
        scheduler.shutdownNow();
    }

    static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    static RemoteKeyProvider provider(Optional<RemoteKeyOptions.TrustStore> trustStore) {
        Duration timeout = Duration.ofSeconds(2);
        RemoteKeyOptions options = new RemoteKeyOptions(timeout, timeout, 64 * 1024, Duration.ofMinutes(5),
                Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(1), trustStore);
        return new RemoteKeyProvider(server.uri(), Set.of(), 2048, options, Clock.systemUTC(), scheduler,
                KeyFetchEvents.NONE);
    }

    @Test
    void aConfiguredTrustStoreTrustsTheServer() throws Exception {
        RemoteKeyProvider keys = provider(Optional.of(
                new RemoteKeyOptions.TrustStore(dir.resolve("trust.p12"), PASSWORD, "PKCS12")));
        assertEquals("tls-1", keys.keys().keys().get(0).kid());
        keys.close();
    }

    @Test
    void anUntrustedCertificateIsAFailedFetch() {
        RemoteKeyProvider keys = provider(Optional.empty());
        assertThrows(KeysUnavailableException.class, keys::keys);
        assertEquals(1, keys.fetchesAndFailures()[1]);
        keys.close();
    }
}
