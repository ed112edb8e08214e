package io.jwtdropin.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keys fetched from an {@code http(s)} location (PEM, JWK or JWK set). Fetched lazily — the location may be
 * served by the very application being deployed — then kept and renewed after {@link #MAX_AGE}. A failed
 * renewal keeps the last good keys; a token with an unknown {@code kid} forces at most one fetch per
 * {@link #MIN_REFETCH}.
 */
public final class RemoteKeyProvider implements KeyProvider {

    private static final Logger LOG = Logger.getLogger(RemoteKeyProvider.class.getName());
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_BODY_BYTES = 1 << 20;

    private final URI location;
    private final Set<String> algorithms;
    private final int minRsaBits;
    private final Clock clock;
    private final HttpClient http;
    private volatile KeySet current;
    private volatile Instant fetchedAt = Instant.MIN;
    private volatile Instant lastAttempt = Instant.MIN;

    public RemoteKeyProvider(URI location, Set<String> algorithms, int minRsaBits, Clock clock) {
        this.location = location;
        this.algorithms = Set.copyOf(algorithms);
        this.minRsaBits = minRsaBits;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public KeySet keys() throws TokenRejectedException {
        KeySet keys = current;
        Instant now = clock.instant();
        if (keys == null) {
            return fetch(now, Duration.ofSeconds(1));
        }
        if (now.isAfter(fetchedAt.plus(MAX_AGE))) {
            return fetch(now, MIN_REFETCH);
        }
        return keys;
    }

    @Override
    public KeySet keysForUnknownKid(String kid) throws TokenRejectedException {
        return fetch(clock.instant(), MIN_REFETCH);
    }

    /** Fetches unless another fetch happened within {@code minInterval}; one fetch at a time. */
    private synchronized KeySet fetch(Instant now, Duration minInterval) throws TokenRejectedException {
        if (current != null && now.isBefore(lastAttempt.plus(minInterval))) {
            return current;
        }
        if (current == null && now.isBefore(lastAttempt.plus(minInterval))) {
            throw new TokenRejectedException(FailureReason.KEYS_UNAVAILABLE, "recent fetch of " + location + " failed");
        }
        lastAttempt = now;
        try {
            KeySet fetched = KeyPinning.pin(KeyParser.parse(download(), KeyParser.Use.PUBLIC), algorithms, minRsaBits);
            current = fetched;
            fetchedAt = now;
            return fetched;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "JWTD-201 could not fetch keys from {0}: {1}", new Object[] {location, e.getMessage()});
            if (current != null) {
                return current;
            }
            throw new TokenRejectedException(FailureReason.KEYS_UNAVAILABLE, location.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRejectedException(FailureReason.KEYS_UNAVAILABLE, "interrupted");
        }
    }

    private String download() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(location).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("response larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
