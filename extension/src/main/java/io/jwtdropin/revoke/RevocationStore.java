package io.jwtdropin.revoke;

/**
 * Where revocations are recorded: this node only, or the cluster's data grid. Checks always read this node's
 * {@link #list()}, so they cost no network round trip; a clustered store keeps that list in step with the grid.
 */
public interface RevocationStore extends AutoCloseable {

    void revokeToken(String jti, long until);

    void revokeSubject(String subject, long before, long until);

    void revokeSession(String sid, long until);

    /** This node's view, for checks. */
    RevocationList list();

    /** Whether revocations reach every node of a cluster. */
    boolean clustered();

    /**
     * The data grid's JCache {@code CacheManager} this store writes to, for other cluster-wide state (DPoP proof ids);
     * typed {@code Object} so that JCache stays out of the signatures of servers without it.
     */
    default java.util.Optional<Object> grid() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {
    }

    /** Revocations in this JVM only. */
    record Local(RevocationList list) implements RevocationStore {

        @Override
        public void revokeToken(String jti, long until) {
            list.revokeToken(jti, until);
        }

        @Override
        public void revokeSubject(String subject, long before, long until) {
            list.revokeSubject(subject, before, until);
        }

        @Override
        public void revokeSession(String sid, long until) {
            list.revokeSession(sid, until);
        }

        @Override
        public boolean clustered() {
            return false;
        }
    }
}
