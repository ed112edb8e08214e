package io.jwtdropin.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import javax.crypto.SecretKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pins algorithms to keys (RFC 8725 §3.1): a key verifies only the algorithms of its own type that configuration
 * (or, when none is configured, the key itself) allows. The token's header never chooses a key type.
 */
public final class KeyPinning {

    private static final Set<JWSAlgorithm> RSA_FAMILY = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private KeyPinning() {
    }

    /**
     * @param keys       keys as parsed
     * @param configured algorithm names from configuration; empty means RS256 for RSA keys, the curve's ESxxx for EC
     * @param minRsaBits RSA keys shorter than this are refused
     * @return the usable keys, each with its verifier; keys that fit no allowed algorithm are left out
     */
    public static KeySet pin(List<ParsedKey> keys, Set<String> configured, int minRsaBits) {
        List<VerificationKey> pinned = new ArrayList<>();
        for (ParsedKey key : keys) {
            Set<JWSAlgorithm> allowed = allowed(key, configured, minRsaBits);
            if (!allowed.isEmpty()) {
                pinned.add(new VerificationKey(key.kid(), allowed, verifier(key), key.key()));
            }
        }
        return new KeySet(pinned);
    }

    private static Set<JWSAlgorithm> allowed(ParsedKey key, Set<String> configured, int minRsaBits) {
        Set<JWSAlgorithm> family = family(key, minRsaBits);
        Set<JWSAlgorithm> wanted = configured.isEmpty()
                ? Set.of(defaultFor(key))
                : configured.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
        if (key.alg() != null) {
            // A JWK that names its algorithm is used for that one only, and only if configuration allows it.
            JWSAlgorithm own = JWSAlgorithm.parse(key.alg());
            wanted = configured.isEmpty() || wanted.contains(own) ? Set.of(own) : Set.of();
        }
        Set<JWSAlgorithm> result = new LinkedHashSet<>(wanted);
        result.retainAll(family);
        return result;
    }

    private static Set<JWSAlgorithm> family(ParsedKey key, int minRsaBits) {
        if (key.key() instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < minRsaBits) {
                throw new IllegalArgumentException("holds an RSA key of " + rsa.getModulus().bitLength()
                        + " bits; at least " + minRsaBits + " are required (jwtdropin.verify.rsa.min-bits).");
            }
            return RSA_FAMILY;
        }
        if (key.key() instanceof ECPublicKey ec) {
            return Set.of(ecAlgorithm(ec));
        }
        if (key.key() instanceof EdECPublicKey) {
            return Set.of(JWSAlgorithm.EdDSA);
        }
        if (key.key() instanceof SecretKey secret) {
            return hmacFamily(secret.getEncoded().length);
        }
        throw new IllegalArgumentException("holds a " + key.key().getAlgorithm()
                + " key, which is not an RSA, EC or Ed25519 public key.");
    }

    private static JWSAlgorithm defaultFor(ParsedKey key) {
        if (key.key() instanceof ECPublicKey ec) {
            return ecAlgorithm(ec);
        }
        if (key.key() instanceof EdECPublicKey) {
            return JWSAlgorithm.EdDSA;
        }
        return key.key() instanceof SecretKey ? JWSAlgorithm.HS256 : JWSAlgorithm.RS256;
    }

    /** RFC 7518 §3.2: an HMAC key at least as long as the hash; shorter secrets fail deployment. */
    private static Set<JWSAlgorithm> hmacFamily(int bytes) {
        if (bytes < 32) {
            throw new IllegalArgumentException("is a secret of " + bytes + " bytes; HS256 needs at least 32.");
        }
        Set<JWSAlgorithm> family = new LinkedHashSet<>(Set.of(JWSAlgorithm.HS256));
        if (bytes >= 48) {
            family.add(JWSAlgorithm.HS384);
        }
        if (bytes >= 64) {
            family.add(JWSAlgorithm.HS512);
        }
        return family;
    }

    private static JWSAlgorithm ecAlgorithm(ECPublicKey ec) {
        Curve curve = Curve.forECParameterSpec(ec.getParams());
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return JWSAlgorithm.ES512;
        }
        throw new IllegalArgumentException("holds an EC key on an unsupported curve; use P-256, P-384 or P-521.");
    }

    private static com.nimbusds.jose.JWSVerifier verifier(ParsedKey key) {
        try {
            if (key.key() instanceof RSAPublicKey rsa) {
                return new RSASSAVerifier(rsa);
            }
            if (key.key() instanceof EdECPublicKey ed) {
                return JdkEdDsa.verifier(ed);
            }
            if (key.key() instanceof SecretKey secret) {
                return new MACVerifier(secret.getEncoded());
            }
            return new ECDSAVerifier((ECPublicKey) key.key());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("holds a key nimbus cannot verify with: " + e.getMessage(), e);
        }
    }
}
