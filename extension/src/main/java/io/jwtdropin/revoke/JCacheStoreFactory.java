package io.jwtdropin.revoke;

import java.time.Duration;

/** Builds the JCache store from the holder bean; called by name, so JCache types stay out of other signatures. */
final class JCacheStoreFactory {

    private JCacheStoreFactory() {
    }

    public static RevocationStore create(Object holder, RevocationList list, Duration retention) {
        return new JCacheRevocationStore(((CacheManagerHolder) holder).manager(), list, retention);
    }
}
