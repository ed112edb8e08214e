package io.jwtdropin.verify;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JWS headers this verifier has read, each parsed once. Every token an issuer signs with one key carries the
 * same header segment, byte for byte, so after the first token the header costs a comparison instead of a decode and
 * a JSON parse. The result depends on nothing but the segment's text, which is compared in full: a cached entry is
 * exactly what parsing that text again would give. A fixed number of slots, and only short segments, bound the
 * memory whatever an attacker sends; a busy slot is simply overwritten.
 */
final class HeaderCache {

    /** What the verification path uses of a header ({@code alg}, {@code kid}, {@code typ}); {@code crit} is refused. */
    record Header(String segment, JWSHeader jws, String kid) {
    }

    private static final int SLOTS = 32;
    private static final int MAX_CACHED_LENGTH = 512;

    private final JsonReaderFactory json;
    private final AtomicReferenceArray<Header> slots = new AtomicReferenceArray<>(SLOTS);

    HeaderCache(JsonReaderFactory json) {
        this.json = json;
    }

    /**
     * @param token a compact JWS that passed {@link CompactForm#segments}
     * @param end where its header segment ends (the first dot)
     */
    Header header(String token, int end) throws TokenRejectedException {
        if (end > MAX_CACHED_LENGTH) {
            return parse(token.substring(0, end));
        }
        int hash = 0;
        for (int i = 0; i < end; i++) {
            hash = 31 * hash + token.charAt(i);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Header known = slots.get(slot);
        if (known != null && known.segment().length() == end && token.regionMatches(0, known.segment(), 0, end)) {
            return known;
        }
        Header parsed = parse(token.substring(0, end));
        slots.set(slot, parsed);
        return parsed;
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
