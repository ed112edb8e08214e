package io.jwtdropin.mechanism;

import io.jwtdropin.cdi.JwtDropinExtension;
import io.jwtdropin.principal.JwtPrincipal;
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
import java.util.Optional;
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

    /** Request attribute holding the outcome: a {@link JwtPrincipal} or a {@link FailureReason}. */
    public static final String OUTCOME_ATTRIBUTE = JwtAuthenticationMechanism.class.getName() + ".outcome";

    private static final Logger LOG = Logger.getLogger(JwtAuthenticationMechanism.class.getName());
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";
    static final String BARE_CHALLENGE = "Bearer";

    @Inject
    JwtDropinExtension extension;

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
        if (outcome instanceof FailureReason) {
            response.setHeader("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
            return context.responseUnauthorized();
        }
        if (context.isProtected() && !context.isAuthenticationRequest()) {
            response.setHeader("WWW-Authenticate", BARE_CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    /** @return a principal, a failure reason, or {@link NoToken#INSTANCE} */
    private Object authenticate(HttpServletRequest request) {
        JwtRuntime runtime = extension.runtime();
        Optional<String> token = runtime.extractor().extract(request);
        if (token.isEmpty()) {
            return NoToken.INSTANCE;
        }
        try {
            return new JwtPrincipal(runtime.verifier().verify(token.get()));
        } catch (TokenRejectedException e) {
            LOG.log(Level.FINE, "{0} {1} {2}", new Object[] {e.getMessage(), request.getMethod(), request.getRequestURI()});
            return e.reason();
        } catch (RuntimeException e) {
            // Anything a client sends ends in 401, never 500; the unexpected case is worth a warning.
            LOG.log(Level.WARNING, "JWTD-199 unexpected failure verifying a token: " + e, e);
            return FailureReason.MALFORMED;
        }
    }

    /** Outcome of a request that carried no token. */
    enum NoToken { INSTANCE }
}
