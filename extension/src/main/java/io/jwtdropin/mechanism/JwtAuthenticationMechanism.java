package io.jwtdropin.mechanism;

import io.jwtdropin.config.TokenTransport;
import io.jwtdropin.principal.JwtPrincipal;
import io.jwtdropin.runtime.ActiveRuntime;
import io.jwtdropin.runtime.JwtRuntime;
import io.jwtdropin.token.Credential;
import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.TokenRejectedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Jakarta Security mechanism: read the token, verify it, tell the container who the caller is.
 * An enabled alternative with a priority, so it is the one mechanism the container resolves even next to a
 * server's built-in MP-JWT. The outcome is kept on the request: servers call a mechanism a second time (their
 * JAX-RS roles filter calls {@code SecurityContext.authenticate()}), and a signature is checked once.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_AFTER + 100)
public class JwtAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the outcome: a {@link JwtPrincipal}, a {@link FailureReason} or a {@link Refusal}. */
    public static final String OUTCOME_ATTRIBUTE = JwtAuthenticationMechanism.class.getName() + ".outcome";

    private static final Logger LOG = Logger.getLogger(JwtAuthenticationMechanism.class.getName());
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";
    static final String BARE_CHALLENGE = "Bearer";
    static final String INVALID_REQUEST_CHALLENGE = "Bearer error=\"invalid_request\"";
    static final String CROSS_SITE_MESSAGE = "Cross-site request refused: a cookie credential needs a same-origin request.";

    @Inject
    ActiveRuntime active;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Object outcome = request.getAttribute(OUTCOME_ATTRIBUTE);
        if (outcome == null) {
            outcome = authenticate(request);
            request.setAttribute(OUTCOME_ATTRIBUTE, outcome);
        }
        if (outcome instanceof JwtPrincipal principal) {
            return context.notifyContainerAboutLogin(principal, principal.getGroups());
        }
        if (outcome instanceof FailureReason || outcome == Refusal.AMBIGUOUS) {
            response.setHeader("WWW-Authenticate", challenge(outcome));
            return context.responseUnauthorized();
        }
        if (outcome == Refusal.CROSS_SITE) {
            return forbidden(response);
        }
        if (context.isProtected() && !context.isAuthenticationRequest()) {
            response.setHeader("WWW-Authenticate", BARE_CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    /**
     * The RFC 6750 challenge a 401 for this outcome carries, or null where the answer is not a 401 (a verified
     * caller, a cookie refused as cross-site: 403).
     */
    static String challenge(Object outcome) {
        if (outcome instanceof FailureReason) {
            return INVALID_TOKEN_CHALLENGE;
        }
        if (outcome == Refusal.AMBIGUOUS) {
            return INVALID_REQUEST_CHALLENGE;
        }
        return outcome == null || outcome == Refusal.NO_TOKEN ? BARE_CHALLENGE : null;
    }

    /** Whether the mechanism refused the request (a bad token, two different tokens, a cross-site cookie). */
    static boolean isRefusal(Object outcome) {
        return outcome instanceof FailureReason || outcome == Refusal.AMBIGUOUS || outcome == Refusal.CROSS_SITE;
    }

    /** @return a principal, a failure reason, a {@link Refusal}, or {@link Refusal#NO_TOKEN} */
    private Object authenticate(HttpServletRequest request) {
        JwtRuntime runtime = active.get();
        Credential credential = runtime.extractor().extract(request);
        if (credential instanceof Credential.Ambiguous) {
            LOG.log(Level.FINE, "JWTD-131 header and cookie carry different tokens {0} {1}",
                    new Object[] {request.getMethod(), request.getRequestURI()});
            return Refusal.AMBIGUOUS;
        }
        if (!(credential instanceof Credential.Token token)) {
            return Refusal.NO_TOKEN;
        }
        if (token.source() == TokenTransport.Source.COOKIE && !runtime.csrf().allows(request)) {
            LOG.log(Level.FINE, "JWTD-130 cross-site {0} with a cookie credential refused: {1} (Origin {2})",
                    new Object[] {request.getMethod(), request.getRequestURI(), request.getHeader("Origin")});
            return Refusal.CROSS_SITE;
        }
        try {
            return new JwtPrincipal(runtime.verifier().verify(token.value()));
        } catch (TokenRejectedException e) {
            LOG.log(Level.FINE, "{0} {1} {2}", new Object[] {e.getMessage(), request.getMethod(), request.getRequestURI()});
            return e.reason();
        } catch (RuntimeException e) {
            // Anything a client sends ends in 401, never 500; the unexpected case is worth a warning.
            LOG.log(Level.WARNING, "JWTD-199 unexpected failure verifying a token: " + e, e);
            return FailureReason.MALFORMED;
        }
    }

    private static AuthenticationStatus forbidden(HttpServletResponse response) {
        try {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, CROSS_SITE_MESSAGE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "JWTD-132 could not send 403: {0}", e.getMessage());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Outcomes other than a principal or a token failure. */
    enum Refusal { NO_TOKEN, AMBIGUOUS, CROSS_SITE }
}
