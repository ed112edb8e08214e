package io.jwtdropin.junit5;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A client's DPoP key (RFC 9449): an ES256 key pair whose thumbprint binds tokens to it
 * ({@code tokens.forUser("alice").boundTo(key)}) and which signs a fresh proof per request:
 * {@code Authorization: DPoP <token>} with {@code DPoP: key.proof("GET", url, token)}. Never use one outside tests.
 */
public final class DpopKey {

    private final ECKey key;

    private DpopKey(ECKey key) {
        this.key = key;
    }

    /** A fresh P-256 key pair. */
    public static DpopKey generate() {
        try {
            return new DpopKey(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("EC key generation failed", e);
        }
    }

    /** The RFC 7638 SHA-256 thumbprint a bound token names in {@code cnf.jkt}. */
    public String thumbprint() {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code cnf} claim of a token bound to this key. */
    public Map<String, Object> confirmation() {
        return Map.of("jkt", thumbprint());
    }

    /** A fresh proof (new {@code jti}, {@code iat} now) for one request that presents {@code accessToken}. */
    public String proof(String method, String url, String accessToken) {
        return proof(method, url, accessToken, null, Instant.now());
    }

    /**
     * A proof with a server nonce (when the server sent one in {@code DPoP-Nonce}), issued at {@code issuedAt}.
     *
     * @param accessToken the token the request presents, or null for a token request (no {@code ath})
     * @param nonce       or null
     */
    public String proof(String method, String url, String accessToken, String nonce, Instant issuedAt) {
        URI uri = URI.create(url);
        String htu = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", method).claim("htu", htu).issueTime(Date.from(issuedAt));
        if (accessToken != null) {
            claims.claim("ath", accessTokenHash(accessToken));
        }
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build(), claims.build());
        try {
            proof.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return proof.serialize();
    }

    /** base64url(SHA-256(token)): a proof's {@code ath}. */
    public static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
