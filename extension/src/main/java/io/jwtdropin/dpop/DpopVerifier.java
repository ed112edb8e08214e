package io.jwtdropin.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import io.jwtdropin.config.DpopConfig;
import io.jwtdropin.verify.CompactForm;
import io.jwtdropin.verify.DecodedSignature;
import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.JsonLimits;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerificationEvents;
import io.jwtdropin.verify.VerifiedToken;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The DPoP rules for a token that has already verified (RFC 9449 §4.3, §7): which transport a bound or unbound token
 * may use, then the proof — form, header ({@link ProofHeaders}), the key the token is bound to, signature, method,
 * URL, age, access-token hash, nonce, and last, so that a refused proof does not use up its id, replay. The token's
 * own verification (and its cache) is untouched; the proof is checked on every request, since it is fresh by design.
 */
public final class DpopVerifier {

    /** Proofs are short (a header with one public key, five claims); anything far longer is refused unread. */
    static final int MAX_PROOF_LENGTH = 8192;
    private static final int MAX_JTI_LENGTH = 512;

    private final DpopConfig config;
    private final ProofHeaders headers;
    private final JsonReaderFactory json;
    private final ProofReplay replay;
    private final Optional<DpopNonces> nonces;
    private final Clock clock;
    private final VerificationEvents events;

    DpopVerifier(DpopConfig config, int minRsaBits, JsonReaderFactory json, ProofReplay replay, Clock clock,
            VerificationEvents events) {
        this.config = config;
        this.headers = new ProofHeaders(config.algorithms(), minRsaBits, json);
        this.json = json;
        this.replay = replay;
        this.nonces = config.nonce()
                ? Optional.of(new DpopNonces(replay.nonceSecret(), config.nonceLifetime(), clock)) : Optional.empty();
        this.clock = clock;
        this.events = events;
    }

    /** Refuses {@code token} unless the way it came, and its proof if bound, satisfy the rules; counts refusals. */
    public void check(VerifiedToken token, ProofRequest request) throws TokenRejectedException {
        try {
            checkTransport(token, request);
        } catch (TokenRejectedException e) {
            events.refused(e.reason());
            throw e;
        }
    }

    /** The nonce to hand clients now, when nonces are on. */
    public Optional<String> currentNonce() {
        return nonces.map(DpopNonces::current);
    }

    /** The public base URL behind a proxy, which replaces the request's scheme and authority for {@code htu}. */
    public Optional<String> publicBaseUrl() {
        return config.publicBaseUrl();
    }

    /** Whether proof ids are shared by every node of a cluster. */
    public boolean replayClustered() {
        return replay.clustered();
    }

    private void checkTransport(VerifiedToken token, ProofRequest request) throws TokenRejectedException {
        String jkt = boundKey(token.claims());
        if (!request.dpopScheme()) {
            if (jkt != null) {
                throw new TokenRejectedException(FailureReason.DPOP_BOUND_AS_BEARER);
            }
            if (config.modeFor(token.claims().get("iss") instanceof JsonString iss ? iss.getString() : null)
                    == DpopConfig.Mode.REQUIRED) {
                throw new TokenRejectedException(FailureReason.DPOP_TOKEN_NOT_BOUND, "mode is required");
            }
            return;
        }
        if (jkt == null) {
            throw new TokenRejectedException(FailureReason.DPOP_TOKEN_NOT_BOUND, "no cnf.jkt");
        }
        if (request.proofs().isEmpty()) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_MISSING, "no DPoP header");
        }
        if (request.proofs().size() > 1) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_MULTIPLE, request.proofs().size() + " headers");
        }
        checkProof(request.proofs().get(0), jkt, token.rawToken(), request);
    }

    private void checkProof(String proof, String jkt, String accessToken, ProofRequest request)
            throws TokenRejectedException {
        if (proof.length() > MAX_PROOF_LENGTH || segments(proof) != CompactForm.JWS_SEGMENTS) {
            throw ProofHeaders.malformed("not a compact JWS of at most " + MAX_PROOF_LENGTH + " characters");
        }
        int dot1 = proof.indexOf('.');
        int dot2 = proof.indexOf('.', dot1 + 1);
        ProofKey key = headers.key(proof, dot1);
        if (!key.thumbprint().equals(jkt)) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_KEY);
        }
        verifySignature(key, proof, dot2);
        JsonObject claims = JsonLimits.checkedObject(ProofHeaders.decode(proof.substring(dot1 + 1, dot2)), json);
        String jti = string(claims, "jti");
        if (jti.length() > MAX_JTI_LENGTH || !(claims.get("iat") instanceof JsonNumber iat)) {
            throw ProofHeaders.malformed("jti too long, or iat not a number");
        }
        if (!string(claims, "htm").equals(request.method())) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_METHOD, "htm " + claims.getString("htm"));
        }
        Optional<String> htu = HttpUri.normalize(string(claims, "htu"));
        if (htu.isEmpty() || !htu.equals(HttpUri.normalize(request.url()))) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_URI, "request " + request.url());
        }
        long now = clock.instant().getEpochSecond();
        long window = config.proofWindow().toSeconds();
        if (Math.abs(now - iat.longValue()) > window) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_STALE, "iat " + iat + ", now " + now);
        }
        if (!(claims.get("ath") instanceof JsonString ath) || !ath.getString().equals(sha256(accessToken))) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_ATH);
        }
        if (nonces.isPresent() && !(claims.get("nonce") instanceof JsonString nonce && nonces.get().accepts(nonce.getString()))) {
            throw new TokenRejectedException(FailureReason.DPOP_NONCE);
        }
        switch (replay.record(sha256(jkt + '.' + jti), now, now + 2 * window)) {
            case REPLAYED -> throw new TokenRejectedException(FailureReason.DPOP_PROOF_REPLAYED);
            case FULL -> throw new TokenRejectedException(FailureReason.DPOP_REPLAY_FULL);
            case UNAVAILABLE -> throw new TokenRejectedException(FailureReason.DPOP_REPLAY_UNAVAILABLE);
            case FIRST -> { }
        }
    }

    private static void verifySignature(ProofKey key, String proof, int dot2) throws TokenRejectedException {
        String segment = proof.substring(dot2 + 1);
        byte[] signature = ProofHeaders.decode(segment);
        JWSAlgorithm alg = key.algorithm();
        boolean valid;
        try {
            valid = !(JWSAlgorithm.Family.EC.contains(alg) && TokenVerifier.hasZeroHalf(signature))
                    && key.key().verifier().verify(key.header(),
                            proof.substring(0, dot2).getBytes(StandardCharsets.US_ASCII),
                            new DecodedSignature(segment, signature));
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_SIGNATURE);
        }
    }

    /**
     * The thumbprint a token is bound to ({@code cnf.jkt}), or null for a bearer token. A {@code jkt} that is not a
     * string binds the token to no key at all: it is refused however it comes.
     */
    static String boundKey(JsonObject claims) {
        if (!(claims.get("cnf") instanceof JsonObject cnf) || !cnf.containsKey("jkt")) {
            return null;
        }
        return cnf.get("jkt") instanceof JsonString jkt ? jkt.getString() : "";
    }

    private static int segments(String proof) throws TokenRejectedException {
        try {
            return CompactForm.segments(proof);
        } catch (TokenRejectedException e) {
            throw ProofHeaders.malformed("not compact serialisation");
        }
    }

    private static String string(JsonObject claims, String name) throws TokenRejectedException {
        if (claims.get(name) instanceof JsonString value && !value.getString().isEmpty()) {
            return value.getString();
        }
        throw ProofHeaders.malformed("no " + name + " string");
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
