package io.jwtdropin.verify;

/**
 * Checks a token's compact serialisation before any decoding: only the base64url alphabet and dots, no padding,
 * no empty header, and a segment count of 3 (JWS) or 5 (JWE). One token has one spelling.
 */
final class CompactForm {

    static final int JWS_SEGMENTS = 3;
    static final int JWE_SEGMENTS = 5;

    private CompactForm() {
    }

    /** @return the number of segments (3 or 5) */
    static int segments(String token) throws TokenRejectedException {
        int segments = 1;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                segments++;
                if (segments > JWE_SEGMENTS) {
                    break;
                }
            } else if (!isBase64Url(c)) {
                throw new TokenRejectedException(FailureReason.MALFORMED, "character outside base64url");
            }
        }
        if (segments != JWS_SEGMENTS && segments != JWE_SEGMENTS) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "wrong number of segments");
        }
        if (token.startsWith(".")) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "empty header");
        }
        return segments;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
