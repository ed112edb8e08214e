package io.jwtdropin.revoke;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * Copies revocations written anywhere in the cluster into this node's {@link RevocationList}. The grid may
 * serialize a listener's factory, so the factory holds only the cache name and finds this node's list by it.
 */
final class RevocationListener
        implements CacheEntryCreatedListener<String, String>, CacheEntryUpdatedListener<String, String> {

    /** This node's list per cache, for listeners the grid creates from a factory. */
    private static final Map<String, RevocationList> LISTS = new ConcurrentHashMap<>();

    private final String cacheName;

    private RevocationListener(String cacheName) {
        this.cacheName = cacheName;
    }

    @SuppressWarnings("unchecked")
    static void register(Cache<String, String> cache, RevocationList list) {
        LISTS.put(cache.getName(), list);
        MutableCacheEntryListenerConfiguration<String, String> config = new MutableCacheEntryListenerConfiguration<>(
                new ListenerFactory(cache.getName()), null, false, false);
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
        LISTS.remove(cache.getName());
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
        RevocationList list = LISTS.get(cacheName);
        if (list == null) {
            return;
        }
        for (CacheEntryEvent<? extends String, ? extends String> event : events) {
            apply(cacheName, event.getKey(), event.getValue(), list);
        }
    }

    private record ListenerFactory(String cacheName) implements Factory<RevocationListener>, Serializable {
        @Override
        public RevocationListener create() {
            return new RevocationListener(cacheName);
        }
    }
}
