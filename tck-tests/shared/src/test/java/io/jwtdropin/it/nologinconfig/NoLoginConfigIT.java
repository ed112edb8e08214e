package io.jwtdropin.it.nologinconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * An application without {@code @LoginConfig} works as one with it: our mechanism authenticates, roles apply, the
 * token is injected. On WildFly this needs the one server attribute the README names (the module's test server has
 * it); no server needs anything in the application.
 */
@ExtendWith(ArquillianExtension.class)
class NoLoginConfigIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("nologinconfig", "", PlainApp.class, CallerResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void ourMechanismServesAnApplicationWithoutLoginConfig() {
        HttpResponse<String> ok = Http.get(base, "api/caller", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("alice", "user")));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("io.jwtdropin.principal.JwtPrincipal alice", ok.body());
        assertEquals(403, Http.get(base, "api/caller", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("bob", "guest"))).statusCode(), "a role the caller lacks");
        HttpResponse<String> none = Http.get(base, "api/caller");
        assertEquals(401, none.statusCode());
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> forged = Http.get(base, "api/caller", "Authorization", Http.bearer("x.y.z"));
        assertEquals(401, forged.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", forged.headers().firstValue("WWW-Authenticate").orElse(""));
    }
}
