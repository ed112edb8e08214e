package io.jwtdropin.junit5;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Base64;

/**
 * A throw-away RS256 key pair with a {@code kid}: the public half as PEM or JWK set, the private half for minting.
 * Never use one outside tests.
 */
public final class TestKeyPair {

    private final RSAKey key;

    private TestKeyPair(RSAKey key) {
        this.key = key;
    }

    /** A fresh 2048-bit RSA key pair named {@code kid}. */
    public static TestKeyPair generate(String kid) {
        try {
            return new TestKeyPair(new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    public String kid() {
        return key.getKeyID();
    }

    /** The public key as a PEM {@code PUBLIC KEY} block. */
    public String publicKeyPem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWK set holding the public key only. */
    public String publicJwks() {
        return jwks(this);
    }

    /** One JWK set with the public keys of all {@code pairs}, e.g. both keys during a rotation. */
    public static String jwks(TestKeyPair... pairs) {
        return new JWKSet(java.util.Arrays.stream(pairs).map(p -> (com.nimbusds.jose.jwk.JWK) p.key.toPublicJWK())
                .toList()).toString();
    }

    /** Starts a token signed by this key for {@code issuer}. */
    public TestTokens tokens(String issuer) {
        return new TestTokens(key, issuer);
    }

    RSAKey jwk() {
        return key;
    }
}
