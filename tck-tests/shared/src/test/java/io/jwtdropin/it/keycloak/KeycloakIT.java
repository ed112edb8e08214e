package io.jwtdropin.it.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.junit5.DpopKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens from a real Keycloak ({@link KeycloakServer}), verified by our jar configured by discovery alone — the
 * issuer, the audience, where Keycloak puts roles — never a key location. Runs where the build unpacks Keycloak
 * ({@code keycloak.home} set). Ordered: key rotation changes the realm's keys, so it comes last.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "keycloak.home", matches = ".+")
class KeycloakIT {

    static final String ISSUER = KeycloakServer.issuer(Keycloak.REALM);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.configuredWar("keycloak", String.join("\n",
                "mp.jwt.verify.issuer=" + ISSUER,
                "mp.jwt.verify.audiences=jwtdropin-api",
                "jwtdropin.verify.discovery=true",
                "jwtdropin.groups.paths=realm_access/roles, resource_access/jwtdropin-api/roles",
                "jwtdropin.logout.path=/backchannel-logout",
                "jwtdropin.logout.audiences=test-client",
                "mp.jwt.verify.clock.skew=1",
                // Keycloak serves its key set with Cache-Control: no-cache, so the minimum lifetime applies.
                "jwtdropin.jwks.lifetime.min=1",
                "jwtdropin.jwks.lifetime.max=5",
                "jwtdropin.jwks.refresh.min-interval=1",
                ""), KeycloakApp.class, RolesResource.class);
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startKeycloak() throws Exception {
        KeycloakServer.start();
    }

    @AfterAll
    static void stopKeycloak() {
        KeycloakServer.stop();
    }

    static String alice() {
        return Keycloak.passwordToken(Keycloak.REALM, "test-client", "test-secret", "alice", "alice-pw");
    }

    HttpResponse<String> get(String path, String token) {
        return Http.get(base, "api/kc/" + path, "Authorization", Http.bearer(token));
    }

