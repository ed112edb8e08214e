package io.jwtdropin.it.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.it.support.TestKeys;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jwtdropin.token.sources=authorization,cookie}: each precedence rule, cookie-parsing case and CSRF rule,
 * one row each, against a real server. Expected body "alice"/"bob" says whose token was used.
 */
@ExtendWith(ArquillianExtension.class)
class BothSourcesIT {

    static final String ALICE = TestKeys.TRUSTED.token("alice", "user");
    static final String BOB = TestKeys.TRUSTED.token("bob", "user");
    static final String ALLOWED_ORIGIN = "https://admin.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("sources", "jwtdropin.token.sources=authorization,cookie\n"
                + "jwtdropin.csrf.allowed-origins=" + ALLOWED_ORIGIN + "\n", SourcesApp.class, SourcesResource.class);
    }

    @ArquillianResource
    URL base;

    static Stream<Arguments> rules() {
        return Stream.of(
                // precedence
                Arguments.of("header only", "GET", new String[] {"Authorization", "Bearer " + ALICE}, 200, "alice"),
                Arguments.of("cookie only", "GET", new String[] {"Cookie", "__Host-jwt=" + ALICE}, 200, "alice"),
                Arguments.of("same token in both", "GET", new String[] {"Authorization", "Bearer " + ALICE,
                    "Cookie", "__Host-jwt=" + ALICE}, 200, "alice"),
                Arguments.of("different tokens: ambiguous", "GET", new String[] {"Authorization", "Bearer " + ALICE,
                    "Cookie", "__Host-jwt=" + BOB}, 401, null),
                Arguments.of("Basic header, cookie used", "GET", new String[] {"Authorization", "Basic YTpi",
                    "Cookie", "__Host-jwt=" + BOB}, 200, "bob"),
                Arguments.of("neither", "GET", new String[] {}, 401, null),
                // cookie parsing (RFC 6265)
                Arguments.of("among other cookies", "GET", new String[] {"Cookie", "a=1; __Host-jwt=" + BOB + "; b=2"},
                        200, "bob"),
                Arguments.of("quoted value", "GET", new String[] {"Cookie", "__Host-jwt=\"" + BOB + "\""}, 200, "bob"),
                Arguments.of("RFC 2109 $Version attribute", "GET", new String[] {"Cookie", "$Version=1; __Host-jwt=" + BOB},
                        200, "bob"),
                Arguments.of("name without the __Host- prefix", "GET", new String[] {"Cookie", "jwt=" + BOB}, 401, null),
                Arguments.of("name in other case", "GET", new String[] {"Cookie", "__host-jwt=" + BOB}, 401, null),
                Arguments.of("empty value", "GET", new String[] {"Cookie", "__Host-jwt="}, 401, null),
                Arguments.of("forged cookie", "GET", new String[] {"Cookie", "__Host-jwt="
                        + TestKeys.ATTACKER.token("alice", "user")}, 401, null),
                // CSRF
                Arguments.of("cookie POST, no Origin", "POST", new String[] {"Cookie", "__Host-jwt=" + ALICE}, 403, null),
                Arguments.of("cookie POST, same-origin fetch", "POST", new String[] {"Cookie", "__Host-jwt=" + ALICE,
                    "Sec-Fetch-Site", "same-origin"}, 200, "changed by alice"),
                Arguments.of("cookie POST, same-site sibling", "POST", new String[] {"Cookie", "__Host-jwt=" + ALICE,
                    "Sec-Fetch-Site", "same-site", "Origin", "http://other.localhost"}, 403, null),
                Arguments.of("cookie POST, cross-site", "POST", new String[] {"Cookie", "__Host-jwt=" + ALICE,
                    "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"}, 403, null),
                Arguments.of("cookie POST, allowed Origin", "POST", new String[] {"Cookie", "__Host-jwt=" + ALICE,
                    "Sec-Fetch-Site", "cross-site", "Origin", ALLOWED_ORIGIN}, 200, "changed by alice"),
                Arguments.of("header POST, no Origin (not ambient)", "POST", new String[] {"Authorization",
                    "Bearer " + ALICE}, 200, "changed by alice"),
                Arguments.of("cookie GET, cross-site (safe method)", "GET", new String[] {"Cookie", "__Host-jwt=" + ALICE,
                    "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"}, 200, "alice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(String rule, String method, String[] headers, int status, String body) {
        HttpResponse<String> response = Http.send(base, "api/who", method, headers);
        assertEquals(status, response.statusCode(), rule);
        if (body != null) {
            assertEquals(body, response.body(), rule);
        }
        if (rule.contains("ambiguous")) {
            assertEquals("Bearer error=\"invalid_request\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
    }
}
