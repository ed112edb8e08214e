package io.jwtdropin.verify;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.util.Locale;

/**
 * The header {@code typ} rules (RFC 8725 §3.11: explicit typing keeps one kind of JWT from being used as another). An
 * access token's {@code typ} is absent, {@code JWT} or RFC 9068's {@code at+jwt}; a logout token's is absent or
 * {@code logout+jwt}. The {@code application/} prefix may be written or not, in any case (RFC 7515 §4.1.9).
 */
final class TokenType {

    private TokenType() {
    }

    /** @param requireAtJwt whether {@code at+jwt} is the only type accepted */
    static void checkAccessToken(JWSHeader header, boolean requireAtJwt) throws TokenRejectedException {
        String type = normalized(header.getType());
        boolean ok = requireAtJwt ? "at+jwt".equals(type) : type == null || "jwt".equals(type) || "at+jwt".equals(type);
        if (!ok) {
            throw new TokenRejectedException(FailureReason.WRONG_TYPE, "typ " + header.getType());
        }
    }

    static boolean isLogoutTokenType(JWSHeader header) {
        String type = normalized(header.getType());
        return type == null || "logout+jwt".equals(type);
    }

    private static String normalized(JOSEObjectType type) {
        if (type == null) {
            return null;
        }
        String lower = type.getType().toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }
}
