package io.jwtdropin.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.config.RemoteKeyOptions;
import io.jwtdropin.junit5.JwksServer;
import io.jwtdropin.junit5.JwksServer.Mode;
import io.jwtdropin.junit5.TestKeyPair;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Remote keys against a real JWKS server on 127.0.0.1:18301 with injected faults. */
class RemoteKeyProviderTest {

    static final int PORT = 18301;
    static final TestKeyPair K1 = TestKeyPair.generate("k1");
    static final TestKeyPair K2 = TestKeyPair.generate("k2");
    static final Duration TIMEOUT = Duration.ofMillis(500);

    JwksServer server;
    ScheduledExecutorService scheduler = KeyLoader.daemonScheduler();
    RemoteKeyProvider provider;

    static RemoteKeyOptions options(Duration lifetime, Duration minInterval, Duration maxStale) {
        return new RemoteKeyOptions(TIMEOUT, TIMEOUT, 64 * 1024, lifetime, Duration.ofSeconds(1), Duration.ofHours(1),
                minInterval, maxStale, Optional.empty());
    }

    RemoteKeyProvider provider(RemoteKeyOptions options, URI location) {
        provider = new RemoteKeyProvider(location, Set.of(), 2048, options, Clock.systemUTC(), scheduler,
                KeyFetchEvents.NONE);
        return provider;
    }

    @BeforeEach
    void start() {
        server = JwksServer.http(PORT).serve(K1.publicJwks());
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        server.close();
        scheduler.shutdownNow();
    }

    static Set<String> kids(KeySet keys) {
        Set<String> kids = new java.util.TreeSet<>();
        keys.keys().forEach(k -> kids.add(k.kid()));
        return kids;
    }

