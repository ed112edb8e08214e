package io.jwtdropin.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.jwtdropin.keys.KeyProvider;
import io.jwtdropin.keys.KeySet;
import io.jwtdropin.keys.KeysUnavailableException;
import io.jwtdropin.keys.VerificationKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The verification path, top to bottom: size and form, decryption (when configured), header and payload (each parsed
 * once), the trusted issuer its {@code iss} selects, key choice among that issuer's keys by pinned algorithm and
 * {@code kid}, signature, claims, caller name and groups — unless the token was verified before and is in the cache,
 * whose hits still re-check the token's times and that its key is still trusted. Immutable and thread-safe; build it with
 * {@link VerifierFactory}.
 */
public final class TokenVerifier implements AutoCloseable {

    /** MP-JWT's order for the caller's name. */
    private static final List<String> CALLER_NAME_CLAIMS = List.of("upn", "preferred_username", "sub");

    private final int maxLength;
    private final TrustedIssuers issuers;
    private final Optional<JweDecryptor> decryptor;
    private final JsonReaderFactory json;
    private final HeaderCache headers;
    private final Optional<VerifiedTokenCache> cache;
    private final VerificationEvents events;
    private final RevocationCheck revocation;
    private final boolean requireAtJwt;

    TokenVerifier(int maxLength, TrustedIssuers issuers, Optional<JweDecryptor> decryptor, JsonReaderFactory json,
            Optional<VerifiedTokenCache> cache, VerificationEvents events, RevocationCheck revocation,
            boolean requireAtJwt) {
        this.maxLength = maxLength;
        this.issuers = issuers;
        this.decryptor = decryptor;
        this.json = json;
        this.headers = new HeaderCache(json);
        this.cache = cache;
        this.events = events;
        this.revocation = revocation;
        this.requireAtJwt = requireAtJwt;
    }

    public VerifiedToken verify(String token) throws TokenRejectedException {
        try {
            VerifiedToken verified = verifyOrReuse(token);
            revocation.check(verified);
            events.accepted();
            return verified;
        } catch (TokenRejectedException e) {
            events.refused(e.reason());
            throw e;
        }
    }

    private VerifiedToken verifyOrReuse(String token) throws TokenRejectedException {
        requireLength(token);
        // The token's hash, once per request: looked up now, and stored under after a miss.
        ByteBuffer cacheKey = cache.isPresent() ? VerifiedTokenCache.key(token) : null;
        VerifiedTokenCache.Entry cached = cacheKey != null ? cache.get().get(cacheKey) : null;
        // A hit is only as good as its key: one removed from a remote key set no longer vouches for it.
        boolean hit = cached != null && keys(cached.issuer().keys(), null).contains(cached.key());
        if (cache.isPresent()) {
            cache.get().count(hit);
            if (hit) {
                events.cacheHit();
            } else {
                events.cacheMiss();
            }
        }
        if (hit) {
            cached.issuer().claims().checkTimes(cached.token().times());
            return cached.token();
        }
        return verifyUncached(token, cacheKey);
    }

