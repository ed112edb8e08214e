package io.jwtdropin.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Token revocation.
 *
 * @param store      where revocations live: {@code AUTO} (the server's JCache data grid if it has one, else this
 *                   node), {@code JCACHE} (required), {@code MEMORY} (this node) or {@code OFF}
 * @param requireJti whether tokens without {@code jti} are refused (they cannot be revoked one by one)
 * @param retention  how long a revocation is kept: at least the longest lifetime of a token
 * @param maxEntries the most live revocations one node keeps
 * @param resync     how often a node reads the whole grid again (catching events it missed while disconnected)
 * @param grid       a JCache provider the application brings (e.g. a Hazelcast client), used instead of the server's
 */
public record RevocationConfig(Store store, boolean requireJti, Duration retention, int maxEntries,
        Duration resync, Optional<Grid> grid) {

    public enum Store { AUTO, JCACHE, MEMORY, OFF }

    /** What happens when the configured grid cannot be reached at start. */
    public enum Unreachable {
        /** The deployment fails. */
        FAIL,
        /** The node starts with node-local revocations (a warning) and joins the grid once it answers. */
        START_LOCAL
    }

    /**
     * @param provider       the JCache {@code CachingProvider} class, e.g.
     *                       {@code com.hazelcast.client.cache.HazelcastClientCachingProvider}
     * @param uri            the provider's configuration, e.g. {@code classpath:hazelcast-client.xml}; empty: its
     *                       default
     * @param unreachable    what a grid that cannot be reached at start does
     * @param connectTimeout how long the start waits for the grid
     */
    public record Grid(String provider, Optional<URI> uri, Unreachable unreachable, Duration connectTimeout) {
    }
}
