package io.jwtdropin.revoke;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import javax.cache.CacheManager;

/**
 * Gets the server's JCache {@link CacheManager} through a real injection point (Payara's producer binds it to the
 * server's Hazelcast instance). Not a bean by itself: the extension adds it only where the JCache API exists.
 */
public class CacheManagerHolder {

    @Inject
    Instance<CacheManager> manager;

    CacheManager manager() {
        return manager.get();
    }
}
