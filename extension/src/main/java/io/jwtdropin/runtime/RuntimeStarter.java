package io.jwtdropin.runtime;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Builds the runtime as the web application starts: late enough for every server's MicroProfile Config to be
 * ready, early enough that a bad configuration fails the deployment (an exception from {@code contextInitialized}
 * does). A servlet listener cannot be injected on every server, hence the one look-up of {@link ActiveRuntime}.
 */
public class RuntimeStarter implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().select(ActiveRuntime.class).get().start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        CDI.current().select(ActiveRuntime.class).get().stop();
    }
}
