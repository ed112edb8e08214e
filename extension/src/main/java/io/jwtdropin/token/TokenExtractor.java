package io.jwtdropin.token;

import io.jwtdropin.config.TokenTransport;
import io.jwtdropin.config.TokenTransport.Source;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;

/**
 * Reads a request's token from the sources configuration accepts. With both: the header wins when only it is
 * present or when both carry the same token; only a cookie → the cookie; two different tokens → ambiguous.
 */
public final class TokenExtractor {

    private static final String BEARER = "Bearer";

    private final TokenTransport transport;

    public TokenExtractor(TokenTransport transport) {
        this.transport = transport;
    }

    public Credential extract(HttpServletRequest request) {
        Optional<String> header = transport.accepts(Source.AUTHORIZATION_HEADER)
                ? bearer(request.getHeader("Authorization")) : Optional.empty();
        Optional<String> cookie = transport.accepts(Source.COOKIE)
                ? cookie(request, transport.cookieName()) : Optional.empty();
        if (header.isPresent()) {
            return cookie.isPresent() && !cookie.get().equals(header.get())
                    ? new Credential.Ambiguous()
                    : new Credential.Token(header.get(), Source.AUTHORIZATION_HEADER);
        }
        return cookie.<Credential>map(c -> new Credential.Token(c, Source.COOKIE)).orElse(new Credential.None());
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        for (String header : Collections.list(request.getHeaders("Cookie"))) {
            Optional<String> token = CookieHeader.value(header, name);
            if (token.isPresent()) {
                return token;
            }
        }
        return Optional.empty();
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
