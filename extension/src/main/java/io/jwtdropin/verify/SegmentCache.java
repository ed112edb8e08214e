package io.jwtdropin.verify;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What was parsed from a token's first segment, kept by that segment's exact text. Every token an issuer signs with
 * one key (and every DPoP proof a client signs with one key) carries the same header segment, byte for byte, so after
 * the first one the header costs a comparison instead of a decode and a parse. The result depends on nothing but the
 * segment's text, which is compared in full: a cached entry is exactly what parsing that text again would give. A
 * fixed number of slots, and only short segments, bound the memory whatever an attacker sends; a busy slot is simply
 * overwritten.
 *
 * @param <T> what a segment parses to
 */
public final class SegmentCache<T> {

    /** Parses a segment; a refusal is not cached. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String segment) throws TokenRejectedException;
    }

    private record Slot<T>(String segment, T value) {
    }

    private final int mask;
    private final int maxCachedLength;
    private final Parser<T> parser;
    private final AtomicReferenceArray<Slot<T>> slots;

    /** @param slots a power of two */
    public SegmentCache(int slots, int maxCachedLength, Parser<T> parser) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two");
        }
        this.mask = slots - 1;
        this.maxCachedLength = maxCachedLength;
        this.parser = parser;
        this.slots = new AtomicReferenceArray<>(slots);
    }

    /**
     * @param token a compact JWS that passed {@link CompactForm#segments}
     * @param end   where its first segment ends (the first dot)
     */
    public T get(String token, int end) throws TokenRejectedException {
        if (end > maxCachedLength) {
            return parser.parse(token.substring(0, end));
        }
        // The hash and the comparison read the token in place: a hit copies nothing.
        int hash = 0;
        for (int i = 0; i < end; i++) {
            hash = 31 * hash + token.charAt(i);
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        Slot<T> known = slots.get(slot);
        if (known != null && known.segment().length() == end && token.regionMatches(0, known.segment(), 0, end)) {
            return known.value();
        }
        String segment = token.substring(0, end);
        T parsed = parser.parse(segment);
        slots.set(slot, new Slot<>(segment, parsed));
        return parsed;
    }
}
