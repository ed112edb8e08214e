package io.jwtdropin.verify;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The JWS headers this verifier has read, each parsed once ({@link SegmentCache}): {@code alg}, {@code kid} and
 * {@code typ}; {@code crit} is refused.
 */
final class HeaderCache {

    /** What the verification path uses of a header ({@code alg}, {@code kid}, {@code typ}). */
    record Header(String segment, JWSHeader jws, String kid) {
    }

    private static final int SLOTS = 32;
    private static final int MAX_CACHED_LENGTH = 512;

    private final JsonReaderFactory json;
    private final SegmentCache<Header> slots = new SegmentCache<>(SLOTS, MAX_CACHED_LENGTH, this::parse);

    HeaderCache(JsonReaderFactory json) {
        this.json = json;
    }

    /**
     * @param token a compact JWS that passed {@link CompactForm#segments}
     * @param end where its header segment ends (the first dot)
     */
    Header header(String token, int end) throws TokenRejectedException {
        return slots.get(token, end);
    }

    private Header parse(String segment) throws TokenRejectedException {
        JsonObject header = CompactJws.object(JsonLimits.checkedText(CompactJws.decode(segment)), json);
        if (header.containsKey("crit")) {
            throw new TokenRejectedException(FailureReason.CRITICAL_HEADER, String.valueOf(header.get("crit")));
        }
        if (!(header.get("alg") instanceof JsonString alg) || alg.getString().equalsIgnoreCase("none")) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "alg missing, not a string, or none");
        }
        JsonValue kid = header.get("kid");
        if (kid != null && !(kid instanceof JsonString)) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "kid is not a string");
        }
        JsonValue typ = header.get("typ");
        if (typ != null && !(typ instanceof JsonString)) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "typ is not a string");
        }
        JWSHeader.Builder jws = new JWSHeader.Builder(JWSAlgorithm.parse(alg.getString()));
        if (typ != null) {
            jws.type(new JOSEObjectType(((JsonString) typ).getString()));
        }
        return new Header(segment, jws.build(), kid == null ? null : ((JsonString) kid).getString());
    }
}
