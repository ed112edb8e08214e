package io.jwtdropin.config;

import static io.jwtdropin.config.ConfigKeys.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code jwtdropin.revocation.*} keys into a {@link RevocationConfig}. */
final class RevocationConfigReader {

    private RevocationConfigReader() {
    }

    static RevocationConfig read(ConfigValues values) {
        String store = values.listOf(REVOCATION_STORE, Set.of("auto", "jcache", "memory", "off")).stream().findFirst()
                .orElse("auto");
        RevocationConfig.Store chosen = RevocationConfig.Store.valueOf(store.toUpperCase(java.util.Locale.ROOT));
        return new RevocationConfig(chosen,
                values.bool(REVOCATION_REQUIRE_JTI).orElse(false),
                Duration.ofSeconds(values.positive(REVOCATION_RETENTION).orElse(86_400L)),
                values.positive(REVOCATION_MAX_ENTRIES).orElse(100_000L).intValue(),
                Duration.ofSeconds(values.positive(REVOCATION_JCACHE_RESYNC).orElse(60L)),
                grid(values, chosen));
    }

    /** The application's own JCache provider, when {@code jwtdropin.revocation.jcache.provider} names one. */
    private static Optional<RevocationConfig.Grid> grid(ConfigValues values, RevocationConfig.Store store) {
        Optional<String> provider = values.string(REVOCATION_JCACHE_PROVIDER);
        if (provider.isEmpty()) {
            for (String key : List.of(REVOCATION_JCACHE_URI, REVOCATION_JCACHE_UNREACHABLE,
                    REVOCATION_JCACHE_CONNECT_TIMEOUT)) {
                if (values.string(key).isPresent()) {
                    throw new InvalidConfigException(key, "is set, but " + REVOCATION_JCACHE_PROVIDER
                            + " is not: name the JCache CachingProvider class it configures.");
                }
            }
            return Optional.empty();
        }
        if (store == RevocationConfig.Store.MEMORY || store == RevocationConfig.Store.OFF) {
            throw new InvalidConfigException(REVOCATION_JCACHE_PROVIDER, "is set, but " + REVOCATION_STORE + " is "
                    + store.name().toLowerCase(java.util.Locale.ROOT) + ": a grid is used with auto or jcache only.");
        }
        Optional<URI> uri = values.string(REVOCATION_JCACHE_URI).map(text -> {
            try {
                URI parsed = new URI(text);
                if (parsed.getScheme() == null) {
                    throw new URISyntaxException(text, "no scheme");
                }
                return parsed;
            } catch (URISyntaxException e) {
                throw new InvalidConfigException(REVOCATION_JCACHE_URI, "must be an absolute URI such as"
                        + " classpath:hazelcast-client.xml or file:/etc/grid.xml, not '" + text + "'.");
            }
        });
        String unreachable = values.listOf(REVOCATION_JCACHE_UNREACHABLE, Set.of("fail", "start-local")).stream()
                .findFirst().orElse("fail");
        return Optional.of(new RevocationConfig.Grid(provider.get(), uri,
                unreachable.equals("fail") ? RevocationConfig.Unreachable.FAIL
                        : RevocationConfig.Unreachable.START_LOCAL,
                Duration.ofSeconds(values.positive(REVOCATION_JCACHE_CONNECT_TIMEOUT).orElse(30L))));
    }
}
