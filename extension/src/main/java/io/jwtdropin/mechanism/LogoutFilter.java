package io.jwtdropin.mechanism;

import io.jwtdropin.logout.BackChannelLogout;
import io.jwtdropin.logout.LogoutFailure;
import io.jwtdropin.logout.LogoutRejectedException;
import io.jwtdropin.runtime.ActiveRuntime;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The back-channel logout endpoint ({@code jwtdropin.logout.path}): a filter rather than a servlet, because a
 * servlet can only be added before the configuration is read, and a filter that is not configured costs one
 * comparison per request. Answers as the specification says: 200 when the logout is done, 400 with
 * {@code {"error":"invalid_request"}} otherwise, both {@code Cache-Control: no-store}.
 */
public class LogoutFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LogoutFilter.class.getName());
    /** A logout token is a few kilobytes; a larger form is refused unread. */
    static final int MAX_FORM_BYTES = 16 * 1024;

    /** Looked up on the first request, when the runtime is surely built (servers start filters at different times). */
    private transient volatile Optional<BackChannelLogout> endpoint;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<BackChannelLogout> known = endpoint;
        if (known == null) {
            known = CDI.current().select(ActiveRuntime.class).get().get().logout();
            endpoint = known;
        }
        BackChannelLogout logout = known.orElse(null);
        if (logout == null || !isEndpoint(request, logout.path())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        try {
            logout.logOut(logoutToken(request));
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (LogoutRejectedException e) {
            LOG.log(Level.FINE, "{0} {1}", new Object[] {e.getMessage(), request.getRemoteAddr()});
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getOutputStream().write("{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Whether the request's path inside the application is {@code path}, compared in place (no copy per request). */
    private static boolean isEndpoint(HttpServletRequest request, String path) {
        String uri = request.getRequestURI();
        int context = request.getContextPath().length();
        return uri.length() == context + path.length() && uri.startsWith(path, context);
    }

    /** The one {@code logout_token} of a form POST, read within {@link #MAX_FORM_BYTES}. */
    private static String logoutToken(HttpServletRequest request) throws LogoutRejectedException, IOException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || request.getContentLengthLong() > MAX_FORM_BYTES) {
            throw new LogoutRejectedException(LogoutFailure.NOT_A_FORM);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            throw new LogoutRejectedException(LogoutFailure.NOT_A_FORM);
        }
        try {
            return formValue(new String(body, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) { // bad percent-encoding
            throw new LogoutRejectedException(LogoutFailure.NOT_A_FORM);
        }
    }

    private static String formValue(String form) throws LogoutRejectedException {
        String token = null;
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if ("logout_token".equals(name)) {
                if (token != null || equals < 0) {
                    throw new LogoutRejectedException(LogoutFailure.NOT_A_FORM);
                }
                token = java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        if (token == null || token.isEmpty()) {
            throw new LogoutRejectedException(LogoutFailure.NOT_A_FORM);
        }
        return token;
    }
}
