package io.jwtdropin.it.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.it.support.TestKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code jwtdropin.mechanism.direct=false} the container reaches our mechanism through the server's own Jakarta
 * Security bridge, as without the shortcut: the same answers for a caller, no token and a bad token.
 */
@ExtendWith(ArquillianExtension.class)
class StandardBridgeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("standardbridge", "jwtdropin.mechanism.direct=false\n", TakeoverApp.class,
                WhoAmIResource.class, ClaimsByInjection.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theServersBridgeCallsOurMechanism() {
        HttpResponse<String> response = Http.get(base, "api/whoami", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user")));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject who = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(TakeoverIT.OUR_PRINCIPAL, who.getString("principalClass"));
        assertEquals("alice", who.getString("injectedName"));
        assertNotEquals(DirectBridgeExpectation.DIRECT, who.getString("authProvider"));
    }

    @Test
    void refusalsAreTheSame() {
        HttpResponse<String> none = Http.get(base, "api/whoami");
        assertEquals(401, none.statusCode());
        HttpResponse<String> forged = Http.get(base, "api/whoami", "Authorization",
                Http.bearer(TestKeys.ATTACKER.token("alice", "user")));
        assertEquals(401, forged.statusCode());
        assertTrue(forged.headers().allValues("WWW-Authenticate").contains("Bearer error=\"invalid_token\""),
                forged.headers().map().toString());
        HttpResponse<String> noRole = Http.get(base, "api/whoami", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("bob", "guest")));
        assertEquals(403, noRole.statusCode());
    }
}
