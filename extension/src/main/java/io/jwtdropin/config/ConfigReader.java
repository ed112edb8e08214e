package io.jwtdropin.config;

import static io.jwtdropin.config.ConfigKeys.*;

import io.jwtdropin.config.JwtAuthConfig.KeySource;
import io.jwtdropin.config.JwtAuthConfig.TokenSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds and validates {@link JwtAuthConfig} from a key lookup (MicroProfile Config in the container, a map in
 * tests). Every problem is reported as an {@link InvalidConfigException} naming the key.
 */
public final class ConfigReader {

    /** Signature algorithms we verify (RFC 7518 names). */
    public static final Set<String> SIGNATURE_ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
    /** JWE key management algorithms MP-JWT requires; both are accepted unless one is configured. */
    public static final Set<String> DECRYPT_ALGORITHMS = Set.of("RSA-OAEP", "RSA-OAEP-256");
    /** Where a key is looked for when none is configured (the same default as Payara's built-in). */
    public static final String DEFAULT_KEY_LOCATION = "/publicKey.pem";
    static final long DEFAULT_CLOCK_SKEW_SECONDS = 60;
    static final int DEFAULT_MAX_TOKEN_LENGTH = 8192;
    /** RFC 8725 and NIST: RSA keys under 2048 bits are refused unless configuration lowers the floor. */
    static final int DEFAULT_RSA_MIN_BITS = 2048;

    private final Function<String, Optional<String>> lookup;

    private ConfigReader(Function<String, Optional<String>> lookup) {
        this.lookup = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public static JwtAuthConfig read(Function<String, Optional<String>> lookup) {
        return new ConfigReader(lookup).read();
    }

    private JwtAuthConfig read() {
        return new JwtAuthConfig(
                verificationKey(),
                algorithms(),
                lookup.apply(VERIFY_ISSUER),
                list(VERIFY_AUDIENCES),
                tokenSource(),
                lookup.apply(TOKEN_COOKIE).orElse("Bearer"),
                Duration.ofSeconds(seconds(VERIFY_CLOCK_SKEW).orElse(DEFAULT_CLOCK_SKEW_SECONDS)),
                seconds(VERIFY_TOKEN_AGE).map(Duration::ofSeconds),
                lookup.apply(DECRYPT_KEY_LOCATION).map(v -> new KeySource(DECRYPT_KEY_LOCATION, false, v, false)),
                decryptAlgorithms(),
                positive(TOKEN_MAX_LENGTH).orElse((long) DEFAULT_MAX_TOKEN_LENGTH).intValue(),
                rsaMinBits());
    }

    private KeySource verificationKey() {
        Optional<String> inline = lookup.apply(VERIFY_PUBLICKEY);
        Optional<String> location = lookup.apply(VERIFY_PUBLICKEY_LOCATION);
        if (inline.isPresent() && location.isPresent()) {
            throw new InvalidConfigException(VERIFY_PUBLICKEY,
                    "and " + VERIFY_PUBLICKEY_LOCATION + " are both set; set only one of them.");
        }
        return inline.map(v -> new KeySource(VERIFY_PUBLICKEY, true, v, false))
                .or(() -> location.map(v -> new KeySource(VERIFY_PUBLICKEY_LOCATION, false, v, false)))
                .orElse(new KeySource(VERIFY_PUBLICKEY_LOCATION, false, DEFAULT_KEY_LOCATION, true));
    }

    private int rsaMinBits() {
        long bits = positive(RSA_MIN_BITS).orElse((long) DEFAULT_RSA_MIN_BITS);
        if (bits < 1024) {
            throw new InvalidConfigException(RSA_MIN_BITS, "must be at least 1024, but is " + bits + ".");
        }
        return (int) bits;
    }

    private Set<String> algorithms() {
        Set<String> algorithms = list(VERIFY_PUBLICKEY_ALGORITHM);
        for (String alg : algorithms) {
            if (!SIGNATURE_ALGORITHMS.contains(alg)) {
                throw new InvalidConfigException(VERIFY_PUBLICKEY_ALGORITHM,
                        "names an unsupported algorithm '" + alg + "'; supported: " + sorted(SIGNATURE_ALGORITHMS) + ".");
            }
        }
        return algorithms;
    }

    private Set<String> decryptAlgorithms() {
        Set<String> algorithms = list(DECRYPT_KEY_ALGORITHM);
        for (String alg : algorithms) {
            if (!DECRYPT_ALGORITHMS.contains(alg)) {
                throw new InvalidConfigException(DECRYPT_KEY_ALGORITHM,
                        "names an unsupported algorithm '" + alg + "'; supported: " + sorted(DECRYPT_ALGORITHMS) + ".");
            }
        }
        return algorithms.isEmpty() ? DECRYPT_ALGORITHMS : algorithms;
    }

    private TokenSource tokenSource() {
        String header = lookup.apply(TOKEN_HEADER).orElse("Authorization");
        if (header.equalsIgnoreCase("Authorization")) {
            return TokenSource.AUTHORIZATION_HEADER;
        }
        if (header.equalsIgnoreCase("Cookie")) {
            return TokenSource.COOKIE;
        }
        throw new InvalidConfigException(TOKEN_HEADER, "must be 'Authorization' or 'Cookie', not '" + header + "'.");
    }

    private Optional<Long> seconds(String key) {
        Optional<Long> value = lookup.apply(key).map(v -> parseLong(key, v));
        if (value.isPresent() && value.get() < 0) {
            throw new InvalidConfigException(key, "must not be negative, but is " + value.get() + ".");
        }
        return value;
    }

    private Optional<Long> positive(String key) {
        Optional<Long> value = lookup.apply(key).map(v -> parseLong(key, v));
        if (value.isPresent() && (value.get() <= 0 || value.get() > Integer.MAX_VALUE)) {
            throw new InvalidConfigException(key, "must be a positive whole number, but is " + value.get() + ".");
        }
        return value;
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key, "must be a whole number of seconds, not '" + value + "'.");
        }
    }

    private Set<String> list(String key) {
        return lookup.apply(key)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
