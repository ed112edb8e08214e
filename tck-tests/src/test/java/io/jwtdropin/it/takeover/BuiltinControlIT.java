package io.jwtdropin.it.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
 * The control for {@link TakeoverIT}: the same application WITHOUT our jar (the {@code builtin-} prefix tells the
 * archive processor to leave it out) is served by Payara's built-in MP-JWT, whose principal class is not ours.
 */
@ExtendWith(ArquillianExtension.class)
class BuiltinControlIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("builtin-control", "", TakeoverApp.class, WhoAmIResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void payaraBuiltinAnswersWithoutOurJar() {
        HttpResponse<String> response = Http.get(base, "api/whoami", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user")));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject who = Json.createReader(new StringReader(response.body())).readObject();
        assertNotEquals(TakeoverIT.OUR_PRINCIPAL, who.getString("principalClass"));
        assertEquals("alice", who.getString("name"));
    }
}
