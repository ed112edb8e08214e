package io.jwtdropin.keys;

import io.jwtdropin.config.ConfigKeys;
import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.config.JwtAuthConfig.KeySource;
import io.jwtdropin.config.TrustedIssuerConfig;
import java.net.URI;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns configured key sources into ready keys, once, at deployment: the entry point of this package for everything
 * configuration-side. A problem is an {@link InvalidConfigException} naming the key, so deployment fails with one
 * sentence. The verification path then only asks the {@link KeyProvider}s built here for keys.
 */
public final class KeyLoader {

    private KeyLoader() {
    }

    /** The verification keys of one trusted issuer: fixed keys parsed now, or a remote set fetched on first use. */
    public static KeyProvider forIssuer(TrustedIssuerConfig trusted, JwtAuthConfig config, ClassLoader loader,
            Clock clock, ScheduledExecutorService scheduler, KeyFetchEvents events) {
        KeySource source = trusted.keys();
        if (source.isRemote()) {
            KeyLocation location = source.discovery() ? KeyLocation.discovery(source.value())
                    : KeyLocation.of(URI.create(source.value()));
            return new RemoteKeyProvider(location, trusted.algorithms(), config.minRsaBits(), config.remoteKeys(),
                    clock, scheduler, events);
        }
        try {
            List<ParsedKey> parsed = new ArrayList<>();
            // The HMAC secret belongs to the standard entry, whose key source is the mp.jwt one.
            if (source == config.verificationKey()) {
                config.secret().ifPresent(secret -> parsed.add(new ParsedKey(null, null, secretKey(secret))));
            }
            if (!(source.implicit() && !parsed.isEmpty() && !KeyText.exists(source, loader))) {
                parsed.addAll(KeyParser.parse(KeyText.read(source, loader), KeyParser.Use.PUBLIC));
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

    /** The RSA private keys that decrypt JWE tokens (RSA-OAEP). */
    public static List<ParsedKey> decryptionKeys(KeySource source, ClassLoader loader) {
        List<ParsedKey> keys = parsePrivate(source, loader);
        for (ParsedKey key : keys) {
            if (!(key.key() instanceof PrivateKey) || !"RSA".equals(key.key().getAlgorithm())) {
                throw new InvalidConfigException(source.configKey(), "must hold RSA private keys for RSA-OAEP decryption.");
            }
        }
        return keys;
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

    /** The HMAC secret of {@code jwtdropin.verify.secret} (base64url). */
    public static SecretKey secretKey(String base64url) {
        try {
            return new SecretKeySpec(Base64.getUrlDecoder().decode(base64url.trim()), "HmacSHA256");
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(ConfigKeys.VERIFY_SECRET, "is not base64url.", e);
        }
    }

    /** A one-thread scheduler for background key refreshes whose daemon thread starts with its first task. */
    public static ScheduledExecutorService daemonScheduler() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jwt-dropin-keys");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The private keys at {@code source}; a parse problem becomes an error naming the key. */
    private static List<ParsedKey> parsePrivate(KeySource source, ClassLoader loader) {
        try {
            return KeyParser.parse(KeyText.read(source, loader), KeyParser.Use.PRIVATE);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source.configKey(), e.getMessage(), e);
        }
    }
}
