package io.jwtdropin.verify;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.util.Set;

/**
 * One ready-to-use verification key: its optional {@code kid}, the algorithms pinned to it, and a verifier built
 * once (nimbus verifiers are thread-safe), so no key is parsed or converted per request.
 */
public record VerificationKey(String kid, Set<JWSAlgorithm> algorithms, JWSVerifier verifier) {

    public VerificationKey {
        algorithms = Set.copyOf(algorithms);
    }
}
