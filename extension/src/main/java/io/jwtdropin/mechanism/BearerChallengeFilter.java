package io.jwtdropin.mechanism;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Adds the RFC 6750 challenge {@code WWW-Authenticate: Bearer} to a 401 that carries none. The mechanism sets its
 * own challenge, but a JAX-RS {@code @RolesAllowed} resource called without a token gets its 401 from the server's
 * roles filter, after authentication, and would otherwise go out with no challenge at all.
 */
public class BearerChallengeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new ChallengingResponse(response));
    }

    private static final class ChallengingResponse extends HttpServletResponseWrapper {

        ChallengingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            challengeIf401(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            challengeIf401(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            challengeIf401(status);
            super.sendError(status, message);
        }

        private void challengeIf401(int status) {
            if (status == SC_UNAUTHORIZED && !isCommitted() && !containsHeader("WWW-Authenticate")) {
                setHeader("WWW-Authenticate", JwtAuthenticationMechanism.BARE_CHALLENGE);
            }
        }
    }
}
