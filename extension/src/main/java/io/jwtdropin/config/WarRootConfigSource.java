package io.jwtdropin.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes a {@code META-INF/microprofile-config.properties} at the root of the WAR visible to MicroProfile Config,
 * below every standard source (ordinal 50). That is where the MP-JWT TCK, and many users, put it; Payara's MP Config
 * reads it, GlassFish 7's does not (it is not on the class path). Found through this jar's own location in the
 * exploded {@code WEB-INF/lib}; empty anywhere else.
 */
public final class WarRootConfigSource implements ConfigSource {

    static final int ORDINAL = 50;

    private final Map<String, String> properties;

    public WarRootConfigSource() {
        this.properties = load(warRoot(WarRootConfigSource.class.getProtectionDomain().getCodeSource() == null ? null
                : WarRootConfigSource.class.getProtectionDomain().getCodeSource().getLocation()));
    }

    /** The WAR root for a jar at {@code <root>/WEB-INF/lib/x.jar}, else null. */
    static Path warRoot(URL jarLocation) {
        try {
            if (jarLocation == null || !"file".equals(jarLocation.getProtocol())) {
                return null;
            }
            Path jar = Path.of(new URI(jarLocation.toString().replace(" ", "%20")));
            Path lib = jar.getParent();
            if (lib == null || !lib.endsWith(Path.of("WEB-INF", "lib"))) {
                return null;
            }
            return lib.getParent().getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    static Map<String, String> load(Path warRoot) {
        if (warRoot == null) {
            return Map.of();
        }
        Path file = warRoot.resolve("META-INF").resolve("microprofile-config.properties");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            loaded.load(in);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> values = new java.util.HashMap<>();
        loaded.stringPropertyNames().forEach(name -> values.put(name, loaded.getProperty(name)));
        return Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "jwt-dropin WAR-root META-INF/microprofile-config.properties";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
