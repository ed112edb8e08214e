package io.jwtdropin.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import io.jwtdropin.keys.KeyParser;
import io.jwtdropin.keys.KeyPinning;
import io.jwtdropin.keys.KeySet;
import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.JsonLimits;
import io.jwtdropin.verify.SegmentCache;
import io.jwtdropin.verify.TokenRejectedException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.text.ParseException;
import java.util.Base64;
import java.util.Set;

/**
 * Reads a proof's header: {@code typ} {@code dpop+jwt}, an allowed asymmetric {@code alg}, and a {@code jwk} that is a
 * public key of that algorithm's type (RFC 9449 §4.3 items 4–7). A client signs every proof with one key, so its
 * header segment repeats byte for byte: the key is parsed, pinned and thumbprinted once ({@link SegmentCache}).
 */
final class ProofHeaders {

    private static final int SLOTS = 64;
    private static final int MAX_CACHED_LENGTH = 2048;

    private final Set<String> algorithms;
    private final int minRsaBits;
    private final JsonReaderFactory json;
    private final SegmentCache<ProofKey> cache = new SegmentCache<>(SLOTS, MAX_CACHED_LENGTH, this::parse);

    ProofHeaders(Set<String> algorithms, int minRsaBits, JsonReaderFactory json) {
        this.algorithms = Set.copyOf(algorithms);
        this.minRsaBits = minRsaBits;
        this.json = json;
    }

    /** @param end where the proof's header segment ends */
    ProofKey key(String proof, int end) throws TokenRejectedException {
        return cache.get(proof, end);
    }

    private ProofKey parse(String segment) throws TokenRejectedException {
        JsonObject header = JsonLimits.checkedObject(decode(segment), json);
        if (!(header.get("typ") instanceof JsonString typ) || !typ.getString().equalsIgnoreCase("dpop+jwt")) {
            throw malformed("typ is not dpop+jwt");
        }
        if (header.containsKey("crit")) {
            throw malformed("crit");
        }
        if (!(header.get("alg") instanceof JsonString alg) || !algorithms.contains(alg.getString())) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_ALGORITHM, "alg " + header.get("alg"));
        }
        if (!(header.get("jwk") instanceof JsonObject jwkJson)) {
            throw malformed("no jwk header");
        }
        JWK jwk;
        try {
            jwk = JWK.parse(jwkJson.toString());
        } catch (ParseException | RuntimeException e) {
            throw malformed("jwk is not a JWK");
        }
        if (jwk.isPrivate()) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_PRIVATE_KEY, "kty " + jwk.getKeyType());
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg.getString());
        KeySet pinned;
        try {
            pinned = KeyPinning.pin(KeyParser.parse(jwk.toJSONString(), KeyParser.Use.PUBLIC), Set.of(alg.getString()),
                    minRsaBits);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_ALGORITHM, "jwk unusable: " + e.getMessage());
        }
        if (pinned.keys().isEmpty()) {
            throw new TokenRejectedException(FailureReason.DPOP_PROOF_ALGORITHM, alg.getString() + " does not fit kty "
                    + jwk.getKeyType());
        }
        try {
            return new ProofKey(new JWSHeader(algorithm), pinned.keys().get(0), jwk.computeThumbprint().toString());
        } catch (JOSEException e) {
            throw malformed("no thumbprint for the jwk");
        }
    }

    static byte[] decode(String segment) throws TokenRejectedException {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw malformed("not base64url");
        }
    }

    static TokenRejectedException malformed(String detail) {
        return new TokenRejectedException(FailureReason.DPOP_PROOF_MALFORMED, detail);
    }
}
