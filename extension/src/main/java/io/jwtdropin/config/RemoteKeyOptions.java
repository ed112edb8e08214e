package io.jwtdropin.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How remote ({@code http(s):}) key sets are fetched and kept; one set of options for every remote source.
 *
 * @param connectTimeout     TCP (and TLS) connect limit
 * @param readTimeout        limit for the whole response once connected
 * @param maxBytes           responses larger than this are refused
 * @param defaultLifetime    how long fetched keys are fresh when the response has no {@code Cache-Control: max-age}
 * @param minLifetime        lower bound applied to {@code max-age}
 * @param maxLifetime        upper bound applied to {@code max-age}
 * @param minRefreshInterval an unknown {@code kid} or a failed refresh causes at most one fetch per this interval
 * @param maxStale           how long past their lifetime the last good keys stay in use while refreshes fail
 * @param trustStore         the TLS trust store, if not the JVM's
 */
public record RemoteKeyOptions(
        Duration connectTimeout,
        Duration readTimeout,
        int maxBytes,
        Duration defaultLifetime,
        Duration minLifetime,
        Duration maxLifetime,
        Duration minRefreshInterval,
        Duration maxStale,
        Optional<TrustStore> trustStore) {

    /** A trust store file (PKCS12 or JKS) for HTTPS key locations. */
    public record TrustStore(Path path, char[] password, String type) {
    }

    /** The lifetime of keys served with {@code max-age} seconds (empty: none given), kept within the bounds. */
    public Duration lifetime(Optional<Long> maxAgeSeconds) {
        Duration wanted = maxAgeSeconds.map(Duration::ofSeconds).orElse(defaultLifetime);
        if (wanted.compareTo(minLifetime) < 0) {
            return minLifetime;
        }
        return wanted.compareTo(maxLifetime) > 0 ? maxLifetime : wanted;
    }
}
