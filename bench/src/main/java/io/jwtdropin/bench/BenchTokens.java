package io.jwtdropin.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Set;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Key pairs and realistic MP-JWT tokens (the claims an IdP sends) for one algorithm. */
public final class BenchTokens {

    static final String ISSUER = "https://idp.bench.example";

    final JWSAlgorithm algorithm;
    /** The key pair; for HS256 none ({@link #secret} instead). */
    final KeyPair keys;
    /** The HS256 secret (32 random bytes), else null. */
    final byte[] secret;

    public BenchTokens(String algorithm) throws Exception {
        this.algorithm = JWSAlgorithm.parse(algorithm);
        if (algorithm.equals("HS256")) {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            this.keys = null;
            return;
        }
        this.secret = null;
        KeyPairGenerator generator = KeyPairGenerator.getInstance(switch (algorithm) {
            case "EdDSA" -> "Ed25519";
            case "ES256" -> "EC";
            default -> "RSA";
        });
        if (!algorithm.equals("EdDSA")) {
            generator.initialize(algorithm.startsWith("ES") ? 256 : 2048);
        }
        this.keys = generator.generateKeyPair();
    }

    /** The HS256 secret as {@code jwtdropin.verify.secret} wants it. */
    public String secretBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** A fresh token (new jti) valid for an hour. */
    public String mint(String user) throws Exception {
        return mint(user, java.util.Map.of());
    }

    /** The same with more claims (e.g. {@code cnf} for a DPoP-bound token). */
    public String mint(String user, java.util.Map<String, Object> more) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER).subject(user).claim("upn", user + "@bench.example")
                .claim("preferred_username", user).audience("bench").claim("groups", List.of("user", "reader"))
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", user + "@bench.example");
        more.forEach(builder::claim);
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer());
        return jwt.serialize();
    }

    /** This key pair's public half as a JWK: a DPoP client's key. */
    public com.nimbusds.jose.jwk.JWK publicJwk() {
        if (keys.getPublic() instanceof java.security.interfaces.RSAPublicKey rsa) {
            return new com.nimbusds.jose.jwk.RSAKey.Builder(rsa).build();
        }
        if (keys.getPublic() instanceof java.security.interfaces.ECPublicKey ec) {
            return new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, ec).build();
        }
        byte[] spki = keys.getPublic().getEncoded();
        return new com.nimbusds.jose.jwk.OctetKeyPair.Builder(com.nimbusds.jose.jwk.Curve.Ed25519,
                Base64URL.encode(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length))).build();
    }

    /** A fresh DPoP proof for one request presenting {@code accessToken}, signed with this key pair. */
    public String proof(String method, String url, String accessToken) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", method)
                .claim("htu", url).issueTime(new Date())
                .claim("ath", Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                        .getInstance("SHA-256").digest(accessToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType("dpop+jwt"))
                .jwk(publicJwk()).build(), claims);
        jwt.sign(signer());
        return jwt.serialize();
    }

    private JWSSigner signer() throws Exception {
        if (secret != null) {
            return new MACSigner(secret);
        }
        if (algorithm.equals(JWSAlgorithm.EdDSA)) {
            return new JdkEd25519Signer(keys.getPrivate()); // nimbus's own Ed25519 signer needs Tink
        }
        return keys.getPrivate() instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(keys.getPrivate());
    }

    /** Signs EdDSA with the JDK's Ed25519. */
    private record JdkEd25519Signer(PrivateKey key) implements JWSSigner {
        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException(e.getMessage(), e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }
}
