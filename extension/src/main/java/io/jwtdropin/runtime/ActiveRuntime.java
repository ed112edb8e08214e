package io.jwtdropin.runtime;

import io.jwtdropin.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * The application's one {@link JwtRuntime}, injected into those who use it (the mechanism, the producers of the
 * issuing and revocation API). A holder rather than a produced {@code JwtRuntime}: the runtime can only be built
 * once the web application starts ({@link RuntimeStarter}; GlassFish makes a WAR's
 * {@code META-INF/microprofile-config.properties} visible only then), after the container has created its beans.
 */
@ApplicationScoped
public class ActiveRuntime {

    private volatile JwtRuntime runtime;

    /** Builds the runtime, once; a bad configuration fails the deployment with our one-sentence message. */
    public synchronized void start() {
        if (runtime != null) {
            return;
        }
        try {
            runtime = RuntimeAssembly.build(ActiveRuntime.class.getClassLoader());
        } catch (InvalidConfigException e) {
            throw new DeploymentException(e.getMessage(), e);
        }
    }

    /** Stops the runtime's background work when the web application stops. */
    public synchronized void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The runtime; never null once the application is running. */
    public JwtRuntime get() {
        JwtRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("jwt-dropin is not started yet: its servlet listener has not run.");
        }
        return current;
    }
}
