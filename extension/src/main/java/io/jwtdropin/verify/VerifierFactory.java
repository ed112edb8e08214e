package io.jwtdropin.verify;

import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.config.JwtAuthConfig.KeySource;
import io.jwtdropin.config.TrustedIssuerConfig;
import java.util.ArrayList;
import java.util.concurrent.ScheduledExecutorService;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jwtdropin.config.ConfigKeys;
import java.security.Key;
import java.security.PrivateKey;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link TokenVerifier} from configuration, loading and parsing every local key once. Problems are
 * reported as {@link InvalidConfigException}s naming the key, so deployment fails with one clear sentence.
 */
public final class VerifierFactory {

    private VerifierFactory() {
    }

    /** As below, with a daemon thread of its own for background key refreshes (started only if needed). */
    public static TokenVerifier create(JwtAuthConfig config, ClassLoader loader, Clock clock) {
        return create(config, loader, clock, daemonScheduler(), VerificationEvents.NONE, RevocationCheck.NONE);
    }

    /** A one-thread scheduler whose daemon thread starts with its first task. */
    public static ScheduledExecutorService daemonScheduler() {
        return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jwt-dropin-keys");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param scheduler runs background key refreshes for remote key sets (a managed executor in the container)
     * @param events    where outcomes, cache use and key fetches are reported (metrics)
     * @param revoked   refuses revoked tokens, on every use
     */
    public static TokenVerifier create(JwtAuthConfig config, ClassLoader loader, Clock clock,
            ScheduledExecutorService scheduler, VerificationEvents events, RevocationCheck revoked) {
        List<TrustedIssuer> issuers = new ArrayList<>();
        for (TrustedIssuerConfig trusted : config.trustedIssuers()) {
            ClaimsValidator claims = new ClaimsValidator(trusted.issuer(), trusted.audiences(), config.clockSkew(),
                    config.maxTokenAge(), clock);
            issuers.add(new TrustedIssuer(trusted.issuer(), keys(trusted, config, loader, clock, scheduler, events), claims));
        }
        Optional<JweDecryptor> decryptor = config.decryptionKey()
                .map(source -> new JweDecryptor(privateKeys(source, loader), config.decryptAlgorithms()));
        Optional<VerifiedTokenCache> cache = config.cacheSize() == 0 ? Optional.empty()
                : Optional.of(new VerifiedTokenCache(config.cacheSize(), config.cacheTtl(), clock));
        return new TokenVerifier(config.maxTokenLength(), new TrustedIssuers(issuers), decryptor,
                Json.createReaderFactory(Map.of()), cache, events, revoked);
    }

    private static KeyProvider keys(TrustedIssuerConfig trusted, JwtAuthConfig config, ClassLoader loader, Clock clock,
            ScheduledExecutorService scheduler, VerificationEvents events) {
        KeySource source = trusted.keys();
        if (source.isRemote()) {
            return new RemoteKeyProvider(URI.create(source.value()), trusted.algorithms(), config.minRsaBits(),
                    config.remoteKeys(), clock, scheduler, events);
        }
        try {
            List<ParsedKey> parsed = new ArrayList<>();
            // The HMAC secret belongs to the standard entry, whose key source is the mp.jwt one.
            if (source == config.verificationKey()) {
                config.secret().ifPresent(secret -> parsed.add(new ParsedKey(null, null, secretKey(secret))));
            }
            if (!(source.implicit() && !parsed.isEmpty() && !exists(source, loader))) {
                parsed.addAll(KeyParser.parse(read(source, loader), KeyParser.Use.PUBLIC));
            }
            KeySet keys = KeyPinning.pin(parsed, trusted.algorithms(), config.minRsaBits());
            if (keys.keys().isEmpty()) {
                throw new IllegalArgumentException("holds no key usable with the algorithm(s) "
                        + (trusted.algorithms().isEmpty() ? "RS256/ES256" : trusted.algorithms()) + ".");
            }
            return new KeyProvider.Fixed(keys);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source.configKey(), e.getMessage(), e);
        }
    }

    private static List<ParsedKey> privateKeys(KeySource source, ClassLoader loader) {
        List<ParsedKey> keys = parsePrivate(source, loader);
        for (ParsedKey key : keys) {
            if (!(key.key() instanceof PrivateKey) || !"RSA".equals(key.key().getAlgorithm())) {
                throw new InvalidConfigException(source.configKey(), "must hold RSA private keys for RSA-OAEP decryption.");
            }
        }
        return keys;
    }

    /** The private keys at {@code source}; a parse problem becomes an error naming the key. */
    private static List<ParsedKey> parsePrivate(KeySource source, ClassLoader loader) {
        try {
            return KeyParser.parse(read(source, loader), KeyParser.Use.PRIVATE);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source.configKey(), e.getMessage(), e);
        }
    }

    /** The HMAC secret of {@code jwtdropin.verify.secret} (base64url). */
    public static SecretKey secretKey(String base64url) {
        try {
            return new SecretKeySpec(java.util.Base64.getUrlDecoder().decode(base64url.trim()), "HmacSHA256");
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(ConfigKeys.VERIFY_SECRET, "is not base64url.", e);
        }
    }

    private static boolean exists(KeySource source, ClassLoader loader) {
        return loader.getResource(resourceName(source.value())) != null;
    }

    private static String resourceName(String location) {
        return location.replaceFirst("^classpath:", "").replaceFirst("^/", "");
    }

    /** The signing key: the one private key (PKCS#8 PEM or a private JWK) at {@code source}, or the HMAC secret. */
    public static Key signingKey(KeySource source, ClassLoader loader) {
        if (source.inline() && ConfigKeys.VERIFY_SECRET.equals(source.configKey())) {
            return secretKey(source.value());
        }
        List<ParsedKey> keys = parsePrivate(source, loader);
        if (keys.size() != 1 || !(keys.get(0).key() instanceof PrivateKey key)) {
            throw new InvalidConfigException(source.configKey(), "must hold exactly one private key.");
        }
        return key;
    }

    /** Reads key text: inline, a {@code file:} or other URL, or a class path resource. */
    static String read(KeySource source, ClassLoader loader) {
        if (source.inline()) {
            return source.value();
        }
        String location = source.value();
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(URI.create(location)), StandardCharsets.UTF_8);
            }
            if (location.contains(":/") && !location.startsWith("classpath:")) {
                throw new InvalidConfigException(source.configKey(),
                        "uses an unsupported URL scheme in '" + location + "'; use file:, http:, https: or a class path.");
            }
            try (InputStream in = loader.getResourceAsStream(resourceName(location))) {
                if (in == null) {
                    throw new InvalidConfigException(source.configKey(), source.implicit()
                            ? "is not set and the default class path resource '" + location + "' does not exist;"
                                    + " configure mp.jwt.verify.publickey or mp.jwt.verify.publickey.location."
                            : "names '" + location + "', which is not on the application class path.");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException(source.configKey(), "names '" + location + "', which cannot be read: "
                    + e.getMessage() + ".", e);
        }
    }
}
