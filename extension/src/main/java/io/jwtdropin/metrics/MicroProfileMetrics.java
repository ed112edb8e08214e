package io.jwtdropin.metrics;

import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.VerificationEvents;
import jakarta.enterprise.inject.spi.CDI;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counters in the application's MicroProfile Metrics registry (served by the server, e.g. Payara's
 * {@code /metrics?scope=application}). Loaded only through {@link MetricsSupport}, so servers without MicroProfile
 * Metrics never see this class. Every counter is registered up front, so each appears (at 0) from the start.
 */
public final class MicroProfileMetrics implements VerificationEvents {

    static final String ACCEPTED = "jwtdropin.tokens.accepted";
    static final String REFUSED = "jwtdropin.tokens.refused";
    static final String CACHE_HITS = "jwtdropin.cache.hits";
    static final String CACHE_MISSES = "jwtdropin.cache.misses";
    static final String KEY_FETCHES = "jwtdropin.keys.fetches";
    static final String KEY_FETCH_FAILURES = "jwtdropin.keys.fetch.failures";

    private final Counter accepted;
    private final Map<FailureReason, Counter> refused = new EnumMap<>(FailureReason.class);
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter keyFetches;
    private final Counter keyFetchFailures;

    /** Registers the counters in the application registry of the current CDI container. */
    public MicroProfileMetrics() {
        MetricRegistry registry = CDI.current().select(MetricRegistryHolder.class).get().registry();
        accepted = registry.counter(ACCEPTED);
        for (FailureReason reason : FailureReason.values()) {
            refused.put(reason, registry.counter(REFUSED, new Tag("reason", reason.id())));
        }
        cacheHits = registry.counter(CACHE_HITS);
        cacheMisses = registry.counter(CACHE_MISSES);
        keyFetches = registry.counter(KEY_FETCHES);
        keyFetchFailures = registry.counter(KEY_FETCH_FAILURES);
    }

    @Override
    public void accepted() {
        accepted.inc();
    }

    @Override
    public void refused(FailureReason reason) {
        refused.get(reason).inc();
    }

    @Override
    public void cacheHit() {
        cacheHits.inc();
    }

    @Override
    public void cacheMiss() {
        cacheMisses.inc();
    }

    @Override
    public void keysFetched() {
        keyFetches.inc();
    }

    @Override
    public void keysFetchFailed() {
        keyFetchFailures.inc();
    }
}
