package io.jwtdropin.dpop;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proof ids in this JVM, bounded: expired ids are swept out every so many inserts, and when the bound is reached with
 * every id still live the proof is refused ({@link Use#FULL}) rather than an id forgotten early, which would let a
 * replay through. Only callers whose token verified get this far, so only they can fill it. While full, the sweep
 * runs at most once per second of the clock: otherwise every refused proof would scan the whole store.
 */
final class MemoryProofReplay implements ProofReplay {

    private static final int SWEEP_EVERY = 4096;

    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicInteger inserts = new AtomicInteger();
    private final int maxEntries;
    private final byte[] secret = new byte[32];
    /** While full: the second before which no sweep can free anything, since the last one freed too little. */
    private volatile long fullUntil = Long.MIN_VALUE;

    MemoryProofReplay(int maxEntries) {
        this.maxEntries = maxEntries;
        new SecureRandom().nextBytes(secret);
    }

    @Override
    public Use record(String id, long now, long expiresAt) {
        boolean full = seen.size() >= maxEntries;
        if (full || inserts.incrementAndGet() % SWEEP_EVERY == 0) {
            if (!full || now >= fullUntil) {
                seen.values().removeIf(expiry -> expiry < now);
                full = seen.size() >= maxEntries;
                fullUntil = full ? now + 1 : Long.MIN_VALUE;
            }
            if (full) {
                Long kept = seen.get(id);
                return kept != null && kept >= now ? Use.REPLAYED : Use.FULL;
            }
        }
        Long earlier = seen.putIfAbsent(id, expiresAt);
        if (earlier == null) {
            return Use.FIRST;
        }
        if (earlier < now && seen.replace(id, earlier, expiresAt)) {
            return Use.FIRST; // an expired id that the sweep has not reached yet
        }
        return Use.REPLAYED;
    }

    @Override
    public byte[] nonceSecret() {
        return secret.clone();
    }

    @Override
    public boolean clustered() {
        return false;
    }

    int size() {
        return seen.size();
    }
}
