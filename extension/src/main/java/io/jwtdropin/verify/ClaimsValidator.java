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

    /** What {@link #numericDate} returns for an absent claim (a present one is never negative). */
    private static final long ABSENT = -1;

    private final Optional<String> issuer;
    private final Set<String> audiences;
    private final long skewMillis;
    private final long maxAgeMillis;
    private final Clock clock;

    ClaimsValidator(Optional<String> issuer, Set<String> audiences, Duration skew, Optional<Duration> maxAge,
            Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.skewMillis = skew.toMillis();
        this.maxAgeMillis = maxAge.map(Duration::toMillis).orElse(ABSENT);
        this.clock = clock;
    }

    /** @return the token's times, once every rule passed */
    TokenTimes validate(JsonObject claims) throws TokenRejectedException {
        long exp = numericDate(claims, "exp");
        if (exp == ABSENT) {
            throw new TokenRejectedException(FailureReason.MISSING_EXP);
        }
        long iat = numericDate(claims, "iat");
        if (iat == ABSENT) {
            throw new TokenRejectedException(FailureReason.MISSING_IAT);
        }
        if (iat > exp) {
            throw new TokenRejectedException(FailureReason.IAT_AFTER_EXP);
        }
        long nbf = numericDate(claims, "nbf");
        checkTimes(iat, exp, nbf);
        checkIssuer(claims, false);
        if (!audiences.isEmpty() && !audienceMatches(claims.get("aud"))) {
            throw new TokenRejectedException(FailureReason.BAD_AUDIENCE);
        }
        return new TokenTimes(Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp),
                nbf == ABSENT ? Optional.empty() : Optional.of(Instant.ofEpochSecond(nbf)));
    }

    /**
     * The {@code iss} rule: the configured issuer, when there is one; with {@code required}, an issuer must be
     * configured (a logout token is only taken from an issuer we know).
     */
    void checkIssuer(JsonObject claims, boolean required) throws TokenRejectedException {
        if (issuer.isEmpty() ? required
                : !(claims.get("iss") instanceof JsonString iss && issuer.get().equals(iss.getString()))) {
            throw new TokenRejectedException(FailureReason.BAD_ISSUER);
        }
    }

    /** The rules that depend on the clock; run again each time a cached token is used. */
    void checkTimes(TokenTimes times) throws TokenRejectedException {
        checkTimes(times.issuedAt().getEpochSecond(), times.expiresAt().getEpochSecond(),
                times.notBefore().isPresent() ? times.notBefore().get().getEpochSecond() : ABSENT);
    }

    /** Seconds against the clock's milliseconds: NumericDates are at most {@link #MAX_NUMERIC_DATE}, no overflow. */
    private void checkTimes(long iat, long exp, long nbf) throws TokenRejectedException {
        long now = clock.millis();
        if (now > exp * 1000 + skewMillis) {
            throw new TokenRejectedException(FailureReason.EXPIRED, detail("exp", exp, now));
        }
        if (iat * 1000 > now + skewMillis) {
            throw new TokenRejectedException(FailureReason.ISSUED_IN_FUTURE, detail("iat", iat, now));
        }
        if (nbf != ABSENT && nbf * 1000 > now + skewMillis) {
            throw new TokenRejectedException(FailureReason.NOT_YET_VALID, detail("nbf", nbf, now));
        }
        // Token age is a policy on when the token was minted, so no skew is added (as the TCK expects).
        if (maxAgeMillis != ABSENT && now > iat * 1000 + maxAgeMillis) {
            throw new TokenRejectedException(FailureReason.TOO_OLD, detail("iat", iat, now));
        }
    }

    private static String detail(String claim, long seconds, long nowMillis) {
        return claim + " " + Instant.ofEpochSecond(seconds) + ", now " + Instant.ofEpochMilli(nowMillis);
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

    /** @return the claim's whole seconds, or {@link #ABSENT} */
    private static long numericDate(JsonObject claims, String name) throws TokenRejectedException {
        JsonValue value = claims.get(name);
        if (value == null) {
            return ABSENT;
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
        return seconds;
    }
}
