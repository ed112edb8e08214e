package io.jwtdropin.keys;

/** Supplies the current verification keys: fixed ones from configuration, or a remote key set. */
public interface KeyProvider extends AutoCloseable {

    /** The keys to verify with now. */
    KeySet keys() throws KeysUnavailableException;

    /**
     * Called when a token names a {@code kid} that {@link #keys()} lacks: a remote set may refresh (rate-limited);
     * fixed keys simply stay as they are.
     */
    default KeySet keysForUnknownKid(String kid) throws KeysUnavailableException {
        return keys();
    }

    /** Stops any background work (at undeployment). */
    @Override
    default void close() {
    }

    /** Fixed keys, parsed once at deployment. */
    record Fixed(KeySet keySet) implements KeyProvider {
        @Override
        public KeySet keys() {
            return keySet;
        }
    }
}
