package io.jwtdropin.it.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.it.support.TestKeys;
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
 * archive processor to leave it out) and the same token: the server's built-in MP-JWT accepts it and answers with
 * its own principal class, so TakeoverIT's assertions really tell the implementations apart. On Open Liberty, whose
 * built-in (the {@code mpJwt} feature) is not in the server we run our jar on, nothing accepts the token.
 */
@ExtendWith(ArquillianExtension.class)
class BuiltinControlIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("builtin-control", "", TakeoverApp.class, PrincipalResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void withoutOurJarTheBuiltinAnswers() {
        HttpResponse<String> response = Http.get(base, "api/principal", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user")));
        if ("liberty".equals(System.getProperty("it.server"))) {
            // Open Liberty runs our jar without its mpJwt feature, so without our jar nothing reads the token.
            assertTrue(response.statusCode() == 401 || response.statusCode() == 403, response.statusCode() + " "
                    + response.body());
            return;
        }
        assertEquals(200, response.statusCode(), "the built-in accepts the same token: " + response.body());
        assertNotEquals(TakeoverIT.OUR_PRINCIPAL, response.body(), "the built-in's principal is not ours");
    }
}
