package io.jwtdropin.keys;

import io.jwtdropin.config.RemoteKeyOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keys fetched from an {@code http(s)} location (JWK set, JWK or PEM) and kept as ready verifiers. The first fetch
 * happens on first use (the location may be served by the application being deployed, and deployment must not wait
 * on it); after that a background refresh renews the keys before their lifetime ({@code Cache-Control: max-age},
 * bounded) ends. Only one fetch runs at a time and every request that needs keys waits on that one. A token with an
 * unknown {@code kid} causes at most one fetch per {@code minRefreshInterval}. When refreshes fail, the last good
 * keys stay in use for {@code maxStale} past their lifetime; a failure is logged once, and so is the recovery.
 */
public final class RemoteKeyProvider implements KeyProvider {

    private static final Logger LOG = Logger.getLogger(RemoteKeyProvider.class.getName());
    /** With no usable keys at all, requests may retry a failed fetch this often. */
    static final Duration COLD_RETRY = Duration.ofSeconds(1);
    /** The background refresh starts when this share of the keys' lifetime has passed. */
    private static final double REFRESH_AHEAD = 0.8;

    private record Snapshot(KeySet keys, Instant freshUntil, Instant staleUntil) {
    }

    private final KeyLocation location;
    private final Set<String> algorithms;
    private final int minRsaBits;
    private final RemoteKeyOptions options;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final KeyFetchEvents events;
    private final KeySetFetcher fetcher;
    private final LongAdder fetches = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile Snapshot snapshot;
    private volatile boolean failing;
    private volatile List<String> lastSkipped = List.of();
    private final Object lock = new Object();
    private CompletableFuture<Snapshot> inFlight; // guarded by lock
    private Instant lastAttempt = Instant.MIN; // guarded by lock
    private Instant lastKidRefresh = Instant.MIN; // guarded by lock
    private ScheduledFuture<?> nextRefresh; // guarded by lock
    private boolean closed; // guarded by lock

    public RemoteKeyProvider(URI location, Set<String> algorithms, int minRsaBits, RemoteKeyOptions options,
            Clock clock, ScheduledExecutorService scheduler, KeyFetchEvents events) {
        this(KeyLocation.of(location), algorithms, minRsaBits, options, clock, scheduler, events);
    }

    RemoteKeyProvider(KeyLocation location, Set<String> algorithms, int minRsaBits, RemoteKeyOptions options,
            Clock clock, ScheduledExecutorService scheduler, KeyFetchEvents events) {
        this.location = location;
        this.algorithms = Set.copyOf(algorithms);
        this.minRsaBits = minRsaBits;
        this.options = options;
        this.clock = clock;
        this.scheduler = scheduler;
        this.events = events;
        this.fetcher = new KeySetFetcher(options);
    }

