package io.jwtdropin.dpop;

/**
 * The proof ids seen within the proof window (RFC 9449 §11.1): in this node's memory, or in the cluster's data grid
 * so that a proof used on one node is refused on every other.
 */
interface ProofReplay {

    /** {@code UNAVAILABLE}: the grid did not answer; the proof is refused rather than risk a replay elsewhere. */
    enum Use { FIRST, REPLAYED, FULL, UNAVAILABLE }

    /**
     * Records {@code id} unless it is known.
     *
     * @param id        a digest of the proof's key and {@code jti}
     * @param now       epoch seconds
     * @param expiresAt epoch seconds after which the id may be forgotten (the proof is stale by then)
     */
    Use record(String id, long now, long expiresAt);

    /** A secret every node holding this store shares, for server nonces; random per node when memory-only. */
    byte[] nonceSecret();

    /** Whether ids reach every node of a cluster. */
    boolean clustered();
}
