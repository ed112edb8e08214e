package io.jwtdropin.it.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.it.support.TestKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container's Subject for a caller belongs to the token of the request, whatever the container keeps between
 * requests. Open Liberty keeps one: the jar names its cache entry by the token (see LibertyLoginHints), so a token
 * seen before gets the same Subject instance there, and this test checks that no other token ever gets it.
 */
@ExtendWith(ArquillianExtension.class)
class CallerSubjectIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("subject", "", SubjectApp.class, SubjectResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void eachTokenGetsASubjectHoldingItself() {
        String admin = TestKeys.TRUSTED.token("alice", "user", "admin");
        String user = TestKeys.TRUSTED.token("alice", "user");
        JsonObject first = subject(admin);
        JsonObject again = subject(admin);
        JsonObject other = subject(user);
        assertEquals(1, first.getInt("tokens"), "one JsonWebToken in the caller's Subject");
        assertEquals(jti(admin), first.getString("jti"));
        assertEquals(jti(admin), again.getString("jti"));
        assertEquals(jti(user), other.getString("jti"), "the same user's other token is not served the first's Subject");
        assertNotEquals(first.getInt("identity"), other.getInt("identity"));
        if ("liberty".equals(System.getProperty("it.server"))) {
            assertEquals(first.getInt("identity"), again.getInt("identity"),
                    "Liberty reuses the Subject it built for a token it has seen (no login, no LTPA signature)");
        }
    }

    @Test
    void rolesFollowTheTokenOfTheRequest() {
        String admin = TestKeys.TRUSTED.token("bob", "user", "admin");
        String user = TestKeys.TRUSTED.token("bob", "user");
        assertEquals(200, Http.get(base, "api/admin", "Authorization", Http.bearer(admin)).statusCode());
        assertEquals(403, Http.get(base, "api/admin", "Authorization", Http.bearer(user)).statusCode(),
                "same user, a token without the group: no role from the earlier token's Subject");
        assertEquals(200, Http.get(base, "api/admin", "Authorization", Http.bearer(admin)).statusCode());
        assertEquals(401, Http.get(base, "api/admin", "Authorization",
                Http.bearer(TestKeys.TRUSTED.expiredToken("bob", Duration.ofMinutes(10), "user", "admin")))
                .statusCode());
    }

    private JsonObject subject(String token) {
        HttpResponse<String> response = Http.get(base, "api/subject", "Authorization", Http.bearer(token));
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String jti(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
