package io.jwtdropin.it.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Http;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's curl walk-through against the sample WAR as built: tokens from {@code POST /auth/token}. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleAppIT {

    /** Servers with no JCache data grid of their own: revocation there is node-local (with a warning). */
    static final Set<String> SERVERS_WITHOUT_GRID = Set.of("glassfish", "wildfly", "liberty");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleApp.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void readmeWalkThrough() {
        assertEquals(200, Http.get(base, "api/public").statusCode());
        assertEquals(401, Http.get(base, "api/me").statusCode());
        assertEquals(401, Http.postJson(base, "auth/token", "{\"username\":\"alice\",\"password\":\"wrong\"}").statusCode());
        String user = SampleApp.token(base, "alice", "alice-password");
        HttpResponse<String> me = Http.get(base, "api/me", "Authorization", Http.bearer(user));
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"name\":\"alice\""), me.body());
        assertEquals(403, Http.get(base, "api/admin", "Authorization", Http.bearer(user)).statusCode());
        String admin = SampleApp.token(base, "admin", "admin-password");
        assertEquals(200, Http.get(base, "api/admin", "Authorization", Http.bearer(admin)).statusCode());
        assertEquals(401, Http.get(base, "api/me", "Authorization", Http.bearer("x" + user)).statusCode());
    }

    @Test
    void loginSetsASafeCookieAndLogoutClearsIt() {
        HttpResponse<String> login = Http.postForm(base, "auth/login", "username=alice&password=alice-password");
        assertEquals(303, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("__Host-jwt=ey"), cookie);
        for (String attribute : new String[] {"Path=/", "Max-Age=900", "Secure", "HttpOnly", "SameSite=Strict"}) {
            assertTrue(cookie.contains("; " + attribute), attribute + " in " + cookie);
        }
        HttpResponse<String> logout = Http.postForm(base, "auth/logout", "", "Sec-Fetch-Site", "same-origin");
        assertTrue(logout.headers().firstValue("Set-Cookie").orElseThrow().startsWith("__Host-jwt=; Path=/; Max-Age=0"));
    }

    @Test
    void logoutRevokesTheTokenItself() {
        String token = SampleApp.token(base, "alice", "alice-password");
        String other = SampleApp.token(base, "alice", "alice-password");
        assertEquals(200, Http.get(base, "api/me", "Authorization", Http.bearer(token)).statusCode());
        assertEquals(303, Http.postForm(base, "auth/logout", "", "Authorization", Http.bearer(token)).statusCode());
        HttpResponse<String> after = Http.get(base, "api/me", "Authorization", Http.bearer(token));
        assertEquals(401, after.statusCode(), "a copy of the logged-out token no longer works");
        assertEquals("Bearer error=\"invalid_token\"", after.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(200, Http.get(base, "api/me", "Authorization", Http.bearer(other)).statusCode(),
                "the same user's other session goes on");
    }

    @Test
    @Order(Integer.MAX_VALUE) // alice's tokens issued in this second are revoked too: no test may follow it
    void anAdminLogsAUserOutEverywhere() {
        String bobs = SampleApp.token(base, "alice", "alice-password");
        String admin = SampleApp.token(base, "admin", "admin-password");
        assertEquals(403, Http.send(base, "api/admin/revoke/admin", "POST", "Authorization", Http.bearer(bobs))
                .statusCode(), "users cannot revoke");
        HttpResponse<String> revoked = Http.send(base, "api/admin/revoke/alice", "POST", "Authorization",
                Http.bearer(admin));
        assertEquals(200, revoked.statusCode(), revoked.body());
        if (SERVERS_WITHOUT_GRID.contains(System.getProperty("it.server"))) {
            // No data grid: the deployment still works, revocation holds on this node, and the answer says so.
            assertTrue(revoked.body().endsWith("(this node only)"), revoked.body());
        }
        assertEquals(401, Http.get(base, "api/me", "Authorization", Http.bearer(bobs)).statusCode());
        assertEquals(200, Http.get(base, "api/admin", "Authorization", Http.bearer(admin)).statusCode());
    }
}
