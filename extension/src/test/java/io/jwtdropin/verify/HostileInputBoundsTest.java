package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.RetainedHeap;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.junit5.JwksServer;
import io.jwtdropin.junit5.TestKeyPair;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A million distinct inputs of each kind an attacker (or a busy identity provider) can send, through the whole
 * verifier: the verified-token cache stays at its size, unknown {@code kid}s cause only the rate-limited key fetches,
 * and the header cache keeps its fixed slots. Each asserts the heap the verifier retains (after full collections),
 * not only the counts: it may grow by less than 8 MiB from the first 20 000 inputs to the millionth, where a map
 * that kept one entry per input would hold hundreds of MiB.
 */
class HostileInputBoundsTest {

    private static final int MILLION = 1_000_000;
    private static final int WARM = 20_000;
    private static final long SLACK = 8L << 20;
    private static final String ISSUER = "https://issuer.example";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int JWKS_PORT = 18305;

    private static TokenVerifier verifier(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.issuer", ISSUER));
        values.putAll(extra);
        return VerifierFactory.create(ConfigReader.read(k -> Optional.ofNullable(values.get(k))),
                HostileInputBoundsTest.class.getClassLoader(), Clock.systemUTC());
    }

    /** A distinct payload per number: what an IdP's tokens look like, each with its own {@code jti} and subject. */
    private static String payload(int i) {
        long now = Instant.now().getEpochSecond();
        return B64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"user" + i + "\",\"upn\":\"user" + i
                + "@example\",\"groups\":[\"user\",\"reader\"],\"jti\":\"id-" + i + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 600) + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMillionDistinctValidTokensLeaveTheCacheAtItsSize() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        TokenVerifier verifier = verifier(Map.of("jwtdropin.verify.secret", B64.encodeToString(secret),
                "jwtdropin.cache.size", "4096"));
        long before = 0;
        for (int i = 0; i < MILLION; i++) {
            if (i == WARM) {
                before = RetainedHeap.bytes();
            }
            String signed = header + "." + payload(i);
            String token = signed + "." + B64.encodeToString(hmac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
            assertEquals("user" + i + "@example", verifier.verify(token).name());
        }
        long grown = RetainedHeap.bytes() - before;
        System.out.printf("bounds: 1M distinct valid tokens: cache %d entries, retained heap %+.1f MiB%n",
                verifier.cacheSize(), grown / 1048576.0);
        assertTrue(verifier.cacheSize() <= 4096, "cache at its size: " + verifier.cacheSize());
        assertEquals(MILLION, verifier.cacheHitsAndMisses()[1], "every token distinct, so every one a miss");
        assertTrue(grown < SLACK, "retained heap grew by " + RetainedHeap.mib(grown));
        Reference.reachabilityFence(verifier);
    }

    @Test
    void aMillionUnknownKidsCauseOnlyTheRateLimitedFetches() throws Exception {
        try (JwksServer jwks = JwksServer.http(JWKS_PORT).serve(TestKeyPair.generate("k1").publicJwks())) {
            TokenVerifier verifier = verifier(Map.of("mp.jwt.verify.publickey.location", jwks.uri().toString(),
                    "jwtdropin.jwks.refresh.min-interval", "1"));
            String signature = B64.encodeToString(new byte[256]);
            long started = System.nanoTime();
            long before = 0;
            for (int i = 0; i < MILLION; i++) {
                if (i == WARM) {
                    before = RetainedHeap.bytes();
                }
                // A new kid, so a new header segment, every time: the header cache and the key look-up both see it.
                String header = B64.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"attacker-" + i + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                String token = header + "." + payload(i) + "." + signature;
                assertEquals(FailureReason.NO_MATCHING_KEY,
                        assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason());
            }
            long grown = RetainedHeap.bytes() - before;
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            System.out.printf("bounds: 1M unknown kids in %d s: %d key fetches, retained heap %+.1f MiB%n", seconds,
                    jwks.requests(), grown / 1048576.0);
            // The first fetch, then at most one refresh per second of the run (the interval), plus one at its edge.
            assertTrue(jwks.requests() <= seconds + 2, jwks.requests() + " fetches in " + seconds + " s");
            assertTrue(grown < SLACK, "retained heap grew by " + RetainedHeap.mib(grown));
            Reference.reachabilityFence(verifier);
            verifier.close();
        }
    }
}
