package io.jwtdropin.token;

import io.jwtdropin.config.JwtAuthConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;

/** Reads the token of a request from where configuration says: the {@code Authorization} header or a cookie. */
public final class TokenExtractor {

    private static final String BEARER = "Bearer";

    private final JwtAuthConfig.TokenSource source;
    private final String cookieName;

    public TokenExtractor(JwtAuthConfig.TokenSource source, String cookieName) {
        this.source = source;
        this.cookieName = cookieName;
    }

    public Optional<String> extract(HttpServletRequest request) {
        if (source == JwtAuthConfig.TokenSource.COOKIE) {
            for (String header : Collections.list(request.getHeaders("Cookie"))) {
                Optional<String> token = CookieHeader.value(header, cookieName);
                if (token.isPresent()) {
                    return token;
                }
            }
            return Optional.empty();
        }
        return bearer(request.getHeader("Authorization"));
    }

    /** The credentials of a {@code Bearer} authorization; the scheme is case-insensitive (RFC 9110 §11.1). */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.charAt(BEARER.length()) != ' ') {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim()).filter(t -> !t.isEmpty());
    }
}
