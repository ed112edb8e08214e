package io.jwtdropin.tck;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link DropinArchiveProcessor}, {@link ContextRootFallback} and {@link PayaraMicroShutdown} with Arquillian
 * (client side) and, where the test class path holds the Payara Micro adapter, {@link PayaraMicroStart} in place of
 * its container class.
 */
public class DropinArquillianExtension implements LoadableExtension {

    private static final String PAYARA_MICRO_ADAPTER =
            "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, DropinArchiveProcessor.class);
        builder.observer(ContextRootFallback.class);
        builder.observer(PayaraMicroShutdown.class);
        try {
            // PayaraMicroStart is named only here, after its superclass was found: on other servers it never loads.
            Class<?> adapter = Class.forName(PAYARA_MICRO_ADAPTER, false, getClass().getClassLoader());
            builder.override(DeployableContainer.class, adapter.asSubclass(DeployableContainer.class),
                    PayaraMicroStart.class);
        } catch (ClassNotFoundException otherServer) {
            // not a Payara Micro module
        }
    }
}
