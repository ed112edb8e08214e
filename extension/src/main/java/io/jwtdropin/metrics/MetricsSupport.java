package io.jwtdropin.metrics;

import io.jwtdropin.verify.VerificationEvents;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the metrics sink: {@link MicroProfileMetrics} where the server has MicroProfile Metrics (Payara does),
 * nothing where it does not (GlassFish 7). The sink is made by name, so the MicroProfile Metrics API is only
 * linked when present.
 */
public final class MetricsSupport {

    private static final Logger LOG = Logger.getLogger(MetricsSupport.class.getName());
    private static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";
    private static final String SINK = "io.jwtdropin.metrics.MicroProfileMetrics";
    private static final String HOLDER = "io.jwtdropin.metrics.MetricRegistryHolder";

    private MetricsSupport() {
    }

    /** Adds {@link MetricRegistryHolder} as a bean, if MicroProfile Metrics is present. */
    public static void registerBeans(jakarta.enterprise.inject.spi.BeforeBeanDiscovery bbd,
            jakarta.enterprise.inject.spi.BeanManager beans, ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
            Class<?> holder = Class.forName(HOLDER, true, loader);
            bbd.addAnnotatedType(beans.createAnnotatedType(holder), HOLDER);
        } catch (ClassNotFoundException | LinkageError e) {
            // no MicroProfile Metrics: find() reports it once the application starts
        }
    }

    public static VerificationEvents find(ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
            VerificationEvents metrics = (VerificationEvents) Class.forName(SINK, true, loader).getConstructor().newInstance();
            LOG.info("JWTD-004 counting in MicroProfile Metrics (application registry)");
            return metrics;
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.log(Level.WARNING, "JWTD-005 MicroProfile Metrics is present but our counters could not be registered; "
                    + "no metrics are kept", e.getCause());
            return VerificationEvents.NONE;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.INFO, "JWTD-004 no MicroProfile Metrics here ({0}); no metrics are kept", e.toString());
            return VerificationEvents.NONE;
        }
    }
}
