package io.jwtdropin.token;

import io.jwtdropin.config.TokenTransport;
import io.jwtdropin.config.TokenTransport.Source;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;

/**
 * Reads a request's token from the sources configuration accepts. With both: the header wins when only it is
 * present or when both carry the same token; only a cookie → the cookie; two different tokens → ambiguous. The
 * header's scheme is {@code Bearer}, or {@code DPoP} where DPoP is on.
 */
public final class TokenExtractor {

    private static final String BEARER = "Bearer";
    private static final String DPOP = "DPoP";

    private final TokenTransport transport;
    private final boolean dpop;

    public TokenExtractor(TokenTransport transport) {
        this(transport, false);
    }

    public TokenExtractor(TokenTransport transport, boolean dpop) {
        this.transport = transport;
        this.dpop = dpop;
    }

    public Credential extract(HttpServletRequest request) {
        String authorization = transport.accepts(Source.AUTHORIZATION_HEADER) ? request.getHeader("Authorization") : null;
        Optional<String> header = credentials(authorization, BEARER);
        boolean dpopScheme = false;
        if (header.isEmpty() && dpop) {
            header = credentials(authorization, DPOP);
            dpopScheme = header.isPresent();
        }
        Optional<String> cookie = transport.accepts(Source.COOKIE)
                ? cookie(request, transport.cookieName()) : Optional.empty();
        if (header.isPresent()) {
            return cookie.isPresent() && !cookie.get().equals(header.get())
                    ? new Credential.Ambiguous()
                    : new Credential.Token(header.get(), Source.AUTHORIZATION_HEADER, dpopScheme);
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
        return credentials(authorization, BEARER);
    }

    private static Optional<String> credentials(String authorization, String scheme) {
        if (authorization == null || authorization.length() <= scheme.length()
                || !authorization.regionMatches(true, 0, scheme, 0, scheme.length())
                || authorization.charAt(scheme.length()) != ' ') {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(scheme.length()).trim()).filter(t -> !t.isEmpty());
    }
}
