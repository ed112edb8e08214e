package io.jwtdropin.revoke;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * Revocations in two JCache caches of the server's data grid (on Payara, Hazelcast), so every node sees them: a
 * revocation is written to the grid and to this node's list; a listener copies every other node's writes into this
 * node's list, and a starting node loads what is already there. Keys and values are plain strings, so the grid
 * never needs the application's classes. Entries expire after the configured retention (the longest a token lives).
 */
public final class JCacheRevocationStore implements RevocationStore {

    private static final Logger LOG = Logger.getLogger(JCacheRevocationStore.class.getName());
    static final String TOKENS = "jwtdropin-revoked-tokens";
    static final String SUBJECTS = "jwtdropin-revoked-subjects";
    static final String SESSIONS = "jwtdropin-revoked-sessions";

    private final CacheManager manager;
    private final RevocationList list;
    private final Cache<String, String> tokens;
    private final Cache<String, String> subjects;
    private final Cache<String, String> sessions;

    public JCacheRevocationStore(CacheManager manager, RevocationList list, Duration retention) {
        this.manager = manager;
        this.list = list;
        this.tokens = cache(manager, TOKENS, retention);
        this.subjects = cache(manager, SUBJECTS, retention);
        this.sessions = cache(manager, SESSIONS, retention);
        int loaded = 0;
        for (Cache<String, String> cache : java.util.List.of(tokens, subjects, sessions)) {
            RevocationListener.register(cache, list);
            for (Cache.Entry<String, String> entry : cache) {
                RevocationListener.apply(cache.getName(), entry.getKey(), entry.getValue(), list);
                loaded++;
            }
        }
        int count = loaded;
        LOG.info(() -> "JWTD-301 revocations are shared through JCache (" + manager.getURI() + "); " + count
                + " loaded from the grid");
    }

    /** The named cache of strings, created with entries expiring {@code retention} after their write if no node has. */
    public static Cache<String, String> cache(CacheManager manager, String name, Duration retention) {
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.SECONDS, retention.toSeconds())));
        try {
            return manager.createCache(name, config);
        } catch (CacheException e) {
            return manager.getCache(name, String.class, String.class); // another node created it first
        }
    }

    @Override
    public java.util.Optional<Object> grid() {
        return java.util.Optional.of(manager);
    }

    @Override
    public void revokeToken(String jti, long until) {
        list.revokeToken(jti, until);
        tokens.put(jti, Long.toString(until));
    }

    @Override
    public void revokeSubject(String subject, long before, long until) {
        list.revokeSubject(subject, before, until);
        subjects.put(subject, before + ":" + until);
    }

    @Override
    public void revokeSession(String sid, long until) {
        list.revokeSession(sid, until);
        sessions.put(sid, Long.toString(until));
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
        RevocationListener.unregister(tokens);
        RevocationListener.unregister(subjects);
        RevocationListener.unregister(sessions);
    }
}
