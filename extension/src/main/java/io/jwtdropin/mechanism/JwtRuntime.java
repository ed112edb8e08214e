package io.jwtdropin.mechanism;

import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.token.TokenExtractor;
import io.jwtdropin.verify.TokenVerifier;

/** What the request path needs, built once per application at deployment. */
public record JwtRuntime(JwtAuthConfig config, TokenExtractor extractor, TokenVerifier verifier) {
}
