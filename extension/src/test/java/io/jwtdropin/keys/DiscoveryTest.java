package io.jwtdropin.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jwtdropin.config.RemoteKeyOptions;
import io.jwtdropin.junit5.JwksServer;
import io.jwtdropin.junit5.TestKeyPair;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys by OpenID Connect discovery, against real HTTP on 127.0.0.1: a discovery server on 18303 whose document names
 * a JWKS server on 18304. The document must name exactly the configured issuer and an http(s) {@code jwks_uri}.
 * Each test has its own realm path and waits for its provider's fetches to end, so that a background fetch of one
 * test cannot be counted by the next (the servers reopen on the same ports).
 */
class DiscoveryTest {

    static final int DISCOVERY_PORT = 18303;
    static final AtomicInteger REALMS = new AtomicInteger();
    static final TestKeyPair SIGNING = TestKeyPair.generate("sig-1");

    final String realm = "/realms/acme-" + REALMS.incrementAndGet();
    final String issuer = "http://127.0.0.1:" + DISCOVERY_PORT + realm;
    HttpServer discovery;
    volatile String document;
    final AtomicInteger documentRequests = new AtomicInteger();
    JwksServer jwks;
    ScheduledExecutorService scheduler = KeyLoader.daemonScheduler();
    RemoteKeyProvider provider;

    @BeforeEach
    void start() throws IOException {
        jwks = JwksServer.http(18304).serve(SIGNING.publicJwks());
        document = metadata(issuer, jwks.uri().toString());
        discovery = HttpServer.create(new InetSocketAddress("127.0.0.1", DISCOVERY_PORT), 50);
        discovery.createContext(realm + "/.well-known/openid-configuration", exchange -> {
            documentRequests.incrementAndGet();
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        discovery.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (provider != null) {
            provider.close();
        }
        scheduler.shutdownNow();
        assertTrue(scheduler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS), "background fetches end");
        discovery.stop(0);
        jwks.close();
    }

    static String metadata(String issuer, String jwksUri) {
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":" + (jwksUri == null ? "null" : "\"" + jwksUri + "\"")
                + ",\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\"}";
    }

    RemoteKeyProvider provider(String issuer) {
        // Timeouts of 5 s, not the 500 ms of the timeout tests: under a loaded build a slow answer would count as a
        // failed fetch, which (rightly) discovers again and breaks the request counts below.
        provider = new RemoteKeyProvider(KeyLocation.discovery(issuer), Set.of(), 2048,
                new RemoteKeyOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), 64 * 1024, Duration.ofMinutes(5),
                        Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMillis(1), Duration.ofHours(1),
                        java.util.Optional.empty()),
                Clock.systemUTC(), scheduler, KeyFetchEvents.NONE);
        return provider;
    }

    @Test
    void theIssuerAloneFindsTheKeysAndTheDocumentIsReadOnce() throws Exception {
        RemoteKeyProvider keys = provider(issuer);
        assertEquals(Set.of("sig-1"), RemoteKeyProviderTest.kids(keys.keys()));
        Thread.sleep(5);
        keys.keysForUnknownKid("sig-2");
        assertEquals(1, documentRequests.get(), () -> "the discovered jwks_uri is kept while it works (fetches, failures: "
                + java.util.Arrays.toString(keys.fetchesAndFailures()) + ")");
        assertEquals(2, jwks.requests());
    }

    @Test
    void aFailedKeyFetchDiscoversAgain() throws Exception {
        RemoteKeyProvider keys = provider(issuer);
        keys.keys();
        jwks.mode(JwksServer.Mode.ERROR_500);
        Thread.sleep(5);
        keys.keysForUnknownKid("sig-2"); // fails: the last good keys stay, the location is forgotten
        jwks.mode(JwksServer.Mode.OK);
        Thread.sleep(5);
        keys.keysForUnknownKid("sig-3"); // while failing, answered at once; the retry runs behind
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (documentRequests.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(documentRequests.get() >= 2, "discovered again after the failure");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "issuer with a trailing slash, {issuer}/, http://127.0.0.1:18304/jwks",
        "another issuer, https://evil.example/realms/acme, http://127.0.0.1:18304/jwks",
        "no jwks_uri, {issuer}, -",
        "jwks_uri not http, {issuer}, file:/etc/keys.json",
        "jwks_uri relative, {issuer}, /jwks"})
    void aDocumentThatDoesNotFitGivesNoKeys(String why, String namedIssuer, String jwksUri) {
        document = metadata(namedIssuer.replace("{issuer}", issuer), jwksUri);
        assertThrows(KeysUnavailableException.class, () -> provider(issuer).keys());
        assertEquals(0, jwks.requests(), "no key set is fetched from a document that does not fit");
    }

    @Test
    void aDocumentThatIsNotJsonGivesNoKeys() {
        document = "<html>login</html>";
        assertThrows(KeysUnavailableException.class, () -> provider(issuer).keys());
    }
}
