package io.jwtdropin.revoke;

import io.jwtdropin.config.ConfigKeys;
import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.RevocationConfig;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the revocation store at start-up: the application's own JCache provider where
 * {@code jwtdropin.revocation.jcache.provider} names one, else the server's JCache data grid where there is one
 * (Payara: Hazelcast), else this node's memory, with a warning that revocation is then node-local. JCache classes are only linked when
 * the API exists ({@link #registerBeans}, {@link #create} load them by name).
 */
public final class RevocationSupport {

    private static final Logger LOG = Logger.getLogger(RevocationSupport.class.getName());
    private static final String API = "javax.cache.CacheManager";
    private static final String HOLDER = "io.jwtdropin.revoke.CacheManagerHolder";
    private static final String JCACHE_STORE = "io.jwtdropin.revoke.JCacheStoreFactory";

    private RevocationSupport() {
    }

    /** Adds {@link CacheManagerHolder} as a bean where the JCache API exists. */
    public static void registerBeans(BeforeBeanDiscovery bbd, BeanManager beans, ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
            bbd.addAnnotatedType(beans.createAnnotatedType(Class.forName(HOLDER, true, loader)), HOLDER);
        } catch (ClassNotFoundException | LinkageError e) {
            // no JCache: create() falls back to memory
        }
    }

    /** The store for {@code config}, or empty when revocation is off. */
    public static Optional<RevocationStore> create(RevocationConfig config, ClassLoader loader, Clock clock) {
        RevocationList list = new RevocationList(config.maxEntries(), clock);
        return switch (config.store()) {
            case OFF -> Optional.empty();
            case MEMORY -> Optional.of(new RevocationStore.Local(list));
            case AUTO, JCACHE -> Optional.of(config.grid().isPresent() ? ownGrid(config, list, loader)
                    : jcache(config, list, loader));
        };
    }

    /** The application's own JCache provider: its failures are the factory's to report (fail, or start local). */
    private static RevocationStore ownGrid(RevocationConfig config, RevocationList list, ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
            return (RevocationStore) Class.forName(JCACHE_STORE, true, loader)
                    .getMethod("connect", RevocationList.class, RevocationConfig.class, ClassLoader.class)
                    .invoke(null, list, config, loader);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InvalidConfigException(ConfigKeys.REVOCATION_JCACHE_PROVIDER, "is set, but the JCache API"
                    + " (javax.cache:cache-api) is not in the application: add it beside the provider's jar.", e);
        }
    }

    private static RevocationStore jcache(RevocationConfig config, RevocationList list, ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
            Object holder = CDI.current().select(Class.forName(HOLDER, true, loader)).get();
            return (RevocationStore) Class.forName(JCACHE_STORE, true, loader)
                    .getMethod("create", Object.class, RevocationList.class, RevocationConfig.class)
                    .invoke(null, holder, list, config);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            if (config.store() == RevocationConfig.Store.JCACHE) {
                throw new InvalidConfigException(ConfigKeys.REVOCATION_STORE,
                        "is jcache, but this server offers no usable JCache: " + cause + ".", cause);
            }
            LOG.log(Level.WARNING, "JWTD-303 revocation is node-local: no usable JCache on this server ({0}); a token"
                    + " revoked here is still accepted by other nodes", String.valueOf(cause));
            return new RevocationStore.Local(list);
        }
    }
}
