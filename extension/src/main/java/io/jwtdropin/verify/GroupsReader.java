package io.jwtdropin.verify;

import io.jwtdropin.config.GroupClaims;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The caller's groups from a verified token's claims, by {@link GroupClaims}: the values at every configured path,
 * merged, then mapped. At a path, an array of strings gives its strings and a string gives its space-separated words
 * (as {@code scope} is written; not for the standard {@code groups} claim alone, which MP-JWT defines as an array);
 * anything else — a number, an object, an array holding a non-string — gives nothing
 * from that path, never an exception.
 */
final class GroupsReader {

    private final GroupClaims rule;
    /** The common case (MP-JWT's top-level {@code groups}, no mapping) takes a shorter walk. */
    private final boolean standard;

    GroupsReader(GroupClaims rule) {
        this.rule = rule;
        this.standard = rule.equals(GroupClaims.STANDARD);
    }

    Set<String> groups(JsonObject claims) {
        if (standard) {
            return strings(claims.get("groups"), false);
        }
        Set<String> found = new LinkedHashSet<>();
        for (List<String> path : rule.paths()) {
            found.addAll(strings(at(claims, path), true));
        }
        if (rule.mapping().isEmpty()) {
            return Set.copyOf(found);
        }
        Set<String> mapped = new LinkedHashSet<>();
        for (String group : found) {
            mapped.addAll(rule.mapping().getOrDefault(group, Set.of(group)));
        }
        return Set.copyOf(mapped);
    }

    private static JsonValue at(JsonObject claims, List<String> path) {
        JsonValue value = claims;
        for (String name : path) {
            if (!(value instanceof JsonObject object)) {
                return null;
            }
            value = object.get(name);
        }
        return value;
    }

    /** @param splitStrings whether a string value counts as space-separated words (configured paths) */
    private static Set<String> strings(JsonValue value, boolean splitStrings) {
        if (value instanceof JsonString s && splitStrings) {
            Set<String> words = new LinkedHashSet<>();
            for (String word : s.getString().trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return words;
        }
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return Set.of();
        }
        JsonArray array = value.asJsonArray();
        String[] groups = new String[array.size()];
        for (int i = 0; i < groups.length; i++) {
            if (!(array.get(i) instanceof JsonString s)) {
                return Set.of();
            }
            groups[i] = s.getString();
        }
        return Set.copyOf(Arrays.asList(groups)); // duplicates collapse
    }
}
