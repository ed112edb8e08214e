package io.jwtdropin.revoke;

import java.time.Duration;

/** Builds the JCache store from the holder bean; called by name, so JCache types stay out of other signatures. */
final class JCacheStoreFactory {

    private JCacheStoreFactory() {
    }

    public static RevocationStore create(Object holder, RevocationList list, Duration retention) {
        javax.cache.CacheManager manager = ((CacheManagerHolder) holder).manager();
        if (manager == null) {
            throw new IllegalStateException("the server's JCache CacheManager is null (is its data grid switched off?)");
        }
        return new JCacheRevocationStore(manager, list, retention);
    }
}
