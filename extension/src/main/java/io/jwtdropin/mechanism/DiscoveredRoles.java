package io.jwtdropin.mechanism;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Roles named by the application's beans, as the CDI extension saw them; read by the servlet initializer that
 * declares them. Static state is per application: each WAR loads its own copy of this jar.
 */
public final class DiscoveredRoles {

    private static final Set<String> ROLES = ConcurrentHashMap.newKeySet();

    private DiscoveredRoles() {
    }

    public static void add(String... roles) {
        ROLES.addAll(Set.of(roles));
    }

    public static Set<String> snapshot() {
        return Set.copyOf(ROLES);
    }
}
