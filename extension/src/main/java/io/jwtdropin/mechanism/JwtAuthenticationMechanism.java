package io.jwtdropin.mechanism;

import io.jwtdropin.config.TokenTransport;
import io.jwtdropin.dpop.DpopVerifier;
import io.jwtdropin.dpop.ProofRequest;
import io.jwtdropin.principal.JwtPrincipal;
import io.jwtdropin.runtime.ActiveRuntime;
import io.jwtdropin.runtime.JwtRuntime;
import io.jwtdropin.token.Credential;
import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.VerifiedToken;
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
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
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

    /** Request attribute holding the outcome: a {@link JwtPrincipal}, a {@link Rejection}, a {@link Refusal} or a
     * {@link Challenges.NoToken}. */
    public static final String OUTCOME_ATTRIBUTE = JwtAuthenticationMechanism.class.getName() + ".outcome";

    private static final Logger LOG = Logger.getLogger(JwtAuthenticationMechanism.class.getName());
    static final String CROSS_SITE_MESSAGE = "Cross-site request refused: a cookie credential needs a same-origin request.";
    private static final List<String> BARE = List.of(Challenges.BARE);
    private static final List<String> AMBIGUOUS = List.of(Challenges.INVALID_REQUEST);

    /** A refused token: why, the challenges its 401 carries, and the DPoP nonce to send with it (or null). */
    record Rejection(FailureReason reason, List<String> challenges, String nonce) {
    }

    @Inject
    ActiveRuntime active;

    /** On Open Liberty, what spares Liberty a login and an LTPA signature per request; null elsewhere. */
    private final LibertyLoginHints libertyHints =
            LibertyLoginHints.onLiberty(JwtAuthenticationMechanism.class.getClassLoader());

    /** The challenges for the runtime they were built for; rebuilt when a redeployment brings another. */
    private volatile RuntimeChallenges challenges;

    private record RuntimeChallenges(JwtRuntime runtime, Challenges challenges) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Object outcome = outcome(request, response);
        return switch (answer(outcome, context.isProtected(), context::isAuthenticationRequest, response)) {
            case CALLER -> {
                JwtPrincipal principal = (JwtPrincipal) outcome;
                if (libertyHints != null && context.getClientSubject() != null) {
                    libertyHints.addTo(context.getClientSubject(), principal.getRawToken());
                }
                yield context.notifyContainerAboutLogin(principal, principal.getGroups());
            }
            case UNAUTHORIZED -> context.responseUnauthorized();
            case FORBIDDEN -> AuthenticationStatus.SEND_FAILURE;
            case ANONYMOUS -> context.doNothing();
        };
    }

    /** What a request gets, whichever bridge between the container and this mechanism asked. */
    enum Answer { CALLER, UNAUTHORIZED, FORBIDDEN, ANONYMOUS }

    /** The outcome for this request: computed once, then kept on the request for a second call. */
    Object outcome(HttpServletRequest request, HttpServletResponse response) {
        Object outcome = request.getAttribute(OUTCOME_ATTRIBUTE);
        if (outcome == null) {
            outcome = authenticate(request, response);
            request.setAttribute(OUTCOME_ATTRIBUTE, outcome);
        }
        return outcome;
    }

    /**
     * The answer to {@code outcome}; sets its challenges on {@code response}, or sends the 403 of a cross-site cookie.
     * An unprotected resource without a token is served anonymously, as is a programmatic authentication (which the
     * container marks as protected; {@code authenticationRequest} tells, asked only then) that found no token.
     */
    static Answer answer(Object outcome, boolean isProtected, BooleanSupplier authenticationRequest,
            HttpServletResponse response) {
        if (outcome instanceof JwtPrincipal) {
            return Answer.CALLER;
        }
        if (outcome instanceof Rejection || outcome == Refusal.AMBIGUOUS) {
            setChallenges(response, outcome);
            return Answer.UNAUTHORIZED;
        }
        if (outcome == Refusal.CROSS_SITE) {
            forbidden(response);
            return Answer.FORBIDDEN;
        }
        if (isProtected && !authenticationRequest.getAsBoolean()) {
            setChallenges(response, outcome);
            return Answer.UNAUTHORIZED;
        }
        return Answer.ANONYMOUS;
    }

    /**
     * The {@code WWW-Authenticate} values a 401 for this outcome carries, or none where the answer is not a 401 (a
     * verified caller, a cookie refused as cross-site: 403).
     */
    static List<String> challenges(Object outcome) {
        if (outcome instanceof Rejection rejection) {
            return rejection.challenges();
        }
        if (outcome instanceof Challenges.NoToken noToken) {
            return noToken.challenges();
        }
        if (outcome == Refusal.AMBIGUOUS) {
            return AMBIGUOUS;
        }
        return outcome == null ? BARE : List.of();
    }

    /** Sets the challenges (and a DPoP nonce) of {@code outcome} on a response not yet committed. */
    static void setChallenges(HttpServletResponse response, Object outcome) {
        List<String> values = challenges(outcome);
        for (int i = 0; i < values.size(); i++) {
            if (i == 0) {
                response.setHeader("WWW-Authenticate", values.get(0));
            } else {
                response.addHeader("WWW-Authenticate", values.get(i));
            }
        }
        if (outcome instanceof Rejection rejection && rejection.nonce() != null) {
            response.setHeader("DPoP-Nonce", rejection.nonce());
        }
    }

    /** Whether the mechanism refused the request (a bad token, two different tokens, a cross-site cookie). */
    static boolean isRefusal(Object outcome) {
        return outcome instanceof Rejection || outcome == Refusal.AMBIGUOUS || outcome == Refusal.CROSS_SITE;
    }

    /** @return a principal, a {@link Rejection}, a {@link Refusal}, or the runtime's {@link Challenges.NoToken} */
    private Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        JwtRuntime runtime = active.get();
        Credential credential = runtime.extractor().extract(request);
        if (credential instanceof Credential.Ambiguous) {
            LOG.log(Level.FINE, "JWTD-131 header and cookie carry different tokens {0} {1}",
                    new Object[] {request.getMethod(), request.getRequestURI()});
            return Refusal.AMBIGUOUS;
        }
        if (!(credential instanceof Credential.Token token)) {
            return challenges(runtime).noToken();
        }
        if (token.source() == TokenTransport.Source.COOKIE && !runtime.csrf().allows(request)) {
            LOG.log(Level.FINE, "JWTD-130 cross-site {0} with a cookie credential refused: {1} (Origin {2})",
                    new Object[] {request.getMethod(), request.getRequestURI(), request.getHeader("Origin")});
            return Refusal.CROSS_SITE;
        }
        try {
            VerifiedToken verified = runtime.verifier().verify(token.value());
            if (runtime.dpop().isPresent()) {
                checkDpop(runtime.dpop().get(), verified, token, request, response);
            }
            return new JwtPrincipal(verified);
        } catch (TokenRejectedException e) {
            LOG.log(Level.FINE, "{0} {1} {2}", new Object[] {e.getMessage(), request.getMethod(), request.getRequestURI()});
            return rejection(runtime, e.reason(), token.dpop());
        } catch (RuntimeException e) {
            // Anything a client sends ends in 401, never 500; the unexpected case is worth a warning.
            LOG.log(Level.WARNING, "JWTD-199 unexpected failure verifying a token: " + e, e);
            return rejection(runtime, FailureReason.MALFORMED, token.dpop());
        }
    }

    /** The DPoP rules: the proof the request carries (when it came as DPoP), a fresh nonce on the answer. */
    private static void checkDpop(DpopVerifier dpop, VerifiedToken verified, Credential.Token token,
            HttpServletRequest request, HttpServletResponse response) throws TokenRejectedException {
        List<String> proofs = token.dpop() ? Collections.list(request.getHeaders("DPoP")) : List.of();
        dpop.check(verified, new ProofRequest(token.dpop(), proofs, request.getMethod(), requestUrl(dpop, request)));
        if (token.dpop()) {
            dpop.currentNonce().ifPresent(nonce -> response.setHeader("DPoP-Nonce", nonce));
        }
    }

    /** The URL the client called, as a proof's {@code htu} must name it: behind a proxy, its public base URL. */
    private static String requestUrl(DpopVerifier dpop, HttpServletRequest request) {
        return dpop.publicBaseUrl().map(base -> base + request.getRequestURI())
                .orElseGet(() -> request.getRequestURL().toString());
    }

    private Rejection rejection(JwtRuntime runtime, FailureReason reason, boolean dpopScheme) {
        String nonce = reason == FailureReason.DPOP_NONCE
                ? runtime.dpop().flatMap(DpopVerifier::currentNonce).orElse(null) : null;
        return new Rejection(reason, challenges(runtime).refused(reason, dpopScheme), nonce);
    }

    private Challenges challenges(JwtRuntime runtime) {
        RuntimeChallenges known = challenges;
        if (known == null || known.runtime() != runtime) {
            known = new RuntimeChallenges(runtime, new Challenges(runtime.config().dpop()));
            challenges = known;
        }
        return known.challenges();
    }

    private static void forbidden(HttpServletResponse response) {
        try {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, CROSS_SITE_MESSAGE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "JWTD-132 could not send 403: {0}", e.getMessage());
        }
    }

    /** Outcomes other than a principal, a token failure or no token at all. */
    enum Refusal { AMBIGUOUS, CROSS_SITE }
}
