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
 */
class DiscoveryTest {

    static final int DISCOVERY_PORT = 18303;
    static final String ISSUER = "http://127.0.0.1:" + DISCOVERY_PORT + "/realms/acme";
    static final TestKeyPair SIGNING = TestKeyPair.generate("sig-1");

    HttpServer discovery;
    volatile String document;
    final AtomicInteger documentRequests = new AtomicInteger();
    JwksServer jwks;
    ScheduledExecutorService scheduler = KeyLoader.daemonScheduler();
    RemoteKeyProvider provider;

    @BeforeEach
    void start() throws IOException {
        jwks = JwksServer.http(18304).serve(SIGNING.publicJwks());
        document = metadata(ISSUER, jwks.uri().toString());
        discovery = HttpServer.create(new InetSocketAddress("127.0.0.1", DISCOVERY_PORT), 50);
        discovery.createContext("/realms/acme/.well-known/openid-configuration", exchange -> {
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
    void stop() {
        if (provider != null) {
            provider.close();
        }
        discovery.stop(0);
        jwks.close();
        scheduler.shutdownNow();
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
        RemoteKeyProvider keys = provider(ISSUER);
        assertEquals(Set.of("sig-1"), RemoteKeyProviderTest.kids(keys.keys()));
        Thread.sleep(5);
        keys.keysForUnknownKid("sig-2");
        assertEquals(1, documentRequests.get(), "the discovered jwks_uri is kept while it works");
        assertEquals(2, jwks.requests());
    }

    @Test
    void aFailedKeyFetchDiscoversAgain() throws Exception {
        RemoteKeyProvider keys = provider(ISSUER);
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
        "issuer with a trailing slash, http://127.0.0.1:18303/realms/acme/, http://127.0.0.1:18304/jwks",
        "another issuer, https://evil.example/realms/acme, http://127.0.0.1:18304/jwks",
        "no jwks_uri, http://127.0.0.1:18303/realms/acme, -",
        "jwks_uri not http, http://127.0.0.1:18303/realms/acme, file:/etc/keys.json",
        "jwks_uri relative, http://127.0.0.1:18303/realms/acme, /jwks"})
    void aDocumentThatDoesNotFitGivesNoKeys(String why, String namedIssuer, String jwksUri) {
        document = metadata(namedIssuer, jwksUri);
        assertThrows(KeysUnavailableException.class, () -> provider(ISSUER).keys());
        assertEquals(0, jwks.requests(), "no key set is fetched from a document that does not fit");
    }

    @Test
    void aDocumentThatIsNotJsonGivesNoKeys() {
        document = "<html>login</html>";
        assertThrows(KeysUnavailableException.class, () -> provider(ISSUER).keys());
    }
}
