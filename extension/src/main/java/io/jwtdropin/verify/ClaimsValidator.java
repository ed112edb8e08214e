package io.jwtdropin.verify;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The MP-JWT claim rules: time ({@code exp}, {@code iat}, {@code nbf}, token age), issuer and audience. */
final class ClaimsValidator {

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

    void validate(JWTClaimsSet claims) throws TokenRejectedException {
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime(), FailureReason.MISSING_EXP);
        Instant iat = instant(claims.getIssueTime(), FailureReason.MISSING_IAT);
        if (now.isAfter(exp.plus(skew))) {
            throw new TokenRejectedException(FailureReason.EXPIRED, "exp " + exp + ", now " + now);
        }
        if (iat.isAfter(now.plus(skew))) {
            throw new TokenRejectedException(FailureReason.ISSUED_IN_FUTURE, "iat " + iat + ", now " + now);
        }
        if (iat.isAfter(exp)) {
            throw new TokenRejectedException(FailureReason.IAT_AFTER_EXP);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new TokenRejectedException(FailureReason.NOT_YET_VALID, "nbf " + nbf.toInstant() + ", now " + now);
        }
        // Token age is a policy on when the token was minted, so no skew is added (as the TCK expects).
        if (maxAge.isPresent() && now.isAfter(iat.plus(maxAge.get()))) {
            throw new TokenRejectedException(FailureReason.TOO_OLD, "iat " + iat + ", now " + now);
        }
        if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
            throw new TokenRejectedException(FailureReason.BAD_ISSUER);
        }
        if (!audiences.isEmpty()) {
            List<String> aud = claims.getAudience();
            if (aud == null || aud.stream().noneMatch(audiences::contains)) {
                throw new TokenRejectedException(FailureReason.BAD_AUDIENCE);
            }
        }
    }

    private static Instant instant(Date date, FailureReason missing) throws TokenRejectedException {
        if (date == null) {
            throw new TokenRejectedException(missing);
        }
        return date.toInstant();
    }
}
