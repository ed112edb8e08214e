package io.jwtdropin.config;

import java.util.Set;

/**
 * The OpenID Connect Back-Channel Logout endpoint, when enabled: the identity provider posts a logout token to it,
 * and the session or subject it names is revoked.
 *
 * @param path      the endpoint's path inside the application, starting with {@code /}
 * @param audiences the client ids a logout token's {@code aud} must name (ours at the identity provider)
 */
public record LogoutConfig(String path, Set<String> audiences) {

    public LogoutConfig {
        audiences = Set.copyOf(audiences);
    }
}
