package io.jwtdropin.it.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.it.support.TestKeys;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens in the {@code Authorization} header: 200 for good ones, 401 with the RFC 6750 challenge, 403 by role. */
@ExtendWith(ArquillianExtension.class)
class HeaderTokenIT {

    static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("header", "", HeaderApp.class, SecuredResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void validTokenReachesUserEndpoint() {
        HttpResponse<String> response = Http.get(base, "api/user", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user")));
        assertEquals(200, response.statusCode());
        assertEquals("user:alice", response.body());
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        HttpResponse<String> response = Http.get(base, "api/user", "Authorization",
                "bEaReR " + TestKeys.TRUSTED.token("alice", "user"));
        assertEquals(200, response.statusCode());
    }

    @Test
    void missingRoleIs403() {
        HttpResponse<String> response = Http.get(base, "api/admin", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user")));
        assertEquals(403, response.statusCode());
    }

    @Test
    void noTokenOnProtectedEndpointIs401WithBareChallenge() {
        HttpResponse<String> response = Http.get(base, "api/user");
        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void noTokenOnPublicEndpointIs200() {
        HttpResponse<String> response = Http.get(base, "api/public");
        assertEquals(200, response.statusCode());
        assertEquals("public:null", response.body());
    }

    @Test
    void validTokenOnPublicEndpointMakesCallerKnown() {
        HttpResponse<String> response = Http.get(base, "api/public", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("bob", "user")));
        assertEquals(200, response.statusCode());
        assertEquals("public:bob", response.body());
    }

    static Stream<Arguments> badTokens() {
        String good = TestKeys.TRUSTED.token("alice", "user");
        return Stream.of(
                Arguments.of("forged signature", TestKeys.ATTACKER.token("alice", "user")),
                Arguments.of("expired", TestKeys.TRUSTED.expiredToken("alice", Duration.ofHours(1), "user")),
                Arguments.of("garbage", "not-a-token"),
                Arguments.of("alg none", "eyJhbGciOiJub25lIn0." + good.split("\\.")[1] + "."),
                Arguments.of("truncated signature", good.substring(0, good.length() - 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void invalidTokenIs401WithInvalidTokenChallenge(String why, String token) {
        for (String path : new String[] {"api/user", "api/public"}) {
            HttpResponse<String> response = Http.get(base, path, "Authorization", Http.bearer(token));
            assertEquals(401, response.statusCode(), why + " on " + path);
            assertEquals(INVALID_TOKEN, response.headers().firstValue("WWW-Authenticate").orElse(""), why);
            assertFalse(response.body().contains("Exception"), "no internals in the body: " + response.body());
            assertFalse(response.body().contains(token), "the token is not echoed");
        }
    }
}