    @Test
    void twoHundredConcurrentColdRequestsCauseOneFetch() throws Exception {
        server.mode(Mode.SLOW).slowMillis(300); // every caller arrives while the one fetch is running
        RemoteKeyProvider keys = provider(options(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        ExecutorService callers = Executors.newFixedThreadPool(200);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Set<String>>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(callers.submit(() -> {
                go.await();
                return kids(keys.keys());
            }));
        }
        go.countDown();
        for (Future<Set<String>> result : results) {
            assertEquals(Set.of("k1"), result.get());
        }
        callers.shutdown();
        assertEquals(1, server.requests());
    }

    /**
     * A provider that accepts the connection and then stalls: a request with an unknown kid waits at most the read
     * timeout (not connect + read), and while the provider is known to fail the next ones do not wait at all.
     */
    @Test
    void anUnknownKidWaitsAtMostTheReadTimeoutAndNotAgainWhileTheProviderFails() throws Exception {
        RemoteKeyProvider keys = provider(options(Duration.ofMinutes(5), Duration.ofMillis(1), Duration.ofHours(1)),
                server.uri());
        keys.keys();
        server.mode(Mode.SLOW).slowMillis(10_000);
        Thread.sleep(5);
        long started = System.nanoTime();
        assertEquals(Set.of("k1"), kids(keys.keysForUnknownKid("k2")));
        long firstMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(firstMs < TIMEOUT.toMillis() + 250, "waited " + firstMs + " ms; the read timeout is " + TIMEOUT.toMillis());
        Thread.sleep(5);
        started = System.nanoTime();
        assertEquals(Set.of("k1"), kids(keys.keysForUnknownKid("k3")));
        long secondMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(secondMs < 100, "waited " + secondMs + " ms while the provider is failing");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SLOW", "ERROR_500", "MALFORMED", "OVERSIZED"})
    void aFailedRefreshKeepsTheLastGoodKeys(Mode fault) throws Exception {
        RemoteKeyProvider keys = provider(options(Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofHours(1)),
                server.uri());
        assertEquals(Set.of("k1"), kids(keys.keys()));
        server.mode(fault).slowMillis(3000);
        Thread.sleep(1200); // past the keys' lifetime: refreshes now fail
        long started = System.nanoTime();
        assertEquals(Set.of("k1"), kids(keys.keysForUnknownKid("k2")));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1600)) < 0,
                "the failed fetch is bounded by the timeouts");
        assertEquals(Set.of("k1"), kids(keys.keys()));
        assertTrue(keys.fetchesAndFailures()[1] >= 1, "the failure is counted");
    }

    @Test
    void providerDownAfterAGoodFetchKeepsServing() throws Exception {
        RemoteKeyProvider keys = provider(options(Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofHours(1)),
                server.uri());
        keys.keys();
        server.down();
        Thread.sleep(1200);
        assertEquals(Set.of("k1"), kids(keys.keysForUnknownKid("k2")));
        assertEquals(Set.of("k1"), kids(keys.keys()));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SLOW", "ERROR_500", "MALFORMED", "OVERSIZED"})
    void coldStartWithTheProviderFailingRefusesThenRecovers(Mode fault) throws Exception {
        server.mode(fault).slowMillis(3000);
        RemoteKeyProvider keys = provider(options(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        KeysUnavailableException refused = assertThrows(KeysUnavailableException.class, keys::keys);
        assertEquals(server.uri().toString(), refused.getMessage());
        server.mode(Mode.OK);
        Thread.sleep(RemoteKeyProvider.COLD_RETRY.toMillis() + 100);
        assertEquals(Set.of("k1"), kids(keys.keys()));
    }

    @Test
    void coldStartWithTheProviderDownRefusesThenRecovers() throws Exception {
        server.down();
        RemoteKeyProvider keys = provider(options(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        assertThrows(KeysUnavailableException.class, keys::keys);
        server.up();
        Thread.sleep(RemoteKeyProvider.COLD_RETRY.toMillis() + 100);
        assertEquals(Set.of("k1"), kids(keys.keys()));
    }

    @Test
    void rotationAddsTheNewKeyOnFirstUseAndDropsTheOldOneAtTheNextRefresh() throws Exception {
        RemoteKeyProvider keys = provider(options(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        assertEquals(Set.of("k1"), kids(keys.keys()));
        server.serve(TestKeyPair.jwks(K1, K2));
        assertEquals(Set.of("k1", "k2"), kids(keys.keysForUnknownKid("k2")));
        server.serve(K2.publicJwks());
        Thread.sleep(1500); // the background refresh (at 80 % of the 1 s lifetime) has run
        assertEquals(Set.of("k2"), kids(keys.keys()));
    }

    @Test
    void rotationUnderContinuousUseMissesNoKey() throws Exception {
        RemoteKeyProvider keys = provider(options(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1)),
                server.uri());
        keys.keys();
        Thread.sleep(500);
        server.serve(TestKeyPair.jwks(K1, K2));
        java.util.concurrent.atomic.AtomicInteger misses = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger uses = new java.util.concurrent.atomic.AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            running.add(callers.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String kid = i % 2 == 0 ? "k1" : "k2";
                    KeySet set = keys.keys();
                    if (!set.hasKid(kid)) {
                        set = keys.keysForUnknownKid(kid);
                    }
                    uses.incrementAndGet();
                    if (!set.hasKid(kid)) {
                        misses.incrementAndGet();
                    }
                    Thread.sleep(5);
                }
                return null;
            }));
        }
        for (Future<?> r : running) {
            r.get();
        }
        callers.shutdown();
        assertEquals(0, misses.get(), "of " + uses.get() + " uses; fetches " + server.requests());
    }

    @Test
    void unknownKidsRefreshAtMostOncePerInterval() throws Exception {
        RemoteKeyProvider keys = provider(options(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        keys.keys();
        for (int i = 0; i < 50; i++) {
            keys.keysForUnknownKid("attacker-" + i);
        }
        assertEquals(2, server.requests(), "the first fetch and one refresh for all 50 unknown kids");
    }

    @Test
    void keysPastTheirStalenessAreNotUsed() throws Exception {
        RemoteKeyProvider keys = provider(options(Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ZERO),
                server.uri());
        keys.keys();
        server.down();
        Thread.sleep(1200);
        assertThrows(KeysUnavailableException.class, keys::keys);
    }

    @Test
    void maxAgeSetsTheRefresh() throws Exception {
        server.cacheControl("public, max-age=1");
        RemoteKeyProvider keys = provider(options(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        keys.keys();
        Thread.sleep(2000);
        assertTrue(server.requests() >= 2, "refreshed in the background after max-age: " + server.requests());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "max-age=600           | 600",
        "public, max-age=30    | 30",
        "MAX-AGE=\"90\"        | 90",
        "no-store              | 0",
        "no-cache, max-age=60  | 0",
        "private               | none"})
    void cacheControlMaxAge(String header, Long expected) {
        assertEquals(Optional.ofNullable(expected), KeySetFetcher.maxAge(header));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, 300", "0, 60", "10, 60", "600, 600", "999999, 3600"})
    void lifetimeIsMaxAgeWithinBounds(Long maxAge, long expectedSeconds) {
        RemoteKeyOptions options = new RemoteKeyOptions(TIMEOUT, TIMEOUT, 1, Duration.ofSeconds(300),
                Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(30), Duration.ZERO, Optional.empty());
        assertEquals(Duration.ofSeconds(expectedSeconds), options.lifetime(Optional.ofNullable(maxAge)));
    }

    @Test
    void aKeyWeRefuseIsSkippedNotTheWholeSet() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String weak = new com.nimbusds.jose.jwk.RSAKey.Builder(
                (java.security.interfaces.RSAPublicKey) generator.generateKeyPair().getPublic()).keyID("weak-1024")
                .build().toJSONString();
        String good = K1.publicJwks();
        server.serve("{\"keys\":[" + weak + "," + good.substring(good.indexOf('[') + 1));
        RemoteKeyProvider keys = provider(options(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        assertEquals(Set.of("k1"), kids(keys.keys()));
        assertEquals(0, keys.fetchesAndFailures()[1]);
    }

    @Test
    void noKeyUsableIsAFailedFetch() {
        server.serve("{\"keys\":[]}");
        RemoteKeyProvider keys = provider(options(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1)),
                server.uri());
        assertThrows(KeysUnavailableException.class, keys::keys);
        assertFalse(keys.fetchesAndFailures()[1] == 0);
    }
}
