package io.jwtdropin.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Demo convenience, not for production: when no other configuration names the keys, this lowest-ranked source
 * supplies them, generating an RSA key pair on first use into {@code sample-keys/} (or the folder in the system
 * property {@code jwtdropin.sample.keys.dir}) and saying so in the log. Production sets
 * {@code mp.jwt.verify.publickey.location} and {@code jwtdropin.issue.key.location} itself (see the README).
 */
public final class DemoKeysConfigSource implements ConfigSource {

    private static final Logger LOG = Logger.getLogger(DemoKeysConfigSource.class.getName());
    static final String VERIFY_KEY = "mp.jwt.verify.publickey.location";
    static final String SIGN_KEY = "jwtdropin.issue.key.location";

    private volatile Map<String, String> values;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(VERIFY_KEY, SIGN_KEY);
    }

    @Override
    public String getValue(String name) {
        return getPropertyNames().contains(name) ? keys().get(name) : null;
    }

    @Override
    public String getName() {
        return "jwt-dropin sample: generated demo keys";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    private synchronized Map<String, String> keys() {
        if (values == null) {
            Path dir = Path.of(System.getProperty("jwtdropin.sample.keys.dir", "sample-keys")).toAbsolutePath();
            Path publicKey = dir.resolve("publicKey.pem");
            Path privateKey = dir.resolve("privateKey.pem");
            if (!Files.isRegularFile(publicKey) || !Files.isRegularFile(privateKey)) {
                generate(dir, publicKey, privateKey);
                LOG.warning("jwt-dropin sample: no keys configured, so a demo RSA key pair was generated in " + dir
                        + "; configure " + VERIFY_KEY + " and " + SIGN_KEY + " in production.");
            }
            values = Map.of(VERIFY_KEY, publicKey.toUri().toString(), SIGN_KEY, privateKey.toUri().toString());
        }
        return values;
    }

    private static void generate(Path dir, Path publicKey, Path privateKey) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("jwt-dropin sample: cannot write demo keys to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
