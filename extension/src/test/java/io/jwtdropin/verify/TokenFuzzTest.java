package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over the whole verification path: valid tokens (RS256, ES256) are mutated (character
 * and bit flips, segment shuffles, splices, re-encoded JSON fragments) and fed to the verifier. The only outcome
 * allowed besides acceptance is a {@link TokenRejectedException}; no input may take more than 50 ms.
 * {@code -Dfuzz.inputs=N} sets the count (default 5,000; {@code mvn -Pfuzz} runs 1,000,000); {@code -Dfuzz.seed}
 * replays a run.
 */
class TokenFuzzTest {

    static final long MAX_NANOS = 50_000_000L;
    static final int WARMUP = 300;
    static final String[] FRAGMENTS = {"{}", "[]", "{\"alg\":\"none\"}", "{\"alg\":\"RS256\",\"crit\":[]}",
        "{\"exp\":1e309}", "{\"exp\":-0}", "\"", "{\"a\":" + "[".repeat(200), "\u0000", "{\"alg\":\"ES256\",\"kid\":\"../x\"}",
        "{\"iss\":null,\"exp\":\"x\"}", "{\"groups\":[1,{}]}", "\uD800", "{\"alg\":\"RS256\"}{\"alg\":\"none\"}"};

    @Test
    void noInputEscapesTheTypedRefusalOrTakesTooLong() {
        int inputs = Integer.getInteger("fuzz.inputs", 5_000);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        TokenVerifier rsa = TokenVerifierTest.verifier(Map.of());
        TokenVerifier ec = TokenVerifierTest.verifier(Map.of("mp.jwt.verify.publickey", TokenVerifierTest.pem(TokenVerifierTest.EC),
                "mp.jwt.verify.publickey.algorithm", "ES256"));
        List<String> seeds = List.of(TokenVerifierTest.rs256(TokenVerifierTest.claims().build()),
                TokenVerifierTest.sign(new JWSHeader(JWSAlgorithm.ES256), TokenVerifierTest.claims().build(), TokenVerifierTest.EC));
        long slowest = 0;
        int refused = 0;
        for (int i = 0; i < inputs; i++) {
            String original = seeds.get(random.nextInt(seeds.size()));
            String token = mutate(original, random);
            TokenVerifier verifier = random.nextInt(8) == 0 ? ec : rsa;
            long nanos = timed(verifier, token, seed);
            if (nanos > MAX_NANOS && i >= WARMUP) {
                // A pause (GC, a busy CI core) is not the input's fault: the input's cost is its fastest of three runs.
                nanos = Math.min(nanos, Math.min(timed(verifier, token, seed), timed(verifier, token, seed)));
                assertTrue(nanos <= MAX_NANOS, "input took " + nanos / 1_000_000 + " ms (seed " + seed + "): " + token);
            }
            slowest = i >= WARMUP ? Math.max(slowest, nanos) : slowest;
            if (accepted(verifier, token)) {
                // One token has one spelling: a mutation may only be accepted if it changed nothing.
                assertTrue(token.equals(original), "a different spelling was accepted (seed " + seed + "): " + token);
            } else {
                refused++;
            }
        }
        System.out.printf("fuzz: %d inputs, %d refused, slowest %.2f ms after warm-up, seed %d%n", inputs, refused,
                slowest / 1e6, seed);
    }

    private static long timed(TokenVerifier verifier, String token, long seed) {
        long start = System.nanoTime();
        accepted(verifier, token);
        return System.nanoTime() - start;
    }

    private static boolean accepted(TokenVerifier verifier, String token) {
        try {
            verifier.verify(token);
            return true;
        } catch (TokenRejectedException e) {
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            fail("escaped the typed refusal: " + e + " for " + token, e);
            return false;
        }
    }

    static String mutate(String token, Random random) {
        StringBuilder t = new StringBuilder(token);
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds && t.length() > 0; r++) {
            int at = random.nextInt(t.length());
            switch (random.nextInt(9)) {
                case 0 -> t.setCharAt(at, (char) (t.charAt(at) ^ (1 << random.nextInt(7))));
                case 1 -> t.setCharAt(at, "AQgw_-.=+/ \u00e9\u0000".charAt(random.nextInt(13)));
                case 2 -> t.deleteCharAt(at);
                case 3 -> t.insert(at, '.');
                case 4 -> t.replace(0, t.length(), replaceSegment(t.toString(), random));
                case 5 -> t.append(t.substring(random.nextInt(t.length())));
                case 6 -> t.setLength(at);
                case 7 -> t.replace(0, t.length(), swapSegments(t.toString(), random));
                default -> t.insert(at, b64(FRAGMENTS[random.nextInt(FRAGMENTS.length)]));
            }
        }
        return t.toString();
    }

    private static String replaceSegment(String token, Random random) {
        String[] parts = token.split("\\.", -1);
        parts[random.nextInt(parts.length)] = b64(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        return String.join(".", parts);
    }

    private static String swapSegments(String token, Random random) {
        List<String> parts = new ArrayList<>(List.of(token.split("\\.", -1)));
        java.util.Collections.swap(parts, random.nextInt(parts.size()), random.nextInt(parts.size()));
        return String.join(".", parts);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
