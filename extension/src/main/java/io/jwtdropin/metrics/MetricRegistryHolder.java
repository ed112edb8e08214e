package io.jwtdropin.metrics;

import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gets the application's {@link MetricRegistry} through a real injection point (Payara's registry producer reads
 * the injection point's annotations, which a programmatic look-up lacks). Not a bean by itself: the extension adds
 * it only when MicroProfile Metrics is present ({@link MetricsSupport#registerBeans}).
 */
public class MetricRegistryHolder {

    @Inject
    MetricRegistry registry;

    MetricRegistry registry() {
        return registry;
    }
}
