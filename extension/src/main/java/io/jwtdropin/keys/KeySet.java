package io.jwtdropin.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An immutable set of verification keys, with the MP-JWT rule for choosing among them by {@code kid}. */
public record KeySet(List<VerificationKey> keys) {

    public KeySet {
        keys = List.copyOf(keys);
    }

    /**
     * The keys a token may be verified with. A token {@code kid} that names a key selects only that key
     * (MP-JWT: "only that key may be used"); a {@code kid} that names none falls back to the keys that have
     * no {@code kid} of their own (a PEM key, say). The {@code kid} is only ever compared, never interpreted.
     */
    public List<VerificationKey> candidates(String kid) {
        if (kid == null) {
            return keys;
        }
        List<VerificationKey> named = withKid(kid);
        return named.isEmpty() ? withKid(null) : named;
    }

    private List<VerificationKey> withKid(String kid) {
        List<VerificationKey> matching = new ArrayList<>(1);
        for (VerificationKey key : keys) {
            if (Objects.equals(kid, key.kid())) {
                matching.add(key);
            }
        }
        return matching;
    }

    /** Whether {@code key} is still one of these keys: a cached token stays valid only while its key does. */
    public boolean contains(VerificationKey key) {
        for (VerificationKey k : keys) {
            if (k == key) {
                return true;
            }
        }
        for (VerificationKey k : keys) {
            if (k.sameAs(key)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasKid(String kid) {
        if (kid == null) {
            return false;
        }
        for (VerificationKey key : keys) {
            if (kid.equals(key.kid())) {
                return true;
            }
        }
        return false;
    }
}
