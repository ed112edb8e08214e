package io.jwtdropin.mechanism;

import io.jwtdropin.runtime.ActiveRuntime;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.logging.Logger;

/**
 * Puts a {@link DirectBridge} in place of Soteria's bridge for this web application, where Soteria registered its
 * bridge for it (Payara, GlassFish, WildFly) and {@code jwtdropin.mechanism.direct} is on. Anywhere else (Open
 * Liberty has its own Jakarta Security; another mechanism provider) it stays out, and the standard path runs. Runs
 * as the application starts, after every container initializer (Soteria registers in its own), with the
 * application context id its initializer computed (a listener added by an initializer may not ask for the virtual
 * server name).
 */
public final class DirectRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(DirectRegistration.class.getName());
    /** Soteria's initializer, which registers its bridge for every application with a mechanism bean. */
    private static final String SOTERIA = "org.glassfish.soteria.servlet.SamRegistrationInstaller";

    private final String appContextId;
    private volatile String registrationId;

    DirectRegistration(String appContextId) {
        this.appContextId = appContextId;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!CDI.current().select(ActiveRuntime.class).get().get().config().directBridge()) {
            return;
        }
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        AuthConfigProvider current = factory == null ? null
                : factory.getConfigProvider(DirectBridgeProvider.LAYER, appContextId, null);
        boolean soteria = isVisible(SOTERIA, event.getServletContext().getClassLoader());
        if (current == null || !soteria) {
            LOG.fine(() -> "JWTD-006 the standard Jakarta Security bridge stays for " + appContextId + ": "
                    + (soteria ? "no provider registered" : "the server's Jakarta Security is not Soteria"));
            return;
        }
        JwtAuthenticationMechanism mechanism = CDI.current().select(JwtAuthenticationMechanism.class).get();
        registrationId = factory.registerConfigProvider(new DirectBridgeProvider(mechanism),
                DirectBridgeProvider.LAYER, appContextId, "jwt-dropin: Soteria's bridge without per-request look-ups");
        LOG.info(() -> "JWTD-006 Jakarta Authentication calls jwt-dropin directly for " + appContextId
                + " (Soteria's per-request look-ups of the mechanism skipped)");
    }

    private static boolean isVisible(String type, ClassLoader loader) {
        try {
            Class.forName(type, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        String id = registrationId;
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (id != null && factory != null) {
            factory.removeRegistration(id);
        }
    }
}
