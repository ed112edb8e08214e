package io.jwtdropin.keys;

import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.JwtAuthConfig.KeySource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the text of a local key source: inline, a {@code file:} URL, or a class path resource. */
final class KeyText {

    private KeyText() {
    }

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

    /** Whether the class path resource a (non-inline) source names exists. */
    static boolean exists(KeySource source, ClassLoader loader) {
        return loader.getResource(resourceName(source.value())) != null;
    }

    private static String resourceName(String location) {
        return location.replaceFirst("^classpath:", "").replaceFirst("^/", "");
    }
}
