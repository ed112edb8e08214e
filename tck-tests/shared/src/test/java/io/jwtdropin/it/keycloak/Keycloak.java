package io.jwtdropin.it.keycloak;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Keycloak's token endpoint and admin REST API, over real HTTP: tokens are always Keycloak's, never minted by us. */
final class Keycloak {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String REALM = "jwtdropin";
    private static final String ADMIN_API = KeycloakServer.BASE + "/admin/realms/" + REALM;

    private Keycloak() {
    }

    /** An access token by the password grant. */
    static String passwordToken(String realm, String client, String secret, String user, String password) {
        return token(realm, passwordGrant(client, secret, user, password));
    }

    private static Map<String, String> passwordGrant(String client, String secret, String user, String password) {
        return Map.of("grant_type", "password", "client_id", client, "client_secret", secret,
                "username", user, "password", password, "scope", "openid");
    }

    /** An access token by the client-credentials grant (the client's service account). */
    static String clientToken(String client, String secret) {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    private static String token(String realm, Map<String, String> form) {
        HttpResponse<String> response = tokenRequest(realm, form, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).asJsonObject().getString("access_token");
    }

    static String tokenEndpoint(String realm) {
        return KeycloakServer.issuer(realm) + "/protocol/openid-connect/token";
    }

    /** A password-grant token request, with a {@code DPoP} proof header when {@code proof} is not null. */
    static HttpResponse<String> passwordTokenRequest(String client, String secret, String user, String password,
            String proof) {
        return tokenRequest(REALM, passwordGrant(client, secret, user, password), proof);
    }

    private static HttpResponse<String> tokenRequest(String realm, Map<String, String> form, String proof) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokenEndpoint(realm)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (proof != null) {
            request.header("DPoP", proof);
        }
        return send(request);
    }

    static String adminToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN, "password", KeycloakServer.ADMIN_PASSWORD));
    }

    /** An admin API call on the {@code jwtdropin} realm ({@code path} after the realm); returns the status and body. */
    static HttpResponse<String> admin(String method, String path, JsonStructure body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ADMIN_API + path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    static JsonObject adminGetObject(String path) {
        return json(admin("GET", path, null).body()).asJsonObject();
    }

    static JsonArray adminGetArray(String path) {
        return json(admin("GET", path, null).body()).asJsonArray();
    }

    static String userId(String username) {
        return adminGetArray("/users?exact=true&username=" + username).getJsonObject(0).getString("id");
    }

    /** Sets the back-channel logout URL of a client (by its client id). */
    static void setBackChannelLogoutUrl(String clientId, String url) {
        JsonObject client = adminGetArray("/clients?clientId=" + clientId).getJsonObject(0);
        JsonObject attributes = Json.createObjectBuilder(client.getJsonObject("attributes"))
                .add("backchannel.logout.url", url).add("backchannel.logout.session.required", "true").build();
        admin("PUT", "/clients/" + client.getString("id"),
                Json.createObjectBuilder(client).add("attributes", attributes).build());
    }

    static JsonStructure json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
