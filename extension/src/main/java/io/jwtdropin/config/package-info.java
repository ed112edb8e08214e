/**
 * Configuration: the {@code mp.jwt.*} and {@code jwtdropin.*} keys read and validated once into one immutable {@link io.jwtdropin.config.JwtAuthConfig}.
 * Knows nothing of tokens, keys or the container; the rest of the jar never reads a config key.
 */
package io.jwtdropin.config;
