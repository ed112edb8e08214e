package io.jwtdropin.dpop;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.jwtdropin.keys.VerificationKey;

/**
 * A proof header's public key, parsed once per distinct header ({@link ProofHeaders}).
 *
 * @param header     the nimbus header the signature is checked against
 * @param key        the {@code jwk}, pinned to the header's {@code alg}
 * @param thumbprint its RFC 7638 SHA-256 thumbprint, base64url: what a bound token's {@code cnf.jkt} names
 */
record ProofKey(JWSHeader header, VerificationKey key, String thumbprint) {

    JWSAlgorithm algorithm() {
        return header.getAlgorithm();
    }
}
