package io.jwtdropin.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.security.Key;
import java.util.Set;

/**
 * One ready-to-use verification key: its optional {@code kid}, the algorithms pinned to it, and a verifier built
 * once (nimbus verifiers are thread-safe), so no key is parsed or converted per request.
 */
public record VerificationKey(String kid, Set<JWSAlgorithm> algorithms, JWSVerifier verifier, Key key) {

    /** The same key material, kid and algorithms (records compare the verifier by identity, so this does not). */
    boolean sameAs(VerificationKey other) {
        return this == other || (java.util.Objects.equals(kid, other.kid) && algorithms.equals(other.algorithms)
                && key.equals(other.key));
    }

    public VerificationKey {
        algorithms = Set.copyOf(algorithms);
    }
}