    static void assertInvalidToken(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Bearer error=\"invalid_token\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    /** Milliseconds from {@code since} (nanoTime) until {@code token} gets a 401, polled; -1 if not within {@code limit}. */
    long millisUntilRefused(String token, long since, Duration limit, long pollMillis) throws InterruptedException {
        while (System.nanoTime() - since < limit.toNanos()) {
            if (get("realm-role", token).statusCode() == 401) {
                return Duration.ofNanos(System.nanoTime() - since).toMillis();
            }
            Thread.sleep(pollMillis);
        }
        return -1;
    }

    @Test
    @Order(1)
    void aUsersRealmAndClientRolesAreItsGroups() {
        String token = alice();
        HttpResponse<String> realmRole = get("realm-role", token);
        assertEquals(200, realmRole.statusCode(), realmRole.body());
        assertEquals("alice [api-reader, user]", realmRole.body());
        assertEquals(200, get("client-role", token).statusCode());
        assertEquals(403, get("admin", token).statusCode(), "a realm role alice lacks");
        assertEquals(403, get("writer", token).statusCode(), "a client role alice lacks");
    }

    @Test
    @Order(2)
    void aServiceAccountsTokenCarriesItsRoles() {
        String token = Keycloak.clientToken("test-client", "test-secret");
        HttpResponse<String> writer = get("writer", token);
        assertEquals(200, writer.statusCode(), writer.body());
        assertEquals("service-account-test-client", writer.body());
        assertEquals(200, get("realm-role", token).statusCode());
        assertEquals(403, get("client-role", token).statusCode());
    }

    @Test
    @Order(3)
    void anotherRealmAnotherAudienceAndExpiryAreRefused() throws Exception {
        assertInvalidToken(get("realm-role", Keycloak.passwordToken("other", "test-client", "test-secret", "alice", "alice-pw")));
        // other-client has no audience mapper; bob holds no client role of the API, so Keycloak's audience-resolve
        // mapper does not add it either (for alice it would: her api-reader role puts jwtdropin-api in aud).
        assertInvalidToken(get("realm-role", Keycloak.passwordToken(Keycloak.REALM, "other-client", "other-secret",
                "bob", "bob-pw")));
        String shortLived = Keycloak.passwordToken(Keycloak.REALM, "short-client", "short-secret", "alice", "alice-pw");
        assertEquals(200, get("realm-role", shortLived).statusCode(), "valid for 2 s");
        Thread.sleep(4_000); // 2 s lifetime + 1 s skew + the second exp is rounded to
        assertInvalidToken(get("realm-role", shortLived));
        HttpResponse<String> none = Http.get(base, "api/kc/realm-role");
        assertEquals(401, none.statusCode());
    }

    @Test
    @Order(4)
    void logoutAtKeycloakRefusesTheUsersTokensWithinOneSecond() throws Exception {
        Keycloak.setBackChannelLogoutUrl("test-client", base.toExternalForm() + "backchannel-logout");
        String token = alice();
        String bob = Keycloak.passwordToken(Keycloak.REALM, "test-client", "test-secret", "bob", "bob-pw");
        assertEquals(200, get("realm-role", token).statusCode());
        long started = System.nanoTime();
        Keycloak.admin("POST", "/users/" + Keycloak.userId("alice") + "/logout", null);
        long refusedAfterMs = millisUntilRefused(token, started, Duration.ofSeconds(5), 20);
        System.out.println("KeycloakIT: alice's token refused " + refusedAfterMs + " ms after the logout call");
        assertTrue(refusedAfterMs >= 0 && refusedAfterMs < 1_000, "refused after " + refusedAfterMs + " ms");
        assertInvalidToken(get("realm-role", token));
        assertEquals(200, get("realm-role", bob).statusCode(), "another user's session stays");
        assertEquals(200, get("realm-role", alice()).statusCode(), "a new login works");
        // Anything else posted to the endpoint gets 400, never 500.
        HttpResponse<String> forged = Http.postForm(base, "backchannel-logout", "logout_token=" + token);
        assertEquals(400, forged.statusCode(), "an access token is no logout token");
        assertEquals(400, Http.postForm(base, "backchannel-logout", "logout_token=%zz").statusCode());
    }

    /**
     * Keycloak's own rotation through its admin API under continuous requests: a new RSA key with a higher priority,
     * the old one made passive (still published), then removed. No request fails while both keys are published; the
     * old key's tokens are refused once it is gone.
     */
    @Test
    @Order(5)
    void keyRotationAtKeycloakUnderLoad() throws Exception {
        String oldToken = alice();
        JsonObject oldKey = Keycloak.adminGetArray("/components?type=org.keycloak.keys.KeyProvider").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("providerId").equals("rsa-generated"))
                .findFirst().orElseThrow();
        AtomicReference<String> current = new AtomicReference<>(oldToken);
        AtomicBoolean oldPublished = new AtomicBoolean(true);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Thread load = new Thread(() -> {
            while (running.get()) {
                List<String> tokens = oldPublished.get() ? List.of(current.get(), oldToken) : List.of(current.get());
                for (String token : tokens) {
                    int status = get("realm-role", token).statusCode();
                    requests.incrementAndGet();
                    if (status != 200) {
                        failures.merge(status + (token.equals(oldToken) ? " (old key)" : " (current key)"), 1, Integer::sum);
                    }
                }
            }
        });
        Thread tokens = new Thread(() -> {
            while (running.get()) {
                current.set(alice());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        load.start();
        tokens.start();
        try {
            Thread.sleep(1_000);
            String realmId = Keycloak.adminGetObject("").getString("id");
            Keycloak.admin("POST", "/components", Json.createObjectBuilder()
                    .add("name", "rsa-rotated").add("providerId", "rsa-generated")
                    .add("providerType", "org.keycloak.keys.KeyProvider").add("parentId", realmId)
                    .add("config", Json.createObjectBuilder().add("priority", Json.createArrayBuilder().add("200"))
                            .add("active", Json.createArrayBuilder().add("true"))
                            .add("algorithm", Json.createArrayBuilder().add("RS256"))
                            .add("keySize", Json.createArrayBuilder().add("2048"))).build());
            Thread.sleep(3_000);
            JsonObject config = Json.createObjectBuilder(oldKey.getJsonObject("config"))
                    .add("active", Json.createArrayBuilder().add("false")).build();
            Keycloak.admin("PUT", "/components/" + oldKey.getString("id"),
                    Json.createObjectBuilder(oldKey).add("config", config).build());
            Thread.sleep(3_000);
            int whileBoth = requests.get();
            assertEquals(Map.of(), Map.copyOf(failures), "failed requests while both keys were published, of " + whileBoth);
            System.out.println("KeycloakIT: " + whileBoth + " requests during the rotation, 0 failed");
            oldPublished.set(false);
            Keycloak.admin("DELETE", "/components/" + oldKey.getString("id"), null);
            long refusedAfterMs = millisUntilRefused(oldToken, System.nanoTime(), Duration.ofSeconds(15), 100);
            System.out.println("KeycloakIT: the removed key's token refused " + refusedAfterMs + " ms after removal");
            assertTrue(refusedAfterMs >= 0, "the removed key's token is refused after the next refresh");
            assertInvalidToken(get("realm-role", oldToken));
        } finally {
            running.set(false);
            load.join();
            tokens.interrupt();
            tokens.join();
        }
        // A request in flight with the old token as the key went away may be refused: only current tokens count here.
        failures.keySet().removeIf(kind -> kind.endsWith("(old key)"));
        assertEquals(Map.of(), Map.copyOf(failures), "no request with a current token failed");
    }

    /**
     * DPoP-bound tokens from Keycloak (client {@code dpop-client} has "Require DPoP bound tokens"): the test gets the
     * token with its own proof, then calls us with a fresh proof per request. The token is refused without a proof,
     * with a replayed one, with another key's, and as a bearer token.
     */
    @Test
    @Order(6)
    void dpopBoundTokensFromKeycloak() {
        DpopKey key = DpopKey.generate();
        String tokenEndpoint = Keycloak.tokenEndpoint(Keycloak.REALM);
        assertEquals(400, Keycloak.passwordTokenRequest("dpop-client", "dpop-secret", "alice", "alice-pw", null)
                .statusCode(), "Keycloak requires a proof from this client");
        HttpResponse<String> issued = Keycloak.passwordTokenRequest("dpop-client", "dpop-secret", "alice", "alice-pw",
                key.proof("POST", tokenEndpoint, null));
        assertEquals(200, issued.statusCode(), issued.body());
        JsonObject response = Keycloak.json(issued.body()).asJsonObject();
        assertEquals("DPoP", response.getString("token_type"));
        String token = response.getString("access_token");
        String url = base.toExternalForm() + "api/kc/realm-role";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> served = dpopGet(token, key.proof("GET", url, token));
            assertEquals(200, served.statusCode(), served.body());
            assertEquals("alice [api-reader, user]", served.body());
        }
        String proof = key.proof("GET", url, token);
        assertEquals(200, dpopGet(token, proof).statusCode());
        assertDpopRefused(dpopGet(token, proof), "invalid_dpop_proof");
        assertDpopRefused(Http.get(base, "api/kc/realm-role", "Authorization", "DPoP " + token), "invalid_dpop_proof");
        assertDpopRefused(dpopGet(token, DpopKey.generate().proof("GET", url, token)), "invalid_dpop_proof");
        assertInvalidToken(Http.get(base, "api/kc/realm-role", "Authorization", Http.bearer(token),
                "DPoP", key.proof("GET", url, token)));
    }

    HttpResponse<String> dpopGet(String token, String proof) {
        return Http.get(base, "api/kc/realm-role", "Authorization", "DPoP " + token, "DPoP", proof);
    }

    static void assertDpopRefused(HttpResponse<String> response, String error) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"" + error + "\""),
                String.valueOf(response.headers().allValues("WWW-Authenticate")));
    }
}
