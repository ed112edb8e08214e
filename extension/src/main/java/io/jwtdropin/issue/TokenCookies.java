package io.jwtdropin.issue;

import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.config.TokenTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the token cookie the safe way: the configured name (default {@code __Host-jwt}, whose prefix makes browsers
 * insist on {@code Secure}, {@code Path=/} and no {@code Domain}), {@code HttpOnly} (out of reach of scripts),
 * {@code Secure}, {@code SameSite=Strict} (or {@code Lax}), and {@code Max-Age} equal to the token's lifetime.
 */
@ApplicationScoped
public class TokenCookies {

    @Inject
    JwtAuthConfig config;

    public void write(HttpServletResponse response, IssuedToken token) {
        response.addHeader("Set-Cookie", header(transport(), token.token(), token.lifetime().getSeconds()));
    }

    /** Tells the browser to drop the cookie (logout). */
    public void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(transport(), "", 0));
    }

    static String header(TokenTransport transport, String value, long maxAgeSeconds) {
        return transport.cookieName() + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; Secure; HttpOnly; SameSite=" + transport.sameSite();
    }

    private TokenTransport transport() {
        return config.transport();
    }
}