    /**
     * The claims of an OpenID Connect back-channel logout token once its form, {@code typ}, issuer and signature
     * check out, with the keys of the issuer it names; the logout-specific claims are the caller's to check. Logout
     * tokens are never cached, never accepted as access tokens (their {@code typ} and missing caller tell them apart),
     * and count in no access-token metric.
     */
    public JsonObject verifyLogoutTokenSignature(String token) throws TokenRejectedException {
        requireLength(token);
        if (CompactForm.segments(token) != CompactForm.JWS_SEGMENTS) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "a logout token is a signed JWT");
        }
        CompactJws parts = CompactJws.parse(token, headers);
        if (!TokenType.isLogoutTokenType(parts.header())) {
            throw new TokenRejectedException(FailureReason.WRONG_TYPE, "typ " + parts.header().getType());
        }
        JsonObject claims = CompactJws.object(JsonLimits.checkedText(parts.payload()), json);
        TrustedIssuer issuer = issuers.select(claims);
        issuer.claims().checkIssuer(claims, true);
        verifySignature(parts, issuer.keys());
        return claims;
    }

    /** Refuses a token longer than the configured maximum, before any parsing. */
    private void requireLength(String token) throws TokenRejectedException {
        if (token.length() > maxLength) {
            throw new TokenRejectedException(FailureReason.TOO_LARGE, token.length() + " characters");
        }
    }

    /** Cache hits and misses so far (both 0 when the cache is off). */
    public long[] cacheHitsAndMisses() {
        return cache.map(c -> new long[] {c.hits(), c.misses()}).orElse(new long[] {0, 0});
    }

    /** Verified tokens cached now (0 when the cache is off). */
    int cacheSize() {
        return cache.map(VerifiedTokenCache::size).orElse(0);
    }

    /** Stops background key refreshes (at undeployment). */
    @Override
    public void close() {
        issuers.close();
    }

    /** @param cacheKey the token's cache key, or null when the cache is off */
    private VerifiedToken verifyUncached(String token, ByteBuffer cacheKey) throws TokenRejectedException {
        int segments = CompactForm.segments(token);
        String jws = token;
        if (decryptor.isPresent()) {
            if (segments != CompactForm.JWE_SEGMENTS) {
                throw new TokenRejectedException(FailureReason.ENCRYPTION_REQUIRED);
            }
            jws = decryptor.get().decrypt(token);
            if (!isCompactJws(jws)) {
                throw new TokenRejectedException(FailureReason.NOT_NESTED);
            }
        } else if (segments != CompactForm.JWS_SEGMENTS) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "JWE sent but no decryption key configured");
        }
        CompactJws parts = CompactJws.parse(jws, headers);
        TokenType.checkAccessToken(parts.header(), requireAtJwt);
        JsonObject claims = CompactJws.object(JsonLimits.checkedText(parts.payload()), json);
        TrustedIssuer issuer = issuers.select(claims);
        VerificationKey key = verifySignature(parts, issuer.keys());
        TokenTimes times = issuer.claims().validate(claims);
        VerifiedToken verified = new VerifiedToken(token, claims, callerName(claims), issuer.groups().groups(claims), times);
        cache.ifPresent(c -> c.put(cacheKey, verified, issuer, key));
        return verified;
    }

    /** The provider's keys now, or (with {@code unknownKid}) after the refresh such a kid may cause. */
    private static KeySet keys(KeyProvider keys, String unknownKid) throws TokenRejectedException {
        try {
            return unknownKid == null ? keys.keys() : keys.keysForUnknownKid(unknownKid);
        } catch (KeysUnavailableException e) {
            throw new TokenRejectedException(FailureReason.KEYS_UNAVAILABLE, e.getMessage());
        }
    }

    /** @return the key whose signature check passed */
    private VerificationKey verifySignature(CompactJws jws, KeyProvider keys) throws TokenRejectedException {
        JWSHeader header = jws.header();
        String kid = jws.kid();
        KeySet keySet = keys(keys, null);
        if (kid != null && !keySet.hasKid(kid)) {
            keySet = keys(keys, kid);
        }
        JWSAlgorithm alg = header.getAlgorithm();
        boolean candidate = false;
        for (VerificationKey key : keySet.candidates(kid)) {
            if (!key.algorithms().contains(alg)) {
                continue; // the algorithm is pinned per key: a token's alg never repurposes a key
            }
            candidate = true;
            if (JWSAlgorithm.Family.EC.contains(alg) && hasZeroHalf(jws.signature().decode())) {
                // CVE-2022-21449: refused here, whatever the JDK would say.
                throw new TokenRejectedException(FailureReason.BAD_SIGNATURE, "ECDSA r or s is zero");
            }
            try {
                if (key.verifier().verify(header, jws.signingInput(), jws.signature())) {
                    return key;
                }
            } catch (JOSEException | RuntimeException e) {
                // a verifier that cannot handle this input counts as a failed signature
            }
        }
        if (!candidate) {
            boolean algKnown = keySet.keys().stream().anyMatch(k -> k.algorithms().contains(alg));
            throw new TokenRejectedException(algKnown ? FailureReason.NO_MATCHING_KEY
                    : FailureReason.ALGORITHM_NOT_ALLOWED, "alg " + alg);
        }
        throw new TokenRejectedException(FailureReason.BAD_SIGNATURE);
    }

    private static boolean isCompactJws(String content) {
        try {
            return CompactForm.segments(content) == CompactForm.JWS_SEGMENTS;
        } catch (TokenRejectedException e) {
            return false;
        }
    }

    /** An ECDSA signature (r || s) one of whose halves is all zero bytes (CVE-2022-21449). */
    public static boolean hasZeroHalf(byte[] signature) {
        int half = signature.length / 2;
        boolean rZero = true;
        boolean sZero = true;
        for (int i = 0; i < half; i++) {
            rZero &= signature[i] == 0;
            sZero &= signature[half + i] == 0;
        }
        return signature.length % 2 != 0 || rZero || sZero;
    }

    private static String callerName(JsonObject claims) throws TokenRejectedException {
        for (String claim : CALLER_NAME_CLAIMS) {
            JsonValue value = claims.get(claim);
            if (value instanceof JsonString s && !s.getString().isEmpty()) {
                return s.getString();
            }
        }
        throw new TokenRejectedException(FailureReason.NO_CALLER_NAME);
    }

}
