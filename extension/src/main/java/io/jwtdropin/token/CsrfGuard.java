package io.jwtdropin.token;

import io.jwtdropin.config.TokenTransport;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * A cookie is an ambient credential: the browser attaches it to requests other sites trigger. So an unsafe request
 * (POST, PUT, PATCH, DELETE) authenticated by the cookie must show it comes from this origin: {@code Sec-Fetch-Site:
 * same-origin}, or an {@code Origin} that is this server's own or in {@code jwtdropin.csrf.allowed-origins}.
 * Header-borne tokens are not ambient, and are exempt.
 */
public final class CsrfGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final TokenTransport transport;

    public CsrfGuard(TokenTransport transport) {
        this.transport = transport;
    }

    /** @return true when the request may use its cookie credential */
    public boolean allows(HttpServletRequest request) {
        if (!transport.csrfProtection() || SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || originAllowed(request);
        }
        return originAllowed(request);
    }

    private boolean originAllowed(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null && (transport.allowedOrigins().contains(origin) || origin.equals(ownOrigin(request)));
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
