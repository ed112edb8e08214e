package io.jwtdropin.tck;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Works around a race in the Payara Micro Arquillian adapter: it learns a deployment's context root by parsing the
 * server's console output, and under load it sometimes parses before the deployment listing is printed. It then
 * reports no servlets, and the test's base URL loses its {@code /} ({@code http://localhost:18080endp/...}).
 * Every deployment here is at context root {@code /} (see {@link DropinArchiveProcessor}), so an empty context is
 * completed with that root — for client tests and for the in-container Servlet protocol alike.
 */
public class ContextRootFallback {

    static final String ARQUILLIAN_SERVLET = "ArquillianServletRunnerEE9";

    @Inject
    private Instance<ProtocolMetaData> metaData;

    public void completeEmptyContexts(@Observes AfterDeploy event) {
        ProtocolMetaData data = metaData.get();
        if (data == null) {
            return;
        }
        for (HTTPContext context : data.getContexts(HTTPContext.class)) {
            if (context.getServlets().isEmpty()) {
                context.add(new Servlet("root", "")).add(new Servlet(ARQUILLIAN_SERVLET, ""));
            }
        }
    }
}
