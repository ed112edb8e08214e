package io.jwtdropin.tck;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link DropinArchiveProcessor}, {@link ContextRootFallback} and {@link PayaraMicroShutdown} with Arquillian
 * (client side).
 */
public class DropinArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, DropinArchiveProcessor.class);
        builder.observer(ContextRootFallback.class);
        builder.observer(PayaraMicroShutdown.class);
    }
}
