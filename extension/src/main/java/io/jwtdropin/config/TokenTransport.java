package io.jwtdropin.config;

import java.util.Set;

/**
 * Where tokens travel and how a cookie-borne one is protected.
 *
 * @param sources        where tokens are read from; both means header first, and two different tokens are refused
 * @param cookieName     the token cookie's name (read and written)
 * @param sameSite       the {@code SameSite} attribute of cookies we write: {@code Strict} or {@code Lax}
 * @param csrfProtection whether unsafe requests authenticated by the cookie must be same-origin
 * @param allowedOrigins origins (besides the server's own) allowed to send such requests
 */
public record TokenTransport(Set<Source> sources, String cookieName, String sameSite, boolean csrfProtection,
        Set<String> allowedOrigins) {

    public TokenTransport {
        sources = Set.copyOf(sources);
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Where a request's token may come from. */
    public enum Source { AUTHORIZATION_HEADER, COOKIE }

    public boolean accepts(Source source) {
        return sources.contains(source);
    }
}
