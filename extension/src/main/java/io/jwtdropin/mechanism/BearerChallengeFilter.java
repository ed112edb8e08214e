package io.jwtdropin.mechanism;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Makes every "who are you?" answer a 401 with the RFC 6750 challenge {@code WWW-Authenticate: Bearer}:
 * <ul>
 * <li>a 401 that carries no challenge gets one. The mechanism sets its own, but a JAX-RS {@code @RolesAllowed}
 * resource called without a token gets its 401 from the server's roles filter (Jersey), after authentication;</li>
 * <li>a 403 for a request that brought no token at all becomes that 401: RESTEasy's roles filter (WildFly) answers
 * 403 to anonymous callers too, where HTTP (RFC 9110 §15.5.2) and the MP-JWT TCK want 401. A 403 for an
 * authenticated caller, or for a cookie refused as cross-site, stays 403.</li>
 * </ul>
 */
public class BearerChallengeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new ChallengingResponse(request, response));
    }

    private static final class ChallengingResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ChallengingResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(challenged(status));
        }

        @Override
        public void sendError(int status) throws IOException {
            super.sendError(challenged(status));
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            int answered = challenged(status);
            super.sendError(answered, answered == status ? message : null);
        }

        /** The status to send instead of {@code status}, with the challenge set where it is a 401. */
        private int challenged(int status) {
            int answered = status == SC_FORBIDDEN && anonymous() ? SC_UNAUTHORIZED : status;
            if (answered == SC_UNAUTHORIZED && !isCommitted() && !containsHeader("WWW-Authenticate")) {
                setHeader("WWW-Authenticate", JwtAuthenticationMechanism.BARE_CHALLENGE);
            }
            return answered;
        }

        /** No token came with the request (a refused token already got its 401 from the mechanism). */
        private boolean anonymous() {
            Object outcome = request.getAttribute(JwtAuthenticationMechanism.OUTCOME_ATTRIBUTE);
            return request.getUserPrincipal() == null
                    && (outcome == null || outcome == JwtAuthenticationMechanism.Refusal.NO_TOKEN);
        }
    }
}
