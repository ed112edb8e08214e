package io.jwtdropin.revoke;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * Copies revocations written anywhere in the cluster into this node's {@link RevocationList}. The grid keeps the
 * listener's factory with the cache's configuration, and a grid member that is not one of our nodes (a Hazelcast
 * member in its own JVM) must be able to read it without our classes: so the factory is the JCache API's own
 * {@link FactoryBuilder.ClassFactory}, which holds only this class's name (hence public, with a public constructor),
 * and a listener finds this node's list by the name of the cache an event comes from.
 */
public final class RevocationListener
        implements CacheEntryCreatedListener<String, String>, CacheEntryUpdatedListener<String, String> {

    /**
     * This node's list per cache (the very cache object an event names as its source: tests run several nodes in
     * one JVM, all with the same cache names), for listeners the grid creates from the factory.
     */
    private static final Map<Cache<?, ?>, RevocationList> LISTS = Collections.synchronizedMap(new IdentityHashMap<>());

    /** For the grid's factory only. */
    public RevocationListener() {
    }

    @SuppressWarnings("unchecked")
    static void register(Cache<String, String> cache, RevocationList list) {
        LISTS.put(cache, list);
        MutableCacheEntryListenerConfiguration<String, String> config = new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(RevocationListener.class), null, false, false);
        // The configuration is the same on every node and the grid keeps it with the cache: the first node registers
        // it, and every node that opens the cache later gets a listener of its own from it.
        CompleteConfiguration<String, String> current = cache.getConfiguration(CompleteConfiguration.class);
        for (CacheEntryListenerConfiguration<String, String> existing : current.getCacheEntryListenerConfigurations()) {
            if (config.equals(existing)) {
                return;
            }
        }
        try {
            cache.registerCacheEntryListener(config);
        } catch (IllegalArgumentException e) {
            // another node registered the same configuration at the same moment
        }
    }

    /**
     * Stops feeding this node's list. The listener configuration stays with the cache: removing it would remove it
     * from every node.
     */
    static void unregister(Cache<String, String> cache) {
        LISTS.remove(cache);
    }

    /**
     * Applies one entry: a token's or a session's {@code until}, or a subject's {@code before:until}; anything else
     * is skipped.
     */
    static void apply(String cacheName, String key, String value, RevocationList list) {
        try {
            if (JCacheRevocationStore.TOKENS.equals(cacheName)) {
                list.revokeToken(key, Long.parseLong(value));
            } else if (JCacheRevocationStore.SESSIONS.equals(cacheName)) {
                list.revokeSession(key, Long.parseLong(value));
            } else {
                int colon = value.indexOf(':');
                list.revokeSubject(key, Long.parseLong(value.substring(0, colon)),
                        Long.parseLong(value.substring(colon + 1)));
            }
        } catch (RuntimeException e) {
            // not written by us
        }
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
        onUpdated(events);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
        for (CacheEntryEvent<? extends String, ? extends String> event : events) {
            RevocationList list = LISTS.get(event.getSource());
            if (list != null) {
                apply(event.getSource().getName(), event.getKey(), event.getValue(), list);
            }
        }
    }
}
