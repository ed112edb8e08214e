package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.MutableClock;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    static TokenVerifier verifier(Clock clock, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.publickey", TokenVerifierTest.pem(TokenVerifierTest.RSA),
                "mp.jwt.verify.issuer", TokenVerifierTest.ISSUER));
        values.putAll(extra);
        JwtAuthConfig config = ConfigReader.read(key -> Optional.ofNullable(values.get(key)));
        return VerifierFactory.create(config, VerifiedTokenCacheTest.class.getClassLoader(), clock);
    }

    @Test
    void secondUseIsAHit() throws Exception {
        TokenVerifier verifier = verifier(new MutableClock(TokenVerifierTest.NOW), Map.of());
        String token = TokenVerifierTest.rs256(TokenVerifierTest.claims().build());
        VerifiedToken first = verifier.verify(token);
        assertSame(first, verifier.verify(token));
        assertArrayEquals(new long[] {1, 1}, verifier.cacheHitsAndMisses());
    }

    @Test
    void aCachedTokenStillExpires() throws Exception {
        MutableClock clock = new MutableClock(TokenVerifierTest.NOW);
        TokenVerifier verifier = verifier(clock, Map.of("jwtdropin.cache.ttl", "86400"));
        String token = TokenVerifierTest.rs256(TokenVerifierTest.claims().build());
        verifier.verify(token);
        clock.set(clock.instant().plus(Duration.ofSeconds(300 + 61)));
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
        assertEquals(FailureReason.EXPIRED, e.reason());
    }

    @Test
    void aCachedTokenStillAges() throws Exception {
        MutableClock clock = new MutableClock(TokenVerifierTest.NOW);
        TokenVerifier verifier = verifier(clock, Map.of("mp.jwt.verify.token.age", "60"));
        String token = TokenVerifierTest.rs256(TokenVerifierTest.claims().build());
        verifier.verify(token);
        clock.set(clock.instant().plusSeconds(55));
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
        assertEquals(FailureReason.TOO_OLD, e.reason());
    }

    @Test
    void aNotYetValidTokenIsNeverCachedValid() throws Exception {
        MutableClock clock = new MutableClock(TokenVerifierTest.NOW);
        TokenVerifier verifier = verifier(clock, Map.of());
        String token = TokenVerifierTest.rs256(TokenVerifierTest.claims()
                .notBeforeTime(Date.from(TokenVerifierTest.NOW.plusSeconds(30))).build());
        verifier.verify(token);
        assertEquals("alice@example", verifier.verify(token).name());
    }

    @Test
    void offWhenSizeIsZero() throws Exception {
        TokenVerifier verifier = verifier(new MutableClock(TokenVerifierTest.NOW), Map.of("jwtdropin.cache.size", "0"));
        String token = TokenVerifierTest.rs256(TokenVerifierTest.claims().build());
        verifier.verify(token);
        verifier.verify(token);
        assertArrayEquals(new long[] {0, 0}, verifier.cacheHitsAndMisses());
    }

    @Test
    void staysBounded() {
        MutableClock clock = new MutableClock(TokenVerifierTest.NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ofMinutes(5), clock);
        VerifiedToken token = new VerifiedToken("t", jakarta.json.Json.createObjectBuilder().build(), "n",
                java.util.Set.of(), new TokenTimes(clock.instant(), clock.instant().plusSeconds(600), Optional.empty()));
        for (int i = 0; i < 1000; i++) {
            cache.put(VerifiedTokenCache.key("token-" + i), token, null, null);
        }
        assertTrue(cache.size() <= 10, "size " + cache.size());
    }

    @Test
    void anEntryLeavesAtTheTokensExp() {
        MutableClock clock = new MutableClock(TokenVerifierTest.NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ofHours(1), clock);
        VerifiedToken token = new VerifiedToken("t", jakarta.json.Json.createObjectBuilder().build(), "n",
                java.util.Set.of(), new TokenTimes(clock.instant(), clock.instant().plusSeconds(30), Optional.empty()));
        cache.put(VerifiedTokenCache.key("t"), token, null, null);
        clock.set(clock.instant().plusSeconds(31));
        assertEquals(null, cache.get(VerifiedTokenCache.key("t")));
    }
}
