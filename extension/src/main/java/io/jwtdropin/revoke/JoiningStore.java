package io.jwtdropin.revoke;

import io.jwtdropin.config.RevocationConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;

/**
 * A node started without its grid ({@code jwtdropin.revocation.jcache.unreachable=start-local}): revocations are
 * node-local until the grid answers, then the node joins it: it loads what the grid holds and writes what it revoked
 * meanwhile ({@link JCacheRevocationStore} does both on creation). Attempts repeat every {@link #RETRY}.
 */
final class JoiningStore implements RevocationStore {

    private static final Logger LOG = Logger.getLogger(JoiningStore.class.getName());
    static final Duration RETRY = Duration.ofSeconds(5);

    private final RevocationList list;
    private final Function<CacheManager, RevocationStore> join;
    private final RevocationConfig.Grid grid;
    private final ClassLoader loader;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "jwt-dropin-grid-join");
        t.setDaemon(true);
        return t;
    });
    private volatile RevocationStore current;
    private volatile boolean closed;

    JoiningStore(RevocationList list, CompletableFuture<CacheManager> first, RevocationConfig.Grid grid,
            ClassLoader loader, Function<CacheManager, RevocationStore> join) {
        this.list = list;
        this.current = new RevocationStore.Local(list);
        this.grid = grid;
        this.loader = loader;
        this.join = join;
        await(first);
    }

    private void await(CompletableFuture<CacheManager> attempt) {
        attempt.whenComplete((manager, failure) -> {
            if (closed) {
                if (manager != null) {
                    GridConnection.close(manager);
                }
            } else if (manager != null) {
                try {
                    current = join.apply(manager);
                    LOG.info("JWTD-306 joined the data grid: revocations are cluster-wide from now on");
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "JWTD-305 the grid is open but its caches are not: {0}", String.valueOf(e));
                }
                retry();
            } else {
                retry();
            }
        });
    }

    private void retry() {
        try {
            retries.schedule(() -> await(GridConnection.open(grid, loader)), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    @Override
    public void revokeToken(String jti, long until) {
        current.revokeToken(jti, until);
    }

    @Override
    public void revokeSubject(String subject, long before, long until) {
        current.revokeSubject(subject, before, until);
    }

    @Override
    public void revokeSession(String sid, long until) {
        current.revokeSession(sid, until);
    }

    @Override
    public RevocationList list() {
        return list;
    }

    @Override
    public boolean clustered() {
        return current.clustered();
    }

    /** Empty until joined: DPoP proof ids, chosen at start, then stay in memory (logged by the DPoP set-up). */
    @Override
    public java.util.Optional<Object> grid() {
        return current.grid();
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        current.close();
    }
}
