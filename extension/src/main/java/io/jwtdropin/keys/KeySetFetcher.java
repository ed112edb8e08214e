package io.jwtdropin.keys;

import io.jwtdropin.config.RemoteKeyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One HTTP GET of a key document with hard limits: connect timeout, a deadline for the whole response, a size cap,
 * no redirects, and TLS checked against the JVM's trust store or a configured one. Reports the response's
 * {@code Cache-Control: max-age}.
 */
final class KeySetFetcher {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");

    /** A fetched document and how long its server says it may be kept. */
    record Fetched(String body, Optional<Long> maxAgeSeconds) {
    }

    private final RemoteKeyOptions options;
    private final HttpClient http;

    KeySetFetcher(RemoteKeyOptions options) {
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        options.trustStore().ifPresent(store -> builder.sslContext(sslContext(store)));
        this.http = builder.build();
    }

    Fetched fetch(URI location) throws IOException {
        // The request's own timeout is the read timeout: a provider that accepts the connection and then stalls is
        // given up on after it, not after connect + read (the bound below also covers a slow connect).
        HttpRequest request = HttpRequest.newBuilder(location)
                .timeout(options.readTimeout())
                .header("Accept", "application/jwk-set+json, application/json, application/x-pem-file, */*;q=0.5")
                .GET().build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info ->
                new LimitedBody(options.maxBytes(), info.headers().firstValueAsLong("Content-Length")));
        HttpResponse<byte[]> response;
        try {
            response = call.get(options.connectTimeout().plus(options.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IOException("no complete response within "
                    + options.connectTimeout().plus(options.readTimeout()).toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            call.cancel(true); // the application is stopping: the request must not outlive it
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
        return new Fetched(new String(response.body(), StandardCharsets.UTF_8),
                response.headers().allValues("Cache-Control").stream().map(KeySetFetcher::maxAge)
                        .flatMap(Optional::stream).findFirst());
    }

    static Optional<Long> maxAge(String cacheControl) {
        String lower = cacheControl.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no-store") || lower.contains("no-cache")) {
            return Optional.of(0L);
        }
        Matcher m = MAX_AGE.matcher(lower);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static SSLContext sslContext(RemoteKeyOptions.TrustStore store) {
        try (InputStream in = Files.newInputStream(store.path())) {
            KeyStore keyStore = KeyStore.getInstance(store.type());
            keyStore.load(in, store.password());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new io.jwtdropin.config.InvalidConfigException(io.jwtdropin.config.ConfigKeys.JWKS_TRUSTSTORE,
                    "names '" + store.path() + "', which cannot be loaded as a " + store.type() + " trust store: "
                            + e.getMessage() + ".", e);
        }
    }
}
