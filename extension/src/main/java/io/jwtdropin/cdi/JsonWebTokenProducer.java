package io.jwtdropin.cdi;

import io.jwtdropin.mechanism.JwtAuthenticationMechanism;
import io.jwtdropin.principal.EmptyJsonWebToken;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces the request's {@link JsonWebToken}: the principal our mechanism verified, or an empty token.
 * An enabled alternative, so it wins over a server's built-in producer.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_AFTER + 100)
public class JsonWebTokenProducer {

    @Inject
    HttpServletRequest request;

    @Produces
    @RequestScoped
    public JsonWebToken jsonWebToken() {
        return current();
    }

    public JsonWebToken current() {
        return current(request);
    }

    /** The token of the request {@code request} stands for, read fresh on each call (claim beans of any scope). */
    static JsonWebToken current(HttpServletRequest request) {
        try {
            Object outcome = request.getAttribute(JwtAuthenticationMechanism.OUTCOME_ATTRIBUTE);
            if (outcome instanceof JsonWebToken token) {
                return token;
            }
            Principal principal = request.getUserPrincipal();
            return principal instanceof JsonWebToken token ? token : EmptyJsonWebToken.INSTANCE;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return EmptyJsonWebToken.INSTANCE;
        }
    }
}
