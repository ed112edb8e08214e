package io.jwtdropin.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

/**
 * Ed25519 (JWS {@code EdDSA}) with the JDK's own provider. nimbus's Ed25519 classes need Google Tink, a large
 * dependency; the JDK (15+) has had Ed25519 built in since, so this small adapter plugs it into nimbus's JWS API.
 */
public final class JdkEdDsa {

    private static final Set<JWSAlgorithm> EDDSA = Set.of(JWSAlgorithm.EdDSA);

    private JdkEdDsa() {
    }

    /** Verifies with an Ed25519 public key; thread-safe (a {@link Signature} per call). */
    public static JWSVerifier verifier(PublicKey key) {
        return new Verifier(key);
    }

    /** Signs with an Ed25519 private key; thread-safe (a {@link Signature} per call). */
    public static JWSSigner signer(PrivateKey key) {
        return new Signer(key);
    }

    /** What both directions tell nimbus about themselves: EdDSA only, default JCA context. */
    private interface EdDsaProvider extends com.nimbusds.jose.JWSProvider {

        @Override
        default Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return EDDSA;
        }

        @Override
        default JCAContext getJCAContext() {
            return new JCAContext();
        }
    }

    private record Verifier(PublicKey key) implements JWSVerifier, EdDsaProvider {

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return false;
            }
            try {
                Signature ed = Signature.getInstance("Ed25519");
                ed.initVerify(key);
                ed.update(signingInput);
                return ed.verify(signature.decode());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }

    private record Signer(PrivateKey key) implements JWSSigner, EdDsaProvider {

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            try {
                Signature ed = Signature.getInstance("Ed25519");
                ed.initSign(key);
                ed.update(signingInput);
                return Base64URL.encode(ed.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
            }
        }
    }
}
