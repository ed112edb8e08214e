package io.jwtdropin.revoke;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * Revocations in three JCache caches of a data grid (Payara's Hazelcast, or a grid the application reaches through
 * its own provider), so every node sees them: a revocation is written to this node's list and to the grid; a
 * listener copies every other node's writes into this node's list, and a starting node loads what is already there.
 * Keys and values are plain strings, so the grid never needs the application's classes. Entries expire after the
 * configured retention (the longest a token lives). {@link GridSync} keeps list and grid in step when the grid
 * misbehaves (unreachable, restarted empty).
 */
public final class JCacheRevocationStore implements RevocationStore {

    private static final Logger LOG = Logger.getLogger(JCacheRevocationStore.class.getName());
    static final String TOKENS = "jwtdropin-revoked-tokens";
    static final String SUBJECTS = "jwtdropin-revoked-subjects";
    static final String SESSIONS = "jwtdropin-revoked-sessions";

    private final CacheManager manager;
    private final boolean ownManager;
    private final RevocationList list;
    private final Cache<String, String> tokens;
    private final Cache<String, String> subjects;
    private final Cache<String, String> sessions;
    private final GridSync sync;

    /**
     * @param ownManager whether this store opened {@code manager} (the application's provider) and so closes it
     * @param resync     how often the whole grid is read again, for events missed while disconnected
     */
    public JCacheRevocationStore(CacheManager manager, boolean ownManager, RevocationList list, Duration retention,
            Duration resync) {
        this.manager = manager;
        this.ownManager = ownManager;
        this.list = list;
        this.tokens = cache(manager, TOKENS, retention);
        this.subjects = cache(manager, SUBJECTS, retention);
        this.sessions = cache(manager, SESSIONS, retention);
        for (Cache<String, String> cache : caches()) {
            RevocationListener.register(cache, list);
        }
        this.sync = new GridSync(this, cache(manager, GridSync.EPOCH, null), resync);
        // Only a node that revoked before it joined (start-local) has anything the grid may lack.
        int written = list.size() > 0 ? publish() : 0;
        int loaded = load();
        LOG.info(() -> "JWTD-301 revocations are shared through JCache (" + manager.getURI() + "); " + loaded
                + " loaded from the grid, " + written + " of this node's written to it");
    }

    /**
     * The named cache of strings, created if no node has: entries expire {@code retention} after their write, or
     * never where {@code retention} is null.
     */
    public static Cache<String, String> cache(CacheManager manager, String name, Duration retention) {
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true);
        if (retention != null) {
            config.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                    new javax.cache.expiry.Duration(TimeUnit.SECONDS, retention.toSeconds())));
        }
        try {
            return manager.createCache(name, config);
        } catch (CacheException e) {
            return manager.getCache(name, String.class, String.class); // another node created it first
        }
    }

    /** Copies every entry of the grid into this node's list; returns how many. */
    int load() {
        int loaded = 0;
        for (Cache<String, String> cache : caches()) {
            for (Cache.Entry<String, String> entry : cache) {
                RevocationListener.apply(cache.getName(), entry.getKey(), entry.getValue(), list);
                loaded++;
            }
        }
        return loaded;
    }

    /** Writes every entry of this node's list to the grid (merged with what is there); returns how many. */
    int publish() {
        int[] written = {0};
        list.forEach(new RevocationList.Entries() {
            @Override
            public void token(String jti, long until) {
                merge(tokens, jti, Long.toString(until), JCacheRevocationStore::later);
                written[0]++;
            }

            @Override
            public void subject(String subject, long before, long until) {
                merge(subjects, subject, before + ":" + until, JCacheRevocationStore::laterCutoff);
                written[0]++;
            }

            @Override
            public void session(String sid, long until) {
                merge(sessions, sid, Long.toString(until), JCacheRevocationStore::later);
                written[0]++;
            }
        });
        return written[0];
    }

    /**
     * Writes {@code value}, or its combination with what another node wrote: a plain put could replace a later
     * subject cut-off with an earlier one, which a node starting afterwards would load.
     */
    static void merge(Cache<String, String> cache, String key, String value, BinaryOperator<String> combine) {
        for (int attempt = 0; attempt < 8; attempt++) {
            if (cache.putIfAbsent(key, value)) {
                return;
            }
            String old = cache.get(key);
            if (old != null) {
                String merged = combine.apply(old, value);
                if (merged.equals(old) || cache.replace(key, old, merged)) {
                    return;
                }
            }
        }
        cache.put(key, value); // contended beyond reason: this node's value at least
    }

    static String later(String a, String b) {
        try {
            return Long.parseLong(a) >= Long.parseLong(b) ? a : b;
        } catch (NumberFormatException e) {
            return b; // not written by us
        }
    }

    static String laterCutoff(String a, String b) {
        try {
            int ca = a.indexOf(':');
            int cb = b.indexOf(':');
            return Math.max(Long.parseLong(a.substring(0, ca)), Long.parseLong(b.substring(0, cb))) + ":"
                    + Math.max(Long.parseLong(a.substring(ca + 1)), Long.parseLong(b.substring(cb + 1)));
        } catch (RuntimeException e) {
            return b;
        }
    }

    private List<Cache<String, String>> caches() {
        return List.of(tokens, subjects, sessions);
    }

    @Override
    public java.util.Optional<Object> grid() {
        return java.util.Optional.of(manager);
    }

    @Override
    public void revokeToken(String jti, long until) {
        list.revokeToken(jti, until);
        sync.write(() -> merge(tokens, jti, Long.toString(until), JCacheRevocationStore::later));
    }

    @Override
    public void revokeSubject(String subject, long before, long until) {
        list.revokeSubject(subject, before, until);
        sync.write(() -> merge(subjects, subject, before + ":" + until, JCacheRevocationStore::laterCutoff));
    }

    @Override
    public void revokeSession(String sid, long until) {
        list.revokeSession(sid, until);
        sync.write(() -> merge(sessions, sid, Long.toString(until), JCacheRevocationStore::later));
    }

    @Override
    public RevocationList list() {
        return list;
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public void close() {
        sync.close();
        for (Cache<String, String> cache : caches()) {
            RevocationListener.unregister(cache);
        }
        if (ownManager) {
            GridConnection.close(manager);
        }
    }
}
