package io.jwtdropin.mechanism;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * The Jakarta Authentication provider that hands the container a {@link DirectBridge} for one web application:
 * server side only, one context for every request (the Servlet Container Profile tells protected requests apart by
 * {@code isMandatory}, not by context).
 */
final class DirectBridgeProvider implements AuthConfigProvider {

    static final String LAYER = "HttpServlet";

    private final JwtAuthenticationMechanism mechanism;

    DirectBridgeProvider(JwtAuthenticationMechanism mechanism) {
        this.mechanism = mechanism;
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        if (handler == null) {
            throw new AuthException("JWTD-135 the container gave no callback handler for " + appContext);
        }
        DirectBridge bridge = new DirectBridge(mechanism, handler);
        return new ServerAuthConfig() {
            @Override
            public ServerAuthContext getAuthContext(String id, Subject service, Map<String, Object> properties) {
                return bridge;
            }

            @Override
            public String getMessageLayer() {
                return layer;
            }

            @Override
            public String getAppContext() {
                return appContext;
            }

            @Override
            public String getAuthContextID(MessageInfo message) {
                return appContext;
            }

            @Override
            public void refresh() {
            }

            @Override
            public boolean isProtected() {
                return false;
            }
        };
    }

    /** No client side: a web application's mechanism authenticates callers, it is not one. */
    @Override
    public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) {
        return null;
    }

    @Override
    public void refresh() {
    }
}
