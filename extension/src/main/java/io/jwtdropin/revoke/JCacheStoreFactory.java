package io.jwtdropin.revoke;

import io.jwtdropin.config.ConfigKeys;
import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.RevocationConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;

/**
 * Builds the JCache store, from the server's grid (the holder bean) or from the application's own provider; called
 * by name, so JCache types stay out of other signatures.
 */
final class JCacheStoreFactory {

    private static final Logger LOG = Logger.getLogger(JCacheStoreFactory.class.getName());

    private JCacheStoreFactory() {
    }

    /** The server's grid, through {@link CacheManagerHolder}. */
    public static RevocationStore create(Object holder, RevocationList list, RevocationConfig config) {
        CacheManager manager = ((CacheManagerHolder) holder).manager();
        if (manager == null) {
            throw new IllegalStateException("the server's JCache CacheManager is null (is its data grid switched off?)");
        }
        return new JCacheRevocationStore(manager, false, list, config.retention(), config.resync());
    }

    /**
     * The application's grid ({@code jwtdropin.revocation.jcache.provider}), waited for at most its connect timeout;
     * unreachable, it fails the deployment or starts node-local and joins later, as configured.
     */
    public static RevocationStore connect(RevocationList list, RevocationConfig config, ClassLoader loader) {
        RevocationConfig.Grid grid = config.grid().orElseThrow();
        long deadline = System.nanoTime() + grid.connectTimeout().toNanos();
        CompletableFuture<CacheManager> opened = GridConnection.open(grid, loader);
        Throwable problem;
        try {
            CacheManager manager = opened.get(grid.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // A client that starts asynchronously is open before it is connected: its caches answer once it is.
            while (true) {
                try {
                    return new JCacheRevocationStore(manager, true, list, config.retention(), config.resync());
                } catch (RuntimeException e) {
                    if (System.nanoTime() - deadline > 0) {
                        throw e;
                    }
                    Thread.sleep(250);
                }
            }
        } catch (TimeoutException e) {
            problem = new TimeoutException("no answer within " + grid.connectTimeout().toSeconds() + " s ("
                    + ConfigKeys.REVOCATION_JCACHE_CONNECT_TIMEOUT + ")");
        } catch (ExecutionException e) {
            problem = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = e;
        } catch (RuntimeException e) { // open, but its caches did not answer in time
            problem = e;
        }
        String where = grid.provider() + grid.uri().map(uri -> " with " + uri).orElse("");
        if (grid.unreachable() == RevocationConfig.Unreachable.FAIL) {
            opened.thenAccept(GridConnection::close); // the deployment fails: the client must not live on
            throw new InvalidConfigException(ConfigKeys.REVOCATION_JCACHE_PROVIDER, "names " + where
                    + ", which could not be opened: " + problem + ".", problem);
        }
        LOG.log(Level.WARNING, "JWTD-305 revocations are node-local until the data grid answers: {0} could not be"
                + " opened ({1}); retrying every {2} s", new Object[] {where, String.valueOf(problem),
                JoiningStore.RETRY.toSeconds()});
        return new JoiningStore(list, opened, grid, loader, manager -> new JCacheRevocationStore(manager, true, list,
                config.retention(), config.resync()));
    }
}
