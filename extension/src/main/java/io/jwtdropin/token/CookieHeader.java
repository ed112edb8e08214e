package io.jwtdropin.token;

import java.util.Optional;

/**
 * Finds one cookie's value in a {@code Cookie} request header (RFC 6265 §4.2.1: {@code name=value} pairs separated
 * by {@code ;}). Names match exactly; a value in double quotes is unquoted; RFC 2109 attributes such as
 * {@code $Version} (still sent by some clients) are skipped.
 */
public final class CookieHeader {

    private CookieHeader() {
    }

    public static Optional<String> value(String header, String name) {
        if (header == null) {
            return Optional.empty();
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String pairName = pair.substring(0, eq).trim();
            if (pairName.equals(name)) {
                return Optional.of(unquote(pair.substring(eq + 1).trim())).filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
