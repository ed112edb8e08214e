package io.jwtdropin.dpop;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces (RFC 9449 §8) that need no shared state beyond one secret: the nonce of a time step is an HMAC of the
 * step's number, so every node holding the secret (shared through the data grid where there is one) issues and
 * accepts the same nonces. The current step's nonce and the one before it are accepted, so a nonce handed out just
 * before a step ends still works for one more lifetime.
 */
final class DpopNonces {

    private record Step(long number, String current, String previous) {
    }

    private final SecretKeySpec secret;
    private final long lifetimeSeconds;
    private final Clock clock;
    private volatile Step step = new Step(Long.MIN_VALUE, "", "");

    DpopNonces(byte[] secret, Duration lifetime, Clock clock) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetimeSeconds = lifetime.toSeconds();
        this.clock = clock;
    }

    /** The nonce clients should use now. */
    String current() {
        return step().current();
    }

    boolean accepts(String nonce) {
        Step now = step();
        byte[] given = nonce.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, now.current().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                || MessageDigest.isEqual(given, now.previous().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private Step step() {
        long number = Math.floorDiv(clock.instant().getEpochSecond(), lifetimeSeconds);
        Step known = step;
        if (known.number() == number) {
            return known;
        }
        Step fresh = new Step(number, nonce(number), nonce(number - 1));
        step = fresh;
        return fresh;
    }

    private String nonce(long number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(number).array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
