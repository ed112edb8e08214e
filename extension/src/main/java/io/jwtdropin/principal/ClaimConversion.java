package io.jwtdropin.principal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;

/** Converts a claim's JSON-P value to the Java types of {@code getClaim} and of {@code @Claim} injection points. */
public final class ClaimConversion {

    /** Looked up once: {@code Json.createValue} and friends look the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ClaimConversion() {
    }

    static JsonString jsonString(String value) {
        return value == null ? null : JSON.createValue(value);
    }

    /** {@link org.eclipse.microprofile.jwt.JsonWebToken#getClaim}: the {@link Claims} type for standard claims. */
    static Object forGetClaim(String name, JsonValue value) {
        if (value == null) {
            return null;
        }
        Class<?> standardType = standardType(name);
        if (standardType == Set.class) {
            return stringSet(value);
        }
        if (standardType == Long.class) {
            return value instanceof JsonNumber n ? n.longValue() : null;
        }
        if (standardType == String.class) {
            return value instanceof JsonString s ? s.getString() : value.toString();
        }
        return plain(value);
    }

    /**
     * Converts to an injection point's type: String, Long/long, Double/double, Boolean/boolean, Set&lt;String&gt;,
     * a JSON-P type, or {@code Optional} of one of those.
     */
    public static Object forType(JsonValue value, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return Optional.ofNullable(forType(value, p.getActualTypeArguments()[0]));
        }
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return value instanceof JsonString s ? s.getString() : value.toString();
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            return value instanceof JsonNumber n ? (raw == Long.class || raw == long.class ? n.longValue() : n.intValue())
                    : null;
        }
        if (raw == Double.class || raw == double.class) {
            return value instanceof JsonNumber n ? n.doubleValue() : null;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value == JsonValue.TRUE ? Boolean.TRUE : value == JsonValue.FALSE ? Boolean.FALSE : null;
        }
        if (raw == Set.class) {
            return stringSet(value);
        }
        if (raw == JsonArray.class && value instanceof JsonString) {
            return JSON.createArrayBuilder().add(value).build();
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            return raw.isInstance(value) ? value : null;
        }
        return plain(value);
    }

    private static Object plain(JsonValue value) {
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) value;
                return n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case NULL:
                return null;
            default:
                return value;
        }
    }

    private static Set<String> stringSet(JsonValue value) {
        if (value instanceof JsonString s) {
            return Set.of(s.getString());
        }
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonValue item : array) {
            result.add(item instanceof JsonString s ? s.getString() : item.toString());
        }
        return Collections.unmodifiableSet(result);
    }

    private static Class<?> standardType(String name) {
        try {
            return Claims.valueOf(name).getType();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
