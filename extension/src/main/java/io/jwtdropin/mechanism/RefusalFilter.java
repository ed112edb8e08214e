package io.jwtdropin.mechanism;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Makes the mechanism's refusals stick on every server, and every "who are you?" answer a 401 with the RFC 6750
 * challenge {@code WWW-Authenticate: Bearer} (and {@code DPoP} where it is on):
 * <ul>
 * <li>a request whose token the mechanism refused (401) or whose cookie it refused as cross-site (403) goes no
 * further. Most servers stop it before any filter runs; Open Liberty lets it on to a resource without a security
 * constraint as an anonymous caller, and such a resource must not serve it;</li>
 * <li>a 401 that carries no challenge gets one. The mechanism sets its own, but a JAX-RS {@code @RolesAllowed}
 * resource called without a token gets its 401 from the server's roles filter (Jersey), after authentication;</li>
 * <li>a 403 for a request that brought no token becomes a 401: RESTEasy's roles filter (WildFly, Open Liberty)
 * answers 403 to anonymous callers, where HTTP (RFC 9110 §15.5.2) and the MP-JWT TCK want 401. A 403 for a
 * verified caller stays 403.</li>
 * </ul>
 */
public class RefusalFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object outcome = request.getAttribute(JwtAuthenticationMechanism.OUTCOME_ATTRIBUTE);
        // The request attribute first: it is cheaper than asking the container for the principal.
        if (JwtAuthenticationMechanism.isRefusal(outcome) && request.getUserPrincipal() == null) {
            if (!response.isCommitted() && !JwtAuthenticationMechanism.challenges(outcome).isEmpty()) {
                JwtAuthenticationMechanism.setChallenges(response, outcome);
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, JwtAuthenticationMechanism.CROSS_SITE_MESSAGE);
            }
            return;
        }
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
            Object outcome = request.getAttribute(JwtAuthenticationMechanism.OUTCOME_ATTRIBUTE);
            boolean challenged = !JwtAuthenticationMechanism.challenges(outcome).isEmpty();
            int answered = status == SC_FORBIDDEN && challenged && request.getUserPrincipal() == null
                    ? SC_UNAUTHORIZED : status;
            if (answered == SC_UNAUTHORIZED && !isCommitted() && !containsHeader("WWW-Authenticate")) {
                if (challenged) {
                    JwtAuthenticationMechanism.setChallenges(this, outcome);
                } else {
                    setHeader("WWW-Authenticate", Challenges.BARE);
                }
            }
            return answered;
        }
    }
}
