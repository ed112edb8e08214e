package io.jwtdropin.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Typed reads of configuration values; every parse error names its key. Blank values count as unset. */
final class ConfigValues {

    private final Function<String, Optional<String>> lookup;

    ConfigValues(Function<String, Optional<String>> lookup) {
        this.lookup = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    Optional<String> string(String key) {
        return lookup.apply(key);
    }

    Set<String> list(String key) {
        return lookup.apply(key)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    /** A comma-separated list whose items must come from {@code allowed}. */
    Set<String> listOf(String key, Set<String> allowed) {
        Set<String> values = list(key);
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw new InvalidConfigException(key, "names an unsupported value '" + value + "'; supported: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ".");
            }
        }
        return values;
    }

    Optional<Long> seconds(String key) {
        Optional<Long> value = lookup.apply(key).map(v -> parseLong(key, v));
        if (value.isPresent() && value.get() < 0) {
            throw new InvalidConfigException(key, "must not be negative, but is " + value.get() + ".");
        }
        return value;
    }

    Optional<Long> positive(String key) {
        Optional<Long> value = lookup.apply(key).map(v -> parseLong(key, v));
        if (value.isPresent() && (value.get() <= 0 || value.get() > Integer.MAX_VALUE)) {
            throw new InvalidConfigException(key, "must be a positive whole number, but is " + value.get() + ".");
        }
        return value;
    }

    Optional<Boolean> bool(String key) {
        return lookup.apply(key).map(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new InvalidConfigException(key, "must be true or false, not '" + v + "'.");
            }
            return Boolean.parseBoolean(v);
        });
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key, "must be a whole number, not '" + value + "'.");
        }
    }
}
