package io.jwtdropin.config;

import io.jwtdropin.config.JwtAuthConfig.KeySource;
import java.time.Duration;
import java.util.Optional;

/**
 * How this application mints tokens (present only when {@code jwtdropin.issue.key.location} is set).
 *
 * @param signingKey the private key (for HS256: the inline {@code jwtdropin.verify.secret})
 * @param algorithm  RS256, PS256, ES256, EdDSA or HS256
 * @param issuer     the {@code iss} written (defaults to {@code mp.jwt.verify.issuer})
 * @param audience   the {@code aud} written, if any (defaults to the first of {@code mp.jwt.verify.audiences})
 * @param lifetime   the lifetime of a token (and of its cookie)
 * @param keyId      the {@code kid} written, if any
 */
public record IssuingConfig(KeySource signingKey, String algorithm, String issuer, Optional<String> audience,
        Duration lifetime, Optional<String> keyId) {
}
