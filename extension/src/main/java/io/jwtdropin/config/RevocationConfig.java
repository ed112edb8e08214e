package io.jwtdropin.config;

import java.time.Duration;

/**
 * Token revocation.
 *
 * @param store      where revocations live: {@code AUTO} (the server's JCache data grid if it has one, else this
 *                   node), {@code JCACHE} (required), {@code MEMORY} (this node) or {@code OFF}
 * @param requireJti whether tokens without {@code jti} are refused (they cannot be revoked one by one)
 * @param retention  how long a revocation is kept: at least the longest lifetime of a token
 * @param maxEntries the most live revocations one node keeps
 */
public record RevocationConfig(Store store, boolean requireJti, Duration retention, int maxEntries) {

    public enum Store { AUTO, JCACHE, MEMORY, OFF }
}
