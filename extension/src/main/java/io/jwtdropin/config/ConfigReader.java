package io.jwtdropin.config;

import static io.jwtdropin.config.ConfigKeys.*;

import io.jwtdropin.config.JwtAuthConfig.KeySource;
import io.jwtdropin.config.TokenTransport.Source;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds and validates {@link JwtAuthConfig} from a key lookup (MicroProfile Config in the container, a map in
 * tests). Every problem is reported as an {@link InvalidConfigException} naming the key.
 */
public final class ConfigReader {

    /** Signature algorithms we verify (RFC 7518 names). */
    public static final Set<String> SIGNATURE_ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
                    "HS256", "HS384", "HS512");
    /** JWE key management algorithms MP-JWT requires; both are accepted unless one is configured. */
    public static final Set<String> DECRYPT_ALGORITHMS = Set.of("RSA-OAEP", "RSA-OAEP-256");
    /** Algorithms we sign with. */
    public static final Set<String> ISSUE_ALGORITHMS = Set.of("RS256", "PS256", "ES256", "EdDSA", "HS256");
    /** Where a key is looked for when none is configured (the same default as Payara's built-in). */
    public static final String DEFAULT_KEY_LOCATION = "/publicKey.pem";
    /** The token cookie's name when our sources key turns cookies on and MP names none. */
    public static final String DEFAULT_COOKIE_NAME = "__Host-jwt";
    static final long DEFAULT_CLOCK_SKEW_SECONDS = 60;
    static final int DEFAULT_MAX_TOKEN_LENGTH = 8192;
    /** RFC 8725 and NIST: RSA keys under 2048 bits are refused unless configuration lowers the floor. */
    static final int DEFAULT_RSA_MIN_BITS = 2048;
    static final long DEFAULT_LIFETIME_SECONDS = 900;
    static final long DEFAULT_CACHE_SIZE = 4096;
    static final long DEFAULT_CACHE_TTL_SECONDS = 300;
    private static final Map<String, Source> SOURCE_NAMES =
            Map.of("authorization", Source.AUTHORIZATION_HEADER, "cookie", Source.COOKIE);

    private final ConfigValues values;

    private ConfigReader(Function<String, Optional<String>> lookup) {
        this.values = new ConfigValues(lookup);
    }

    public static JwtAuthConfig read(Function<String, Optional<String>> lookup) {
        return new ConfigReader(lookup).read();
    }

    private JwtAuthConfig read() {
        Set<String> audiences = values.list(VERIFY_AUDIENCES);
        Optional<String> issuer = values.string(VERIFY_ISSUER);
        KeySource verificationKey = verificationKey(issuer);
        GroupClaims groups = GroupClaimsReader.read(GROUPS_PATHS, values.string(GROUPS_PATHS), GROUPS_MAP,
                values.string(GROUPS_MAP));
        Set<String> algorithms = values.listOf(VERIFY_PUBLICKEY_ALGORITHM, SIGNATURE_ALGORITHMS);
        List<TrustedIssuerConfig> trustedIssuers = new TrustedIssuersReader(values).read(
                new TrustedIssuerConfig("mp.jwt", issuer, verificationKey, algorithms, audiences, groups),
                !verificationKey.implicit() || values.string(VERIFY_SECRET).isPresent());
        RevocationConfig revocation = RevocationConfigReader.read(values);
        return new JwtAuthConfig(
                verificationKey,
                algorithms,
                issuer,
                audiences,
                transport(),
                Duration.ofSeconds(values.seconds(VERIFY_CLOCK_SKEW).orElse(DEFAULT_CLOCK_SKEW_SECONDS)),
                values.seconds(VERIFY_TOKEN_AGE).map(Duration::ofSeconds),
                values.string(DECRYPT_KEY_LOCATION).map(v -> new KeySource(DECRYPT_KEY_LOCATION, false, v, false)),
                decryptAlgorithms(),
                values.positive(TOKEN_MAX_LENGTH).orElse((long) DEFAULT_MAX_TOKEN_LENGTH).intValue(),
                rsaMinBits(),
                issuing(issuer, audiences),
                values.seconds(CACHE_SIZE).orElse(DEFAULT_CACHE_SIZE).intValue(),
                Duration.ofSeconds(values.positive(CACHE_TTL).orElse(DEFAULT_CACHE_TTL_SECONDS)),
                values.string(VERIFY_SECRET),
                trustedIssuers,
                remoteKeyOptions(),
                revocation,
                values.bool(VERIFY_REQUIRE_AT_JWT).orElse(false),
                logout(audiences, revocation),
                DpopConfigReader.read(values, trustedIssuers),
                values.bool(MECHANISM_DIRECT).orElse(true));
    }

    private Optional<LogoutConfig> logout(Set<String> verifyAudiences, RevocationConfig revocation) {
        Optional<String> path = values.string(LOGOUT_PATH);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (revocation.store() == RevocationConfig.Store.OFF) {
            throw new InvalidConfigException(LOGOUT_PATH, "is set, but " + REVOCATION_STORE
                    + " is off: a logout revokes tokens, so revocation must be on.");
        }
        if (!path.get().startsWith("/") || path.get().contains("*") || path.get().contains("?")) {
            throw new InvalidConfigException(LOGOUT_PATH, "must be a path inside the application starting with '/',"
                    + " without wildcards or query, not '" + path.get() + "'.");
        }
        Set<String> audiences = values.list(LOGOUT_AUDIENCES);
        if (audiences.isEmpty()) {
            audiences = verifyAudiences;
        }
        if (audiences.isEmpty()) {
            throw new InvalidConfigException(LOGOUT_AUDIENCES, "is needed when " + LOGOUT_PATH + " is set: name our"
                    + " client id at the identity provider, which logout tokens carry in aud.");
        }
        return Optional.of(new LogoutConfig(path.get(), audiences));
    }

    private RemoteKeyOptions remoteKeyOptions() {
        Optional<RemoteKeyOptions.TrustStore> trustStore = values.string(JWKS_TRUSTSTORE).map(location ->
                new RemoteKeyOptions.TrustStore(java.nio.file.Path.of(location),
                        values.string(JWKS_TRUSTSTORE_PASSWORD).orElse("").toCharArray(),
                        values.string(JWKS_TRUSTSTORE_TYPE).orElse("PKCS12")));
        Duration min = Duration.ofSeconds(values.positive(JWKS_LIFETIME_MIN).orElse(60L));
        Duration max = Duration.ofSeconds(values.positive(JWKS_LIFETIME_MAX).orElse(3600L));
        if (max.compareTo(min) < 0) {
            throw new InvalidConfigException(JWKS_LIFETIME_MAX, "must not be less than " + JWKS_LIFETIME_MIN + ".");
        }
        return new RemoteKeyOptions(
                Duration.ofMillis(values.positive(JWKS_CONNECT_TIMEOUT).orElse(2000L)),
                Duration.ofMillis(values.positive(JWKS_READ_TIMEOUT).orElse(2000L)),
                values.positive(JWKS_MAX_SIZE).orElse(256L * 1024).intValue(),
                Duration.ofSeconds(values.positive(JWKS_LIFETIME).orElse(300L)),
                min,
                max,
                Duration.ofSeconds(values.positive(JWKS_REFRESH_MIN_INTERVAL).orElse(30L)),
                Duration.ofSeconds(values.seconds(JWKS_MAX_STALE).orElse(86_400L)),
                trustStore);
    }

    private KeySource verificationKey(Optional<String> issuer) {
        Optional<String> inline = values.string(VERIFY_PUBLICKEY);
        Optional<String> location = values.string(VERIFY_PUBLICKEY_LOCATION);
        if (values.bool(VERIFY_DISCOVERY).orElse(false)) {
            if (inline.isPresent() || location.isPresent()) {
                throw new InvalidConfigException(VERIFY_DISCOVERY, "is true, so the keys come from the issuer's"
                        + " discovery document; remove " + (inline.isPresent() ? VERIFY_PUBLICKEY : VERIFY_PUBLICKEY_LOCATION) + ".");
            }
            return KeySource.discovered(VERIFY_DISCOVERY, issuer.orElseThrow(() -> new InvalidConfigException(
                    VERIFY_ISSUER, "must be set when " + VERIFY_DISCOVERY + " is true: discovery starts from the issuer.")));
        }
        if (inline.isPresent() && location.isPresent()) {
            throw new InvalidConfigException(VERIFY_PUBLICKEY,
                    "and " + VERIFY_PUBLICKEY_LOCATION + " are both set; set only one of them.");
        }
        return inline.map(v -> new KeySource(VERIFY_PUBLICKEY, true, v, false))
                .or(() -> location.map(v -> new KeySource(VERIFY_PUBLICKEY_LOCATION, false, v, false)))
                .orElse(new KeySource(VERIFY_PUBLICKEY_LOCATION, false, DEFAULT_KEY_LOCATION, true));
    }

    private int rsaMinBits() {
        long bits = values.positive(RSA_MIN_BITS).orElse((long) DEFAULT_RSA_MIN_BITS);
        if (bits < 1024) {
            throw new InvalidConfigException(RSA_MIN_BITS, "must be at least 1024, but is " + bits + ".");
        }
        return (int) bits;
    }

    private Set<String> decryptAlgorithms() {
        Set<String> algorithms = values.listOf(DECRYPT_KEY_ALGORITHM, DECRYPT_ALGORITHMS);
        return algorithms.isEmpty() ? DECRYPT_ALGORITHMS : algorithms;
    }

    /** MP-JWT's header/cookie keys keep their meaning; {@code jwtdropin.token.sources} can name both. */
    private TokenTransport transport() {
        String header = values.string(TOKEN_HEADER).orElse("Authorization");
        if (!header.equalsIgnoreCase("Authorization") && !header.equalsIgnoreCase("Cookie")) {
            throw new InvalidConfigException(TOKEN_HEADER, "must be 'Authorization' or 'Cookie', not '" + header + "'.");
        }
        Set<String> named = values.listOf(TOKEN_SOURCES, SOURCE_NAMES.keySet());
        Set<Source> sources = named.isEmpty()
                ? Set.of(header.equalsIgnoreCase("Cookie") ? Source.COOKIE : Source.AUTHORIZATION_HEADER)
                : Set.copyOf(named.stream().map(SOURCE_NAMES::get).toList());
        String cookieName = values.string(TOKEN_COOKIE).orElse(named.isEmpty() ? "Bearer" : DEFAULT_COOKIE_NAME);
        String sameSite = values.listOf(COOKIE_SAME_SITE, Set.of("Strict", "Lax")).stream().findFirst().orElse("Strict");
        boolean csrf = values.bool(CSRF_ENABLED).orElse(true);
        return new TokenTransport(sources, cookieName, sameSite, csrf, values.list(CSRF_ALLOWED_ORIGINS));
    }

    private Optional<IssuingConfig> issuing(Optional<String> verifyIssuer, Set<String> audiences) {
        Optional<String> key = values.string(ISSUE_KEY_LOCATION);
        String algorithm = values.listOf(ISSUE_ALGORITHM, ISSUE_ALGORITHMS).stream().findFirst().orElse("RS256");
        boolean hmac = algorithm.startsWith("HS");
        if (hmac && values.string(VERIFY_SECRET).isEmpty()) {
            throw new InvalidConfigException(ISSUE_ALGORITHM, "is " + algorithm + ", which signs with "
                    + VERIFY_SECRET + "; set it.");
        }
        if (key.isEmpty() && !hmac) {
            return Optional.empty();
        }
        String issuer = values.string(ISSUE_ISSUER).or(() -> verifyIssuer).orElseThrow(() -> new InvalidConfigException(
                ISSUE_ISSUER, "is needed to issue tokens; set it or " + VERIFY_ISSUER + "."));
        return Optional.of(new IssuingConfig(
                hmac ? new KeySource(VERIFY_SECRET, true, values.string(VERIFY_SECRET).get(), false)
                        : new KeySource(ISSUE_KEY_LOCATION, false, key.get(), false),
                algorithm,
                issuer,
                values.string(ISSUE_AUDIENCE).or(() -> audiences.stream().findFirst()),
                Duration.ofSeconds(values.positive(ISSUE_LIFETIME).orElse(DEFAULT_LIFETIME_SECONDS)),
                values.string(ISSUE_KEY_ID)));
    }
}
