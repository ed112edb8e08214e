package io.jwtdropin.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A throw-away RSA key pair per test JVM: the public half goes into the deployment as a real PEM file, the private
 * half signs the tokens the tests send. A second pair plays the attacker.
 */
public final class TestKeys {

    public static final String ISSUER = "https://it.jwt-dropin.example";
    public static final TestKeys TRUSTED = new TestKeys();
    public static final TestKeys ATTACKER = new TestKeys();

    private final KeyPair pair;

    private TestKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM file's text. */
    public String publicKeyPem() {
        return Deployments.pem(pair.getPublic());
    }

    public KeyPair pair() {
        return pair;
    }

    /** A token for {@code user} in {@code groups}, valid for an hour, with every claim MP-JWT names. */
    public String token(String user, String... groups) {
        return token(claims(user, Instant.now(), Duration.ofHours(1), groups).build());
    }

    /** A token that expired {@code ago} (well beyond any clock skew). */
    public String expiredToken(String user, Duration ago, String... groups) {
        Instant issued = Instant.now().minus(ago).minus(Duration.ofMinutes(5));
        return token(claims(user, issued, Duration.ofMinutes(5), groups).build());
    }

    public static JWTClaimsSet.Builder claims(String user, Instant issued, Duration lifetime, String... groups) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .claim("upn", user)
                .claim("groups", List.of(groups))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(lifetime)));
    }

    public String token(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(pair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
