package io.jwtdropin.it.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.it.support.TestKeys;
import io.jwtdropin.junit5.DpopKey;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Server nonces (RFC 9449 §8, {@code jwtdropin.dpop.nonce=true}): the client learns the nonce from a 401 and retries. */
@ExtendWith(ArquillianExtension.class)
class DpopNonceIT {

    static final DpopKey CLIENT = DpopKey.generate();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("dpop-nonce", "jwtdropin.dpop.nonce=true\n", DpopApp.class, NotesResource.class);
    }

    @ArquillianResource
    URL base;

    HttpResponse<String> call(String token, String proof) {
        return Http.get(base, "api/notes", "Authorization", "DPoP " + token, "DPoP", proof);
    }

    @Test
    void aProofWithoutTheNonceGetsItAndTheRetryIsServed() {
        String token = DpopIT.boundToken(CLIENT);
        String url = base.toExternalForm() + "api/notes";
        HttpResponse<String> first = call(token, CLIENT.proof("GET", url, token));
        assertEquals(401, first.statusCode());
        assertTrue(first.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"use_dpop_nonce\""),
                String.valueOf(first.headers().allValues("WWW-Authenticate")));
        String nonce = first.headers().firstValue("DPoP-Nonce").orElseThrow(() -> new AssertionError("no DPoP-Nonce"));
        HttpResponse<String> retry = call(token, CLIENT.proof("GET", url, token, nonce, Instant.now()));
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(nonce, retry.headers().firstValue("DPoP-Nonce").orElse(""), "the current nonce rides along");
        HttpResponse<String> wrong = call(token, CLIENT.proof("GET", url, token, nonce + "x", Instant.now()));
        assertEquals(401, wrong.statusCode());
        assertEquals(nonce, wrong.headers().firstValue("DPoP-Nonce").orElse(""));
        assertEquals(200, Http.get(base, "api/notes", "Authorization", Http.bearer(TestKeys.TRUSTED.token("bob", "user")))
                .statusCode(), "bearer tokens need no nonce");
    }
}
