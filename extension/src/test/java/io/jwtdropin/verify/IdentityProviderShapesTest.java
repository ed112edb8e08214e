package io.jwtdropin.verify;

import static io.jwtdropin.verify.TokenVerifierTest.ISSUER;
import static io.jwtdropin.verify.TokenVerifierTest.NOW;
import static io.jwtdropin.verify.TokenVerifierTest.RSA;
import static io.jwtdropin.verify.TokenVerifierTest.pem;
import static io.jwtdropin.verify.TokenVerifierTest.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's recipe per identity provider: its configuration lines (keys inline here, where a deployment names the
 * issuer and uses discovery) and an access token of that provider's documented shape; the caller's name and groups
 * must come out as the recipe promises.
 */
class IdentityProviderShapesTest {

    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of("Keycloak", Map.of(
                        "mp.jwt.verify.audiences", "orders-api",
                        "jwtdropin.groups.paths", "realm_access/roles, resource_access/orders-api/roles"),
                        claims().audience("orders-api").subject("4f1c2d3e-0000-4000-8000-000000000001")
                                .claim("typ", "Bearer").claim("azp", "orders-web").claim("sid", "s-1")
                                .claim("preferred_username", "alice").claim("scope", "openid profile email")
                                .claim("realm_access", Map.of("roles", List.of("user", "offline_access")))
                                .claim("resource_access", Map.of("orders-api", Map.of("roles", List.of("api-reader")),
                                        "account", Map.of("roles", List.of("view-profile")))),
                        "alice", Set.of("user", "offline_access", "api-reader")),
                Arguments.of("Entra ID", Map.of(
                        "mp.jwt.verify.audiences", "api://orders",
                        "jwtdropin.groups.paths", "roles, scp"),
                        claims().audience("api://orders").subject("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")
                                .claim("oid", "00000000-0000-0000-66f3-3332eca7ea81").claim("tid", "9188040d")
                                .claim("preferred_username", "alice@contoso.com").claim("ver", "2.0")
                                .claim("roles", List.of("Orders.Admin")).claim("scp", "Orders.Read user_impersonation"),
                        "alice@contoso.com", Set.of("Orders.Admin", "Orders.Read", "user_impersonation")),
                Arguments.of("Auth0", Map.of(
                        "mp.jwt.verify.audiences", "https://orders.example/api",
                        "jwtdropin.groups.paths", "permissions, \"https://orders.example/roles\""),
                        claims().audience(List.of("https://orders.example/api", ISSUER + "/userinfo"))
                                .subject("auth0|65f0c0ffee").claim("azp", "q8x").claim("scope", "openid read:orders")
                                .claim("permissions", List.of("read:orders", "write:orders"))
                                .claim("https://orders.example/roles", List.of("admin")),
                        "auth0|65f0c0ffee", Set.of("read:orders", "write:orders", "admin")),
                Arguments.of("Okta", Map.of(
                        "mp.jwt.verify.audiences", "api://default",
                        "jwtdropin.groups.paths", "groups, scp"),
                        claims().audience("api://default").subject("alice@example.com").claim("cid", "0oa1")
                                .claim("uid", "00u1").claim("scp", List.of("orders.read"))
                                .claim("groups", List.of("Everyone", "Admins")),
                        "alice@example.com", Set.of("Everyone", "Admins", "orders.read")),
                Arguments.of("Cognito", Map.of(
                        "jwtdropin.groups.paths", "cognito:groups, scope",
                        "jwtdropin.groups.map", "orders/read=reader, orders/write=writer"),
                        claims().subject("7d9f1c2e-1111-4000-8000-000000000002").claim("token_use", "access")
                                .claim("client_id", "5k3f").claim("username", "alice")
                                .claim("cognito:groups", List.of("admins")).claim("scope", "orders/read orders/write"),
                        "7d9f1c2e-1111-4000-8000-000000000002", Set.of("admins", "reader", "writer")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void recipeGivesNameAndGroups(String provider, Map<String, String> recipe, JWTClaimsSet.Builder token,
            String name, Set<String> groups) throws Exception {
        Map<String, String> values = new HashMap<>(recipe);
        values.put("mp.jwt.verify.issuer", ISSUER);
        values.put("mp.jwt.verify.publickey", pem(RSA));
        JwtAuthConfig config = ConfigReader.read(key -> Optional.ofNullable(values.get(key)));
        TokenVerifier verifier = VerifierFactory.create(config, getClass().getClassLoader(), Clock.fixed(NOW, ZoneOffset.UTC));
        VerifiedToken verified = verifier.verify(rs256(token.build()));
        assertEquals(name, verified.name());
        assertEquals(groups, verified.groups());
    }

    /** Issuer and times only: each provider's own claims are added per row. */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).jwtID("j-" + System.nanoTime())
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(300)));
    }
}
