package io.jwtdropin.logout;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a valid logout token asks (OpenID Connect Back-Channel Logout 1.0 §2.4, §2.6): end the session {@code sid},
 * or every session of the subject {@code sub}.
 *
 * @param sid       the session, if named
 * @param subject   the subject, if named
 * @param jti       its unique id, for replay detection
 * @param expiresAt when it stops being valid ({@code exp}, else {@code iat} plus the replay window)
 */
record LogoutToken(Optional<String> sid, Optional<String> subject, String jti, Instant expiresAt) {

    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** Checks the claims of a token whose signature and issuer have been verified. */
    static LogoutToken of(JsonObject claims, Set<String> audiences, Instant now, Duration skew, Duration window)
            throws LogoutRejectedException {
        if (!namesAudience(claims.get("aud"), audiences)) {
            throw new LogoutRejectedException(LogoutFailure.BAD_AUDIENCE);
        }
        Optional<Long> iat = seconds(claims.get("iat"));
        Optional<Long> exp = seconds(claims.get("exp"));
        if (iat.isEmpty() || Instant.ofEpochSecond(iat.get()).isAfter(now.plus(skew))
                || exp.isPresent() && Instant.ofEpochSecond(exp.get()).plus(skew).isBefore(now)
                || claims.get("exp") != null && exp.isEmpty()) {
            throw new LogoutRejectedException(LogoutFailure.BAD_TIMES);
        }
        if (!(claims.get("events") instanceof JsonObject events)
                || events.get(LOGOUT_EVENT) == null || events.get(LOGOUT_EVENT).getValueType() != JsonValue.ValueType.OBJECT) {
            throw new LogoutRejectedException(LogoutFailure.NO_LOGOUT_EVENT);
        }
        if (claims.containsKey("nonce")) {
            throw new LogoutRejectedException(LogoutFailure.HAS_NONCE);
        }
        Optional<String> sid = string(claims.get("sid"));
        Optional<String> sub = string(claims.get("sub"));
        if (sid.isEmpty() && sub.isEmpty()) {
            throw new LogoutRejectedException(LogoutFailure.NO_SUBJECT_OR_SESSION);
        }
        String jti = string(claims.get("jti")).orElseThrow(() -> new LogoutRejectedException(LogoutFailure.REPLAYED));
        Instant expiresAt = exp.map(Instant::ofEpochSecond).orElse(Instant.ofEpochSecond(iat.get()).plus(window));
        return new LogoutToken(sid, sub, jti, expiresAt.plus(skew));
    }

    private static boolean namesAudience(JsonValue aud, Set<String> audiences) {
        if (aud instanceof JsonString s) {
            return audiences.contains(s.getString());
        }
        if (aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY) {
            return aud.asJsonArray().stream().anyMatch(v -> v instanceof JsonString s && audiences.contains(s.getString()));
        }
        return false;
    }

    private static Optional<Long> seconds(JsonValue value) {
        return value instanceof JsonNumber n && n.isIntegral() ? Optional.of(n.longValue()) : Optional.empty();
    }

    private static Optional<String> string(JsonValue value) {
        return value instanceof JsonString s && !s.getString().isEmpty() ? Optional.of(s.getString()) : Optional.empty();
    }
}
