package io.jwtdropin.revoke;

import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.RevocationCheck;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.VerifiedToken;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The request-path check against this node's {@link RevocationList}: by {@code jti}, and by subject ({@code sub},
 * else the caller name) and {@code iat}. Optionally refuses tokens without a {@code jti}, which cannot be revoked
 * one by one.
 */
public record RevokedTokens(RevocationList list, boolean requireJti) implements RevocationCheck {

    @Override
    public void check(VerifiedToken token) throws TokenRejectedException {
        String jti = string(token.claims().get("jti"));
        if (jti == null && requireJti) {
            throw new TokenRejectedException(FailureReason.MISSING_JTI);
        }
        String subject = string(token.claims().get("sub"));
        String sid = string(token.claims().get("sid"));
        if (list.isRevoked(jti, sid, subject == null ? token.name() : subject, token.times().issuedAt().getEpochSecond())) {
            throw new TokenRejectedException(FailureReason.REVOKED);
        }
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
