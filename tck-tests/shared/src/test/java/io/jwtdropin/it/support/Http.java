package io.jwtdropin.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP on loopback with exact control of the headers sent. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** GET {@code path} below {@code base}, with header name/value pairs. */
    public static HttpResponse<String> get(URL base, String path, String... headers) {
        return send(base, path, "GET", headers);
    }

    public static HttpResponse<String> send(URL base, String path, String method, String... headers) {
        return send(base, path, method, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** POST a form, with header name/value pairs. */
    public static HttpResponse<String> postForm(URL base, String path, String form, String... headers) {
        return send(base, path, "POST", HttpRequest.BodyPublishers.ofString(form),
                concat(headers, "Content-Type", "application/x-www-form-urlencoded"));
    }

    public static HttpResponse<String> postJson(URL base, String path, String json, String... headers) {
        return send(base, path, "POST", HttpRequest.BodyPublishers.ofString(json),
                concat(headers, "Content-Type", "application/json"));
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static HttpResponse<String> send(URL base, String path, String method, HttpRequest.BodyPublisher body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
