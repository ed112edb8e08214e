package io.jwtdropin.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Mints signed tokens with the key in {@code jwtdropin.issue.key.location}:
 * <pre>{@code
 * @Inject TokenIssuer issuer;
 * IssuedToken token = issuer.forSubject("alice").groups("user").claim("email", "alice@example.com").issue();
 * }</pre>
 * Every token carries {@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti},
 * and {@code aud} when one is configured.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Set<String> RESERVED = Set.of("iss", "sub", "upn", "groups", "iat", "exp", "jti", "aud");

    /** Injected when this bean is first used; its producer says which key to set when issuing is off. */
    @Inject
    TokenSigner signer;

    public Builder forSubject(String subject) {
        return new Builder(signer, Objects.requireNonNull(subject, "subject"));
    }

    /** Collects one token's claims; not thread-safe, use one per token. */
    public static final class Builder {

        private final TokenSigner signer;
        private final String subject;
        private String upn;
        private List<String> groups = List.of();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Duration lifetime;

        Builder(TokenSigner signer, String subject) {
            this.signer = signer;
            this.subject = subject;
            this.upn = subject;
        }

        public Builder upn(String upn) {
            this.upn = Objects.requireNonNull(upn, "upn");
            return this;
        }

        public Builder groups(String... groups) {
            this.groups = List.of(groups);
            return this;
        }

        public Builder groups(Set<String> groups) {
            this.groups = List.copyOf(groups);
            return this;
        }

        /** A custom claim (a String, Number, Boolean, List or Map); registered claims are set by the issuer. */
        public Builder claim(String name, Object value) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("jwt-dropin: the issuer sets " + name + " itself");
            }
            claims.put(name, value);
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public IssuedToken issue() {
            return signer.sign(subject, upn, groups, claims, lifetime);
        }
    }
}
