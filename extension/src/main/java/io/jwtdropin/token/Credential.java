package io.jwtdropin.token;

import io.jwtdropin.config.TokenTransport.Source;

/** What a request carried: no token, one token from a known source, or two different tokens. */
public sealed interface Credential {

    /** No token in any accepted source. */
    record None() implements Credential {
    }

    /**
     * One token, and where it came from (the CSRF rules depend on it).
     *
     * @param dpop whether it came as {@code Authorization: DPoP} rather than {@code Bearer} (the DPoP rules depend on it)
     */
    record Token(String value, Source source, boolean dpop) implements Credential {

        public Token(String value, Source source) {
            this(value, source, false);
        }
    }

    /** Header and cookie both carry a token, and they differ: refused, never a silent pick. */
    record Ambiguous() implements Credential {
    }
}
