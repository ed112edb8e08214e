package io.jwtdropin.verify;

import io.jwtdropin.keys.VerificationKey;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tokens already verified, so a repeated token costs a hash and a map look-up instead of a signature check.
 * Keyed by the SHA-256 of the token (the token itself is not kept as a key); bounded in size; an entry lives until
 * the token's {@code exp} or the configured TTL, whichever is first. The caller re-checks the token's times on
 * every hit.
 */
final class VerifiedTokenCache {

    /** A cached token with the issuer entry and the key that verified it, so a hit can check the key is still trusted. */
    record Entry(VerifiedToken token, TrustedIssuer issuer, VerificationKey key, Instant evictAt) {
    }

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    VerifiedTokenCache(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @return the entry, or null; {@code key} is {@link #key}'s for the token, computed once per request */
    Entry get(ByteBuffer key) {
        Entry entry = entries.get(key);
        if (entry == null || !clock.instant().isBefore(entry.evictAt())) {
            if (entry != null) {
                entries.remove(key, entry);
            }
            return null;
        }
        return entry;
    }

    void put(ByteBuffer tokenKey, VerifiedToken verified, TrustedIssuer issuer, VerificationKey key) {
        Instant now = clock.instant();
        Instant byTtl = now.plus(ttl);
        Instant exp = verified.times().expiresAt();
        if (entries.size() >= maxEntries) {
            evict(now);
        }
        entries.put(tokenKey, new Entry(verified, issuer, key, exp.isBefore(byTtl) ? exp : byTtl));
    }

    /** Drops expired entries; if that is not enough, drops arbitrary ones down to 90% of the bound. */
    private void evict(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.evictAt()));
        Iterator<ByteBuffer> keys = entries.keySet().iterator();
        while (entries.size() >= maxEntries * 9 / 10 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /**
     * Counts one use: a hit only when the entry was actually used. The caller decides, because an entry whose key has
     * left the key set is found but not used.
     */
    void count(boolean hit) {
        (hit ? hits : misses).increment();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    int size() {
        return entries.size();
    }

    /** The cache key of a token: its SHA-256, so the token itself is never kept as a key. */
    static ByteBuffer key(String token) {
        return ByteBuffer.wrap(VerifiedToken.digest(token));
    }
}
