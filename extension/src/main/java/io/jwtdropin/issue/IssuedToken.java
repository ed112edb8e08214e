package io.jwtdropin.issue;

import java.time.Duration;
import java.time.Instant;

/**
 * A freshly signed token.
 *
 * @param token     the compact JWS
 * @param expiresAt its {@code exp}
 * @param lifetime  from {@code iat} to {@code exp}; the cookie's {@code Max-Age}
 */
public record IssuedToken(String token, Instant expiresAt, Duration lifetime) {
}
