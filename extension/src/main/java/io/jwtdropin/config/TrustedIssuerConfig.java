package io.jwtdropin.config;

import io.jwtdropin.config.JwtAuthConfig.KeySource;
import java.util.Optional;
import java.util.Set;

/**
 * One issuer whose tokens are accepted: its {@code iss}, where its keys come from, which algorithms they verify and
 * which audiences its tokens must name.
 *
 * @param name       the entry's name in configuration ({@code mp.jwt} for the standard keys)
 * @param issuer     the {@code iss} it selects; empty only for the standard entry when no issuer is configured
 * @param keys       its verification key source
 * @param algorithms its pinned algorithms (empty: each key's default)
 * @param audiences  accepted {@code aud} values (empty: not checked)
 * @param groups     where its tokens carry the caller's groups
 */
public record TrustedIssuerConfig(String name, Optional<String> issuer, KeySource keys, Set<String> algorithms,
        Set<String> audiences, GroupClaims groups) {

    public TrustedIssuerConfig {
        algorithms = Set.copyOf(algorithms);
        audiences = Set.copyOf(audiences);
    }
}
