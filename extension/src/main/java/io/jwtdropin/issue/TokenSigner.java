package io.jwtdropin.issue;

import io.jwtdropin.keys.JdkEdDsa;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.IssuingConfig;
import com.nimbusds.jose.crypto.MACSigner;
import java.security.Key;
import java.security.interfaces.EdECPrivateKey;
import javax.crypto.SecretKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs tokens with the configured private key; the signer is built once (nimbus signers are thread-safe). */
public final class TokenSigner {

    private final IssuingConfig config;
    private final JWSHeader header;
    private final JWSSigner signer;
    private final Clock clock;

    public TokenSigner(IssuingConfig config, Key key, Clock clock) {
        this.config = config;
        this.clock = clock;
        JWSAlgorithm algorithm = JWSAlgorithm.parse(config.algorithm());
        this.header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(config.keyId().orElse(null)).build();
        try {
            if (JWSAlgorithm.Family.EC.contains(algorithm) && key instanceof ECPrivateKey ec) {
                signer = new ECDSASigner(ec);
            } else if (JWSAlgorithm.Family.RSA.contains(algorithm) && key instanceof RSAPrivateKey rsa) {
                signer = new RSASSASigner(rsa);
            } else if (JWSAlgorithm.EdDSA.equals(algorithm) && key instanceof EdECPrivateKey ed) {
                signer = JdkEdDsa.signer(ed);
            } else if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) && key instanceof SecretKey secret) {
                signer = new MACSigner(secret.getEncoded());
            } else {
                throw new InvalidConfigException(config.signingKey().configKey(), "holds a " + key.getAlgorithm()
                        + " key, which cannot sign " + algorithm + " (jwtdropin.issue.algorithm).");
            }
        } catch (JOSEException e) {
            throw new InvalidConfigException(config.signingKey().configKey(), "cannot sign: " + e.getMessage(), e);
        }
    }

    /** Signs a token for {@code subject}; {@code lifetime} null means the configured one. */
    public IssuedToken sign(String subject, String upn, List<String> groups, Map<String, Object> claims, Duration lifetime) {
        Duration life = lifetime == null ? config.lifetime() : lifetime;
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(life);
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        builder.issuer(config.issuer()).subject(subject).claim("upn", upn).claim("groups", groups)
                .issueTime(Date.from(now)).expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString());
        config.audience().ifPresent(builder::audience);
        SignedJWT jwt = new SignedJWT(header, builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("jwt-dropin: signing failed: " + e.getMessage(), e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt, life);
    }
}
