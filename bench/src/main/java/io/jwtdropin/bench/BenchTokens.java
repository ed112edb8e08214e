package io.jwtdropin.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
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
    final KeyPair keys;

    public BenchTokens(String algorithm) throws Exception {
        this.algorithm = JWSAlgorithm.parse(algorithm);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.startsWith("ES") ? "EC" : "RSA");
        generator.initialize(algorithm.startsWith("ES") ? 256 : 2048);
        this.keys = generator.generateKeyPair();
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** A fresh token (new jti) valid for an hour. */
    public String mint(String user) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(user).claim("upn", user + "@bench.example")
                .claim("preferred_username", user).audience("bench").claim("groups", List.of("user", "reader"))
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", user + "@bench.example").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer());
        return jwt.serialize();
    }

    private JWSSigner signer() throws Exception {
        return keys.getPrivate() instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(keys.getPrivate());
    }
}
