package io.jwtdropin.mechanism;

import io.jwtdropin.cdi.JwtDropinExtension;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Reads the configuration and builds the verifier as the web application starts: late enough for every server's
 * MicroProfile Config to be ready, early enough that a bad configuration fails the deployment (an exception from
 * {@code contextInitialized} does).
 */
public class RuntimeStarter implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().getBeanManager().getExtension(JwtDropinExtension.class).start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        CDI.current().getBeanManager().getExtension(JwtDropinExtension.class).stop();
    }
}
