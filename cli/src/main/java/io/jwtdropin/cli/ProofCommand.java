package io.jwtdropin.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.keys.KeyParser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code proof}: a DPoP proof (RFC 9449) for one request, signed with a client key that {@code keygen} wrote as
 * {@code private-key.jwk.json}; {@code mint --dpop-key} binds a token to the same key. Also the key's thumbprint.
 */
final class ProofCommand {

    private ProofCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Flags flags = new Flags(args, Set.of("key", "method", "url", "token", "nonce"));
        JWK key = clientKey(Path.of(flags.required("key")));
        URI url = URI.create(flags.required("url"));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", flags.get("method").orElse("GET"))
                .claim("htu", url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath()))
                .issueTime(new Date());
        flags.get("token").ifPresent(token -> claims.claim("ath", hash(token)));
        flags.get("nonce").ifPresent(nonce -> claims.claim("nonce", nonce));
        JWSHeader header = new JWSHeader.Builder(algorithm(key)).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build();
        out.println(sign(header, claims.build(), key));
        return Main.OK;
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWK key) {
        try {
            if (key instanceof OctetKeyPair) {
                // Ed25519 through the JDK (nimbus's own signer needs Tink): the JWK's private half as a PKCS#8 key.
                PrivateKey ed = (PrivateKey) KeyParser.parse(key.toJSONString(), KeyParser.Use.PRIVATE).get(0).key();
                String input = header.toBase64URL() + "." + Base64URL.encode(claims.toString());
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(ed);
                signature.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + Base64URL.encode(signature.sign());
            }
            SignedJWT proof = new SignedJWT(header, claims);
            proof.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
            return proof.serialize();
        } catch (JOSEException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("the key cannot sign: " + e.getMessage(), e);
        }
    }

    /** A private JWK (RSA, EC or Ed25519), as {@code keygen} writes it. */
    static JWK clientKey(Path file) throws IOException {
        try {
            JWK key = JWK.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalArgumentException(file + " holds a public JWK; a DPoP key must be the client's private key");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalArgumentException(file + " is not a JWK (use private-key.jwk.json from keygen)", e);
        }
    }

    /** The RFC 7638 thumbprint a bound token names in {@code cnf.jkt}. */
    static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("no thumbprint for the key: " + e.getMessage(), e);
        }
    }

    private static JWSAlgorithm algorithm(JWK key) {
        if (key instanceof ECKey ec) {
            return Curve.P_384.equals(ec.getCurve()) ? JWSAlgorithm.ES384
                    : Curve.P_521.equals(ec.getCurve()) ? JWSAlgorithm.ES512 : JWSAlgorithm.ES256;
        }
        return key instanceof OctetKeyPair ? JWSAlgorithm.EdDSA : JWSAlgorithm.PS256;
    }

    private static String hash(String token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
