package io.jwtdropin.verify;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The MP-JWT claim rules on the payload as parsed once: time ({@code exp}, {@code iat}, {@code nbf}, token age),
 * issuer and audience. NumericDates must be JSON numbers from 0 up to {@link #MAX_NUMERIC_DATE}: a string, a
 * negative number or one that would overflow is refused, never read as "absent".
 */
final class ClaimsValidator {

    /** 9999-12-31T23:59:59Z; anything later is not a date a real issuer writes. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private final Optional<String> issuer;
    private final Set<String> audiences;
    private final Duration skew;
    private final Optional<Duration> maxAge;
    private final Clock clock;

    ClaimsValidator(Optional<String> issuer, Set<String> audiences, Duration skew, Optional<Duration> maxAge,
            Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.skew = skew;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @return the token's times, once every rule passed */
    TokenTimes validate(JsonObject claims) throws TokenRejectedException {
        Instant exp = numericDate(claims, "exp").orElseThrow(() -> new TokenRejectedException(FailureReason.MISSING_EXP));
        Instant iat = numericDate(claims, "iat").orElseThrow(() -> new TokenRejectedException(FailureReason.MISSING_IAT));
        if (iat.isAfter(exp)) {
            throw new TokenRejectedException(FailureReason.IAT_AFTER_EXP);
        }
        TokenTimes times = new TokenTimes(iat, exp, numericDate(claims, "nbf"));
        checkTimes(times);
        if (issuer.isPresent() && !(claims.get("iss") instanceof JsonString iss && issuer.get().equals(iss.getString()))) {
            throw new TokenRejectedException(FailureReason.BAD_ISSUER);
        }
        if (!audiences.isEmpty() && !audienceMatches(claims.get("aud"))) {
            throw new TokenRejectedException(FailureReason.BAD_AUDIENCE);
        }
        return times;
    }

    /** The rules that depend on the clock; run again each time a cached token is used. */
    void checkTimes(TokenTimes times) throws TokenRejectedException {
        Instant now = clock.instant();
        Instant exp = times.expiresAt();
        Instant iat = times.issuedAt();
        Optional<Instant> nbf = times.notBefore();
        if (now.isAfter(exp.plus(skew))) {
            throw new TokenRejectedException(FailureReason.EXPIRED, "exp " + exp + ", now " + now);
        }
        if (iat.isAfter(now.plus(skew))) {
            throw new TokenRejectedException(FailureReason.ISSUED_IN_FUTURE, "iat " + iat + ", now " + now);
        }
        if (nbf.isPresent() && nbf.get().isAfter(now.plus(skew))) {
            throw new TokenRejectedException(FailureReason.NOT_YET_VALID, "nbf " + nbf.get() + ", now " + now);
        }
        // Token age is a policy on when the token was minted, so no skew is added (as the TCK expects).
        if (maxAge.isPresent() && now.isAfter(iat.plus(maxAge.get()))) {
            throw new TokenRejectedException(FailureReason.TOO_OLD, "iat " + iat + ", now " + now);
        }
    }

    private boolean audienceMatches(JsonValue aud) {
        if (aud instanceof JsonString single) {
            return audiences.contains(single.getString());
        }
        if (aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY) {
            return aud.asJsonArray().stream().anyMatch(v -> v instanceof JsonString s && audiences.contains(s.getString()));
        }
        return false;
    }

    private static Optional<Instant> numericDate(JsonObject claims, String name) throws TokenRejectedException {
        JsonValue value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number)) {
            throw new TokenRejectedException(FailureReason.BAD_NUMERIC_DATE, name + " is not a number");
        }
        long seconds;
        if (number.isIntegral()) {
            try {
                seconds = number.longValueExact();
            } catch (ArithmeticException e) {
                throw new TokenRejectedException(FailureReason.BAD_NUMERIC_DATE, name + " out of range");
            }
        } else {
            // A fractional NumericDate (allowed by RFC 7519): its whole seconds, range-checked first.
            BigDecimal exact = number.bigDecimalValue();
            seconds = exact.compareTo(BigDecimal.valueOf(MAX_NUMERIC_DATE)) > 0 ? Long.MAX_VALUE : exact.longValue();
            seconds = exact.signum() < 0 ? -1 : seconds;
        }
        if (seconds < 0 || seconds > MAX_NUMERIC_DATE) {
            throw new TokenRejectedException(FailureReason.BAD_NUMERIC_DATE, name + " out of range");
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }
}