    @Override
    public KeySet keys() throws KeysUnavailableException {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.freshUntil())) {
            return current.keys();
        }
        if (current != null && now.isBefore(current.staleUntil())) {
            startFetch(now, options.minRefreshInterval(), false, false); // refresh behind the scenes, serve what we have
            return current.keys();
        }
        return await(startFetch(now, COLD_RETRY, false, true));
    }

    /**
     * While the provider is failing and keys are known, a request with an unknown {@code kid} does not wait for a
     * fetch that is likely to fail too: it is answered from the known keys at once, and the refresh runs behind.
     */
    @Override
    public KeySet keysForUnknownKid(String kid) throws KeysUnavailableException {
        Snapshot current = snapshot;
        if (failing && current != null && clock.instant().isBefore(current.staleUntil())) {
            startFetch(clock.instant(), options.minRefreshInterval(), true, false);
            return current.keys();
        }
        return await(startFetch(clock.instant(), options.minRefreshInterval(), true, true));
    }

    /** Fetches made and failed so far. */
    public long[] fetchesAndFailures() {
        return new long[] {fetches.sum(), failures.sum()};
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (nextRefresh != null) {
                nextRefresh.cancel(false);
            }
        }
    }

    /**
     * The running fetch, a new one if none runs and the rate limit allows, else null. A new fetch that a request
     * will wait for runs on that request's own thread ({@code onThisThread}), and the other requests wait for it: on
     * a server whose managed executor shares the request threads' pool (Open Liberty), a fetch handed to the
     * executor could queue behind the very requests that wait for it. A refresh nobody waits for goes to the
     * scheduler.
     */
    private CompletableFuture<Snapshot> startFetch(Instant now, Duration minInterval, boolean forUnknownKid,
            boolean onThisThread) {
        CompletableFuture<Snapshot> fetch = new CompletableFuture<>();
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            Instant last = forUnknownKid ? lastKidRefresh : lastAttempt;
            if (closed || now.isBefore(last.plus(minInterval))) {
                return null;
            }
            lastAttempt = now;
            if (forUnknownKid) {
                lastKidRefresh = now;
            }
            inFlight = fetch;
        }
        Runnable run = () -> {
            try {
                fetch.complete(fetchNow());
            } finally {
                synchronized (lock) {
                    inFlight = null;
                }
            }
        };
        if (onThisThread) {
            run.run();
        } else {
            try {
                scheduler.execute(run);
            } catch (RejectedExecutionException e) { // the application is stopping
                fetch.complete(snapshot);
                synchronized (lock) {
                    inFlight = null;
                }
            }
        }
        return fetch;
    }

    /** Waits (bounded by the HTTP limits) for {@code fetch}, then returns whatever keys are usable. */
    private KeySet await(CompletableFuture<Snapshot> fetch) throws KeysUnavailableException {
        if (fetch != null) {
            try {
                long perRequest = options.connectTimeout().plus(options.readTimeout()).toMillis();
                fetch.get(perRequest * location.requestsPerFetch() + 500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // fall through to whatever keys are usable
            }
        }
        Snapshot current = snapshot;
        if (current != null && clock.instant().isBefore(current.staleUntil())) {
            return current.keys();
        }
        throw new KeysUnavailableException(location.toString());
    }

    private Snapshot fetchNow() {
        Instant started = clock.instant();
        fetches.increment();
        events.keysFetched();
        try {
            KeySetFetcher.Fetched fetched = fetcher.fetch(location.resolve(fetcher));
            KeySet keys = usableKeys(KeyParser.parse(fetched.body(), KeyParser.Use.PUBLIC));
            if (keys.keys().isEmpty()) {
                throw new IOException("no key usable with the pinned algorithms");
            }
            Duration lifetime = options.lifetime(fetched.maxAgeSeconds());
            Snapshot fresh = new Snapshot(keys, started.plus(lifetime), started.plus(lifetime).plus(options.maxStale()));
            snapshot = fresh;
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, "JWTD-202 keys from {0} are reachable again", location);
            }
            schedule(Duration.ofMillis((long) (lifetime.toMillis() * REFRESH_AHEAD)));
            return fresh;
        } catch (IOException | RuntimeException e) {
            location.forget();
            failures.increment();
            events.keysFetchFailed();
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "JWTD-201 could not fetch keys from {0}: {1}; {2}", new Object[] {location,
                        e.getMessage(), snapshot == null ? "tokens are refused until a fetch succeeds"
                                : "the last good keys stay in use until " + snapshot.staleUntil()});
            } else {
                LOG.log(Level.FINE, "JWTD-201 could not fetch keys from {0}: {1}", new Object[] {location, e.getMessage()});
            }
            schedule(options.minRefreshInterval());
            return snapshot;
        }
    }

    /**
     * The keys that pass pinning, each on its own: one key the provider publishes that we refuse (an RSA key under
     * the minimum size, an unsupported curve) must not take the good ones down with it. Skipped keys are logged when
     * the set of them changes.
     */
    private KeySet usableKeys(List<ParsedKey> parsed) {
        List<VerificationKey> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ParsedKey key : parsed) {
            try {
                usable.addAll(KeyPinning.pin(List.of(key), algorithms, minRsaBits).keys());
            } catch (IllegalArgumentException e) {
                skipped.add((key.kid() == null ? "a key without kid" : "kid " + key.kid()) + " " + e.getMessage());
            }
        }
        if (!skipped.equals(lastSkipped)) {
            lastSkipped = skipped;
            if (!skipped.isEmpty()) {
                LOG.log(Level.WARNING, "JWTD-203 keys from {0} not used: {1}", new Object[] {location, skipped});
            }
        }
        return new KeySet(usable);
    }

    private void schedule(Duration delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (nextRefresh != null) {
                nextRefresh.cancel(false);
            }
            nextRefresh = scheduler.schedule(() -> startFetch(clock.instant(), Duration.ZERO, false, true),
                    Math.max(delay.toMillis(), 1), TimeUnit.MILLISECONDS);
        }
    }
}
