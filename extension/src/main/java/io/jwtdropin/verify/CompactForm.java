package io.jwtdropin.verify;

import java.util.Arrays;

/**
 * Checks a token's compact serialisation before any decoding: only the base64url alphabet and dots, no padding,
 * 3 (JWS) or 5 (JWE) segments, and every segment canonical — a length that base64url can produce and zero unused
 * bits in its last character — so that one token has exactly one spelling. For a JWS the alphabet itself is left to
 * the JDK decoder that reads every one of its characters.
 */
public final class CompactForm {

    public static final int JWS_SEGMENTS = 3;
    public static final int JWE_SEGMENTS = 5;

    /** The 6-bit value of each base64url character; -1 for every other ASCII character. */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private CompactForm() {
    }

    /** @return the number of segments (3 or 5) */
    public static int segments(String token) throws TokenRejectedException {
        int dots = 0;
        int dot1 = -1;
        int dot2 = -1;
        for (int dot = token.indexOf('.'); dot >= 0 && dots <= JWE_SEGMENTS; dot = token.indexOf('.', dot + 1)) {
            dots++;
            dot1 = dots == 1 ? dot : dot1;
            dot2 = dots == 2 ? dot : dot2;
        }
        int segments = dots + 1;
        if (segments != JWS_SEGMENTS && segments != JWE_SEGMENTS) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "wrong number of segments");
        }
        if (token.startsWith(".")) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "empty header");
        }
        if (segments == JWS_SEGMENTS) {
            // Every character of a JWS is read by the JDK's strict base64url decoder (CompactJws), which refuses
            // anything outside the alphabet but would accept padding: only padding and the segment ends are left.
            if (token.indexOf('=') >= 0) {
                throw new TokenRejectedException(FailureReason.MALFORMED, "character outside base64url");
            }
            requireCanonical(token, 0, dot1);
            requireCanonical(token, dot1 + 1, dot2);
            requireCanonical(token, dot2 + 1, token.length());
            return segments;
        }
        // A JWE's segments go to nimbus, whose decoder is lenient: every character is checked here.
        int segmentStart = 0;
        for (int i = 0; i <= token.length(); i++) {
            char c = i < token.length() ? token.charAt(i) : '.';
            if (c == '.') {
                requireCanonical(token, segmentStart, i);
                segmentStart = i + 1;
            } else if (value(c) < 0) {
                throw new TokenRejectedException(FailureReason.MALFORMED, "character outside base64url");
            }
        }
        return segments;
    }

    private static void requireCanonical(String token, int start, int end) throws TokenRejectedException {
        int length = end - start;
        if (length == 0) {
            return;
        }
        int rest = length % 4;
        if (rest == 1) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "impossible base64url length");
        }
        int last = value(token.charAt(end - 1));
        if (last < 0) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "character outside base64url");
        }
        int unusedBitsMask = rest == 2 ? 0x0F : rest == 3 ? 0x03 : 0;
        if ((last & unusedBitsMask) != 0) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "non-canonical base64url");
        }
    }

    /** The 6-bit value of a base64url character, or -1. */
    private static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }
}
