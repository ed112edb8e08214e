package io.jwtdropin.mechanism;

import io.jwtdropin.principal.JwtPrincipal;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * What Soteria's bridge from Jakarta Authentication to a Jakarta Security mechanism does on each request, calling our
 * mechanism directly. Soteria's bridge looks the mechanism up through JNDI and CDI on every {@code validateRequest}
 * and again on every {@code secureResponse} (ours does nothing there), the largest share of what a secured request
 * costs above an open one on Payara. Soteria's request attributes are kept as its bridge sets them, so its
 * {@code SecurityContext} answers the same. Registered by {@link DirectRegistration}, only where Soteria is the
 * server's Jakarta Security.
 */
final class DirectBridge implements ServerAuthContext {

    static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    private static final String SOTERIA = "org.glassfish.soteria.security.message.";
    static final String IS_AUTHENTICATION = SOTERIA + "request.authentication";
    static final String DID_AUTHENTICATION = SOTERIA + "request.didAuthentication";
    static final String LAST_AUTH_STATUS = SOTERIA + "authStatus";

    private final JwtAuthenticationMechanism mechanism;
    private final CallbackHandler handler;

    DirectBridge(JwtAuthenticationMechanism mechanism, CallbackHandler handler) {
        this.mechanism = mechanism;
        this.handler = handler;
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
        Object outcome = mechanism.outcome(request, response);
        boolean isProtected = Boolean.parseBoolean((String) message.getMap().get(IS_MANDATORY));
        AuthenticationStatus status = switch (JwtAuthenticationMechanism.answer(outcome, isProtected,
                () -> Boolean.TRUE.equals(request.getAttribute(IS_AUTHENTICATION)), response)) {
            case CALLER -> {
                JwtPrincipal principal = (JwtPrincipal) outcome;
                notify(client, new CallerPrincipalCallback(client, principal), principal.getGroups());
                request.setAttribute(DID_AUTHENTICATION, Boolean.TRUE);
                yield AuthenticationStatus.SUCCESS;
            }
            case UNAUTHORIZED -> {
                sendUnauthorized(response);
                yield AuthenticationStatus.SEND_FAILURE;
            }
            case FORBIDDEN -> AuthenticationStatus.SEND_FAILURE;
            case ANONYMOUS -> {
                notify(client, new CallerPrincipalCallback(client, (Principal) null), Set.of());
                yield AuthenticationStatus.NOT_DONE;
            }
        };
        request.setAttribute(LAST_AUTH_STATUS, status);
        return status == AuthenticationStatus.SEND_FAILURE ? AuthStatus.SEND_FAILURE : AuthStatus.SUCCESS;
    }

    /** Our mechanism adds nothing to a response; Soteria's bridge answers the same for it. */
    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    /** On {@code HttpServletRequest.logout()}: the caller's principals go, as Soteria's default mechanism does. */
    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    private void notify(Subject client, CallerPrincipalCallback caller, Set<String> groups) throws AuthException {
        Callback[] callbacks = groups.isEmpty() || caller.getPrincipal() == null ? new Callback[] {caller}
                : new Callback[] {caller, new GroupPrincipalCallback(client, groups.toArray(String[]::new))};
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("JWTD-133 the container refused the caller's identity").initCause(e);
        }
    }

    private static void sendUnauthorized(HttpServletResponse response) throws AuthException {
        try {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } catch (IOException e) {
            throw (AuthException) new AuthException("JWTD-134 could not send 401").initCause(e);
        }
    }
}
