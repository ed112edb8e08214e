package io.jwtdropin.revoke;

import io.jwtdropin.config.RevocationConfig;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * Opens the application's own JCache provider (e.g. a Hazelcast client) on a thread of its own, so that a start can
 * wait for it with a bound: a grid client may retry its members for as long as its own configuration says.
 */
final class GridConnection {

    private GridConnection() {
    }

    /** Starts opening the grid; the future completes when the provider has connected, or has given up. */
    static CompletableFuture<CacheManager> open(RevocationConfig.Grid grid, ClassLoader loader) {
        CompletableFuture<CacheManager> opened = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                CachingProvider provider = Caching.getCachingProvider(grid.provider(), loader);
                opened.complete(provider.getCacheManager(grid.uri().orElse(provider.getDefaultURI()), loader,
                        new Properties()));
            } catch (Throwable e) { // a missing class or a refused connection alike: the caller decides
                opened.completeExceptionally(e);
            }
        }, "jwt-dropin-grid-connect");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        return opened;
    }

    /**
     * Closes a grid this jar opened. JCache closes the manager but has no call that stops the client behind it, so
     * for Hazelcast (whose client would otherwise outlive the application, threads and all) that is done by name.
     */
    static void close(CacheManager manager) {
        try {
            manager.getCachingProvider().close(manager.getURI(), manager.getClassLoader());
        } catch (RuntimeException e) {
            // stopping anyway
        }
        try {
            ClassLoader hazelcast = manager.getClass().getClassLoader();
            Object instance = Class.forName("com.hazelcast.cache.HazelcastCacheManager", false, hazelcast)
                    .getMethod("getHazelcastInstance").invoke(manager);
            Class.forName("com.hazelcast.core.HazelcastInstance", false, hazelcast).getMethod("shutdown")
                    .invoke(instance);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // not Hazelcast, or already down
        }
    }
}
