package io.jwtdropin.revoke;

import io.jwtdropin.keys.KeyLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.junit5.JwtTestKeys;
import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerificationEvents;
import io.jwtdropin.verify.VerifierFactory;
import io.jwtdropin.MutableClock;
import io.jwtdropin.RetainedHeap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The revocation list and the request-path check, with tokens from the test helper and the real verifier. */
class RevocationTest {

    static final long NOW = 1_800_000_000L;

    @ParameterizedTest(name = "jti {0}, sub {1}, iat {2} -> revoked {3}")
    @CsvSource(nullValues = "none", value = {
        "t-1,  bob,   1799999000, true",   // revoked by jti
        "t-2,  bob,   1799999000, false",
        "t-2,  alice, 1799999999, true",   // issued before alice's cut-off
        "t-2,  alice, 1800000000, true",   // the cut-off's own second is included
        "t-2,  alice, 1800000001, false",  // issued after: a fresh login works
        "none, alice, 1799990000, true",   // no jti: still revoked by subject
        "none, none,  1799990000, false"})
    void listRules(String jti, String subject, long iat, boolean revoked) {
        RevocationList list = new RevocationList(100, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        list.revokeToken("t-1", NOW + 600);
        list.revokeSubject("alice", NOW, NOW + 86_400);
        assertEquals(revoked, list.isRevoked(jti, null, subject, iat));
    }

    @Test
    void entriesLeaveWithTheirTokensAndTheListStaysBounded() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
        RevocationList list = new RevocationList(10_000, clock);
        for (int i = 0; i < 20_000; i++) {
            list.revokeToken("jti-" + i, NOW + 60 + i);
        }
        assertTrue(list.size() <= 10_000, "bounded: " + list.size());
        assertTrue(list.isRevoked("jti-19999", null, null, 0), "the longest-lived ones are kept");
        clock.set(Instant.ofEpochSecond(NOW + 100_000));
        list.prune();
        assertEquals(0, list.size());
    }

    @Test
    void expiredEntriesLeaveWithoutTheListReachingItsBound() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
        RevocationList list = new RevocationList(100_000, clock);
        // A log-out a second for an hour, each token living five minutes: about 300 are live at any time.
        for (int second = 0; second < 3600; second++) {
            clock.set(Instant.ofEpochSecond(NOW + second));
            list.revokeToken("jti-" + second, NOW + second + 300);
            list.revokeSession("sid-" + second, NOW + second + 300);
            list.revokeSubject("user-" + second, NOW + second, NOW + second + 300);
        }
        assertTrue(list.size() <= 3 * 361, "only live entries and at most a minute of expired ones: " + list.size());
        assertTrue(list.isRevoked("jti-3599", null, null, 0));
        assertTrue(list.isRevoked(null, "sid-3599", null, 0));
        assertFalse(list.isRevoked("jti-100", null, null, 0), "expired an hour ago, swept out");
    }

    @Test
    void aMillionRevocationsBeyondMaxEntriesKeepTheLatestExpiringAndTheHeapBounded() {
        RevocationList list = new RevocationList(100_000, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        long before = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (i == 200_000) {
                before = RetainedHeap.bytes();
            }
            list.revokeToken("jti-" + i, NOW + 3600 + i); // each expires later than the one before
        }
        long grown = RetainedHeap.bytes() - before;
        System.out.printf("bounds: 1M revocations, max-entries 100000: %d kept, retained heap %+.1f MiB%n", list.size(),
                grown / 1048576.0);
        assertTrue(list.size() <= 100_000, "bounded: " + list.size());
        assertTrue(list.isRevoked("jti-999999", null, null, 0), "the documented drop rule keeps the latest expiring");
        assertFalse(list.isRevoked("jti-0", null, null, 0), "and drops those expiring first");
        assertTrue(grown < 8L << 20, "retained heap grew by " + RetainedHeap.mib(grown));
        java.lang.ref.Reference.reachabilityFence(list);
    }

    @Test
    void aCachedTokenIsRefusedOnceRevoked() throws Exception {
        RevocationList list = new RevocationList(100, Clock.systemUTC());
        TokenVerifier verifier = verifier(new RevokedTokens(list, false));
        String token = JwtTestKeys.tokens().forUser("alice").groups("user").sign();
        String jti = verifier.verify(token).claims().getString("jti");
        verifier.verify(token); // now a cache hit
        list.revokeToken(jti, Instant.now().plusSeconds(300).getEpochSecond());
        assertEquals(FailureReason.REVOKED,
                assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason());
        assertTrue(verifier.cacheHitsAndMisses()[0] >= 2, "the refused use was a cache hit");
        String other = JwtTestKeys.tokens().forUser("alice").groups("user").sign();
        assertEquals("alice", verifier.verify(other).name(), "revoking one jti leaves the subject's other tokens");
    }

    @Test
    void logOutEverywhereRefusesOlderTokensOnly() throws Exception {
        RevocationList list = new RevocationList(100, Clock.systemUTC());
        TokenVerifier verifier = verifier(new RevokedTokens(list, false));
        String older = JwtTestKeys.tokens().forUser("alice").issuedAgo(Duration.ofSeconds(30)).sign();
        String bobs = JwtTestKeys.tokens().forUser("bob").issuedAgo(Duration.ofSeconds(30)).sign();
        long cutoff = Instant.now().minusSeconds(5).getEpochSecond();
        list.revokeSubject("alice", cutoff, cutoff + 86_400);
        assertThrows(TokenRejectedException.class, () -> verifier.verify(older));
        assertEquals("bob", verifier.verify(bobs).name());
        assertEquals("alice", verifier.verify(JwtTestKeys.tokens().forUser("alice").sign()).name());
    }

    @Test
    void requireJtiRefusesTokensWithoutOne() {
        TokenVerifier verifier = verifier(new RevokedTokens(new RevocationList(10, Clock.systemUTC()), true));
        String noJti = JwtTestKeys.tokens().forUser("alice").claim("jti", null).sign();
        assertEquals(FailureReason.MISSING_JTI,
                assertThrows(TokenRejectedException.class, () -> verifier.verify(noJti)).reason());
    }

    static TokenVerifier verifier(RevokedTokens check) {
        Map<String, String> values = new HashMap<>(JwtTestKeys.mpJwtKeys());
        return VerifierFactory.create(ConfigReader.read(k -> Optional.ofNullable(values.get(k))),
                RevocationTest.class.getClassLoader(), Clock.systemUTC(), KeyLoader.daemonScheduler(),
                VerificationEvents.NONE, check);
    }
}
