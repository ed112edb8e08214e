package io.jwtdropin.verify;

import java.time.Instant;
import java.util.Optional;

/** A verified token's NumericDates, kept so that a cached token's time can be checked again on every use. */
public record TokenTimes(Instant issuedAt, Instant expiresAt, Optional<Instant> notBefore) {
}
