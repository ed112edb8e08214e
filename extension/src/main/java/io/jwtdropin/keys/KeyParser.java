package io.jwtdropin.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns key text into JCA keys, once, at deployment or on a key-set fetch. Accepts what MP-JWT names: PEM (public
 * key, certificate, PKCS#8 private key), a JWK, a JWK set, either of them base64url-encoded, and bare base64 DER.
 * Throws {@link IllegalArgumentException} with a message fit to follow a configuration key name.
 */
public final class KeyParser {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    /** Whether public keys (to verify) or private keys (to decrypt or sign) are expected. */
    public enum Use { PUBLIC, PRIVATE }

    private KeyParser() {
    }

    public static List<ParsedKey> parse(String text, Use use) {
        String trimmed = text.trim();
        if (trimmed.contains("-----BEGIN ")) {
            return pem(trimmed, use);
        }
        if (trimmed.startsWith("{")) {
            return jwks(trimmed, use);
        }
        byte[] decoded = decodeBase64(trimmed);
        String asText = new String(decoded, StandardCharsets.UTF_8).trim();
        if (asText.startsWith("{")) {
            return jwks(asText, use);
        }
        return List.of(new ParsedKey(null, null, der(decoded, use)));
    }

    private static List<ParsedKey> pem(String text, Use use) {
        List<ParsedKey> keys = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            keys.add(new ParsedKey(null, null, pemKey(type, der, use)));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("holds a PEM header but no complete PEM block.");
        }
        return keys;
    }

    private static Key pemKey(String type, byte[] der, Use use) {
        try {
            switch (type) {
                case "PUBLIC KEY":
                    requireUse(use, Use.PUBLIC, "a public key");
                    return der(der, use);
                case "CERTIFICATE":
                    requireUse(use, Use.PUBLIC, "a certificate");
                    return CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                case "PRIVATE KEY":
                    requireUse(use, Use.PRIVATE, "a private key");
                    return der(der, use);
                default:
                    throw new IllegalArgumentException("holds an unsupported PEM block '" + type
                            + "'; use PUBLIC KEY, CERTIFICATE or (for decryption) PKCS#8 PRIVATE KEY.");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a PEM " + type + " that cannot be read: " + e.getMessage(), e);
        }
    }

    private static Key der(byte[] der, Use use) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                return use == Use.PUBLIC
                        ? factory.generatePublic(new X509EncodedKeySpec(der))
                        : factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("is not a PEM, JWK or JWK set, nor DER of an RSA, EC or Ed25519 "
                + (use == Use.PUBLIC ? "public" : "private") + " key.");
    }

    private static List<ParsedKey> jwks(String json, Use use) {
        List<JWK> jwks;
        try {
            jwks = json.contains("\"keys\"") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
        } catch (ParseException e) {
            throw new IllegalArgumentException("is not a valid JWK or JWK set: " + e.getMessage(), e);
        }
        List<ParsedKey> keys = new ArrayList<>();
        for (JWK jwk : jwks) {
            if (use == Use.PUBLIC && KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
                continue; // an encryption key beside the signing keys (Keycloak publishes one) never verifies
            }
            if (use == Use.PUBLIC && jwk.isPrivate()) {
                throw new IllegalArgumentException("holds a private JWK (kid " + jwk.getKeyID()
                        + "); configure only the public key for verification.");
            }
            if (use == Use.PRIVATE && !jwk.isPrivate()) {
                throw new IllegalArgumentException("holds a public JWK (kid " + jwk.getKeyID()
                        + ") where a private key is expected.");
            }
            String alg = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
            keys.add(new ParsedKey(jwk.getKeyID(), alg, jcaKey(jwk, use)));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("is a JWK set with no keys.");
        }
        return keys;
    }

    private static Key jcaKey(JWK jwk, Use use) {
        try {
            if (jwk instanceof RSAKey rsa) {
                return use == Use.PUBLIC ? rsa.toRSAPublicKey() : rsa.toRSAPrivateKey();
            }
            if (jwk instanceof ECKey ec) {
                return use == Use.PUBLIC ? ec.toECPublicKey() : ec.toECPrivateKey();
            }
            if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                // Ed25519 keys in their standard DER wrappings (RFC 8410): a fixed prefix, then the raw key.
                return use == Use.PUBLIC ? der(concat(ED25519_SPKI_PREFIX, okp.getX().decode()), use)
                        : der(concat(ED25519_PKCS8_PREFIX, okp.getD().decode()), use);
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("holds a JWK that cannot be converted: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("holds a JWK of unsupported type " + jwk.getKeyType() + ".");
    }

    private static final byte[] ED25519_SPKI_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");

    private static byte[] concat(byte[] prefix, byte[] key) {
        byte[] all = java.util.Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, all, prefix.length, key.length);
        return all;
    }

    private static void requireUse(Use actual, Use expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("holds " + what + " where a "
                    + (actual == Use.PUBLIC ? "public key (to verify signatures)" : "private key") + " is expected.");
        }
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getUrlDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e2) {
                throw new IllegalArgumentException("is neither PEM, JSON nor base64.", e2);
            }
        }
    }
}
