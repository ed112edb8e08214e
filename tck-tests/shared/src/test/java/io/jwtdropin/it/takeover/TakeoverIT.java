package io.jwtdropin.it.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * With our jar in an app that has {@code @LoginConfig(authMethod="MP-JWT")}, Payara Micro's built-in MP-JWT is
 * out of play: the caller principal is ours, the one mechanism resolved is ours, and there is one JsonWebToken bean.
 * {@link BuiltinControlIT} deploys the same app without our jar and sees Payara's classes, so this test can tell.
 */
@ExtendWith(ArquillianExtension.class)
class TakeoverIT {

    static final String OUR_PRINCIPAL = "io.jwtdropin.principal.JwtPrincipal";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("takeover", "", TakeoverApp.class, WhoAmIResource.class, PrincipalResource.class,
                ClaimsByInjection.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void ourImplementationAnswers() {
        HttpResponse<String> response = Http.get(base, "api/whoami", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user", "admin")));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject who = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(OUR_PRINCIPAL, who.getString("principalClass"));
        assertEquals("io.jwtdropin.mechanism.JwtAuthenticationMechanism", who.getString("mechanismClass"));
        assertEquals("alice", who.getString("name"));
        assertEquals("alice", who.getString("injectedName"));
        assertEquals("alice", who.getString("claimUpn"));
        assertEquals("[admin, user]", who.getString("constructorGroups"), "@Claim on a constructor parameter");
        assertTrue(who.getBoolean("initializerIatSet"), "@Claim on an initializer parameter");
        assertEquals(1, who.getInt("jsonWebTokenBeans"), "only our JsonWebToken bean is visible");
        assertEquals(1, who.getInt("mechanisms"), "only our mechanism is visible");
        DirectBridgeExpectation.assertProvider(who.getString("authProvider"));
    }

    @Test
    void samePrincipalAsTheControlSees() {
        HttpResponse<String> response = Http.get(base, "api/principal", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user")));
        assertEquals(200, response.statusCode());
        assertEquals(OUR_PRINCIPAL, response.body());
    }
}
