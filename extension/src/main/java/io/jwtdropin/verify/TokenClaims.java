package io.jwtdropin.verify;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A token's claims as a JSON-P object, read in one streaming pass that keeps only the claims verification uses
 * ({@link #VERIFIED_CLAIMS}); the complete object is built from the same text the first time anything else is asked
 * for (by the application, through {@code JsonWebToken}). Most requests never ask, and the verification path skips
 * building a map and a JSON-P value for every claim. A token naming one of the verified claims twice is refused, so
 * the value checked here is the only value there is.
 */
final class TokenClaims extends AbstractMap<String, JsonValue> implements JsonObject {

    /** The claims the verification path, the caller name, the groups and revocation read. */
    static final Set<String> VERIFIED_CLAIMS =
            Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "upn", "preferred_username", "groups");

    private final String text;
    private final JsonReaderFactory readers;
    private final Map<String, JsonValue> verified;
    private volatile JsonObject all;

    private TokenClaims(String text, JsonReaderFactory readers, Map<String, JsonValue> verified) {
        this.text = text;
        this.readers = readers;
        this.verified = verified;
    }

    /** @param text the payload, already checked by {@link JsonLimits} */
    static TokenClaims read(String text, JsonParserFactory parsers, JsonReaderFactory readers)
            throws TokenRejectedException {
        Map<String, JsonValue> verified = new HashMap<>();
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new TokenRejectedException(FailureReason.MALFORMED, "not a JSON object");
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String name = parser.getString(); // a KEY_NAME: the parser allows nothing else here
                JsonParser.Event value = parser.next();
                if (VERIFIED_CLAIMS.contains(name)) {
                    if (verified.put(name, parser.getValue()) != null) {
                        throw new TokenRejectedException(FailureReason.MALFORMED, "claim " + name + " appears twice");
                    }
                } else if (value == JsonParser.Event.START_OBJECT) {
                    parser.skipObject();
                } else if (value == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                }
            }
            if (parser.hasNext()) {
                throw new TokenRejectedException(FailureReason.MALFORMED, "not a JSON object");
            }
        } catch (JsonParsingException | IllegalStateException | NoSuchElementException e) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "not a JSON object");
        }
        return new TokenClaims(text, readers, verified);
    }

    private JsonObject all() {
        JsonObject parsed = all;
        if (parsed == null) {
            try {
                parsed = CompactJws.object(text, readers);
            } catch (TokenRejectedException e) {
                throw new IllegalStateException("a payload that parsed once no longer parses", e);
            }
            all = parsed;
        }
        return parsed;
    }

    @Override
    public JsonValue get(Object name) {
        return isVerifiedClaim(name) ? verified.get(name) : all().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return isVerifiedClaim(name) ? verified.containsKey(name) : all().containsKey(name);
    }

    private static boolean isVerifiedClaim(Object name) {
        return name != null && VERIFIED_CLAIMS.contains(name); // Set.of refuses null; a map look-up of null is allowed
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return all().entrySet();
    }

    @Override
    public Set<String> keySet() {
        return all().keySet();
    }

    @Override
    public Collection<JsonValue> values() {
        return all().values();
    }

    @Override
    public int size() {
        return all().size();
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return all().getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return all().getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return all().getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return all().getJsonString(name);
    }

    @Override
    public String getString(String name) {
        return all().getString(name);
    }

    @Override
    public String getString(String name, String defaultValue) {
        return all().getString(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return all().getInt(name);
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return all().getInt(name, defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        return all().getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return all().getBoolean(name, defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return all().isNull(name);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public boolean equals(Object other) {
        return all().equals(other);
    }

    @Override
    public int hashCode() {
        return all().hashCode();
    }

    @Override
    public String toString() {
        return all().toString();
    }
}
