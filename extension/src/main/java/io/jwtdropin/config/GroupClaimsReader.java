package io.jwtdropin.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link GroupClaims} from two values: paths such as {@code groups, realm_access/roles,
 * "https://example.com/roles"} (segments split on {@code /}, a double-quoted segment taken as it is, so a claim name
 * may be a URL) and a mapping such as {@code notes:write=writer, notes:read=reader}.
 */
final class GroupClaimsReader {

    private GroupClaimsReader() {
    }

    static GroupClaims read(String pathsKey, Optional<String> paths, String mapKey, Optional<String> map) {
        List<List<String>> parsed = paths.map(value -> parsePaths(pathsKey, value)).orElse(GroupClaims.STANDARD.paths());
        return new GroupClaims(parsed, map.map(value -> parseMapping(mapKey, value)).orElse(Map.of()));
    }

    private static List<List<String>> parsePaths(String key, String value) {
        List<List<String>> paths = new ArrayList<>();
        for (String path : split(key, value, ',')) {
            if (path.isBlank()) {
                continue;
            }
            List<String> segments = new ArrayList<>();
            for (String segment : split(key, path.trim(), '/')) {
                String name = segment.trim();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                if (name.isEmpty()) {
                    throw new InvalidConfigException(key, "has the path '" + path.trim()
                            + "' with an empty segment; write segments as name/name, quote a name that holds '/'.");
                }
                segments.add(name);
            }
            paths.add(segments);
        }
        if (paths.isEmpty()) {
            throw new InvalidConfigException(key, "names no claim path.");
        }
        return paths;
    }

    private static Map<String, Set<String>> parseMapping(String key, String value) {
        Map<String, Set<String>> mapping = new LinkedHashMap<>();
        for (String entry : split(key, value, ',')) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            String from = equals < 0 ? "" : entry.substring(0, equals).trim();
            String to = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (from.isEmpty() || to.isEmpty()) {
                throw new InvalidConfigException(key, "has the entry '" + entry.trim()
                        + "'; write group=role, entries separated by commas.");
            }
            mapping.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
        }
        return mapping;
    }

    /** Splits on {@code separator} outside double quotes; an unclosed quote is an error naming the key. */
    private static List<String> split(String key, String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new InvalidConfigException(key, "has an unclosed double quote.");
        }
        parts.add(current.toString());
        return parts;
    }
}
