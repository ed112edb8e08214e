package io.jwtdropin.junit5;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mints signed MP-JWT tokens: {@code tokens.forUser("alice").groups("admin").expiresIn(...).sign()}. */
public final class TestTokens {

    private final RSAKey key;
    private final String issuer;

    TestTokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** A token for {@code user} (as {@code sub} and {@code upn}), valid for five minutes unless told otherwise. */
    public Token forUser(String user) {
        return new Token(user);
    }

    /** One token being built; {@link #sign()} finishes it. Each call returns this builder. */
    public final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);

        private Token(String user) {
            claims.put("sub", user);
            claims.put("upn", user);
            claims.put("jti", UUID.randomUUID().toString());
        }

        public Token groups(String... groups) {
            claims.put("groups", List.of(groups));
            return this;
        }

        public Token audience(String audience) {
            claims.put("aud", audience);
            return this;
        }

        public Token expiresIn(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Back-dates the token: issued {@code ago} before now (with the lifetime counted from then). */
        public Token issuedAgo(Duration ago) {
            this.issuedAt = Instant.now().minus(ago);
            return this;
        }

        /** Binds the token to a client's DPoP key ({@code cnf.jkt}): it is then accepted only with that key's proofs. */
        public Token boundTo(DpopKey key) {
            claims.put("cnf", key.confirmation());
            return this;
        }

        /** Any other claim (a String, Number, Boolean, List or Map). */
        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** The signed compact token. */
        public String sign() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer)
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), set.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
