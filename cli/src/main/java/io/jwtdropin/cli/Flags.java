package io.jwtdropin.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} flags and positional arguments, checked against the flags a command knows. */
final class Flags {

    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Flags(List<String> args, Set<String> known) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new UsageException("unknown flag --" + name + "; known: --" + String.join(", --", known.stream().sorted().toList()));
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("--" + name + " needs a value");
            }
            values.put(name, args.get(++i));
        }
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    List<String> list(String name) {
        return get(name).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
    }

    long seconds(String name, long defaultValue) throws UsageException {
        String value = values.get(name);
        try {
            long seconds = value == null ? defaultValue : Long.parseLong(value);
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive number of seconds, not '" + value + "'");
        }
    }

    List<String> positional() {
        return positional;
    }
}
