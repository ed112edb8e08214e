package io.jwtdropin.it.cookie;

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
 * {@code mp.jwt.token.header=Cookie}: the token in a plain RFC 6265 {@code Cookie: name=value} header, among other
 * cookies — the form browsers send, which Payara's built-in does not understand (it wants {@code $Version=}).
 */
@ExtendWith(ArquillianExtension.class)
class CookieTokenIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("cookie", "mp.jwt.token.header=Cookie\nmp.jwt.token.cookie=jwt\n",
                CookieApp.class, CookieResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void plainCookieAmongOthers() {
        String token = TestKeys.TRUSTED.token("carol", "user");
        HttpResponse<String> response = Http.get(base, "api/me", "Cookie", "theme=dark; jwt=" + token + "; lang=en");
        assertEquals(200, response.statusCode());
        assertEquals("carol", response.body());
    }

    @Test
    void quotedCookieValue() {
        String token = TestKeys.TRUSTED.token("carol", "user");
        HttpResponse<String> response = Http.get(base, "api/me", "Cookie", "jwt=\"" + token + "\"");
        assertEquals(200, response.statusCode());
    }

    @Test
    void cookieNameMustMatchExactly() {
        String token = TestKeys.TRUSTED.token("carol", "user");
        assertEquals(401, Http.get(base, "api/me", "Cookie", "JWT=" + token).statusCode());
        assertEquals(401, Http.get(base, "api/me", "Cookie", "xjwt=" + token).statusCode());
    }

    @Test
    void headerIsIgnoredWhenCookieIsConfigured() {
        String token = TestKeys.TRUSTED.token("carol", "user");
        assertEquals(401, Http.get(base, "api/me", "Authorization", Http.bearer(token)).statusCode());
    }

    @Test
    void forgedCookieIs401() {
        String token = TestKeys.ATTACKER.token("carol", "user");
        HttpResponse<String> response = Http.get(base, "api/me", "Cookie", "jwt=" + token);
        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }
}
