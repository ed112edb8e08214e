package io.jwtdropin.it.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.it.support.TestKeys;
import io.jwtdropin.junit5.DpopKey;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DPoP-bound tokens (RFC 9449) over real HTTP with the default configuration ({@code jwtdropin.dpop.mode=allowed}):
 * a bound token works only with a fresh proof of its key for this very request; bearer tokens keep working.
 */
@ExtendWith(ArquillianExtension.class)
class DpopIT {

    static final DpopKey CLIENT = DpopKey.generate();
    static final DpopKey THIEF = DpopKey.generate();
    static final String ALGS = "algs=\"ES256 ES384 ES512 EdDSA PS256 PS384 PS512 RS256 RS384 RS512\"";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("dpop", "", DpopApp.class, NotesResource.class);
    }

    @ArquillianResource
    URL base;

    public static String boundToken(DpopKey key) {
        return TestKeys.TRUSTED.token(TestKeys.claims("alice", Instant.now(), Duration.ofMinutes(5), "user")
                .claim("cnf", key.confirmation()).build());
    }

    String url() {
        return base.toExternalForm() + "api/notes";
    }

    HttpResponse<String> call(String method, String token, String... proofs) {
        String[] headers = new String[2 + 2 * proofs.length];
        headers[0] = "Authorization";
        headers[1] = "DPoP " + token;
        for (int i = 0; i < proofs.length; i++) {
            headers[2 + 2 * i] = "DPoP";
            headers[3 + 2 * i] = proofs[i];
        }
        return Http.send(base, "api/notes", method, headers);
    }

    static void assertRefused(HttpResponse<String> response, String firstChallenge) {
        assertEquals(401, response.statusCode(), response.body());
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        assertEquals(firstChallenge, challenges.isEmpty() ? "" : challenges.get(0), "challenges " + challenges);
        assertFalse(response.body().contains("JWTD") || response.body().contains("dpop+jwt"), "no internals in the body");
    }

    static final String INVALID_PROOF = "DPoP error=\"invalid_dpop_proof\", " + ALGS;

    @Test
    void aBoundTokenWithAFreshProofPerRequestIsServed() {
        String token = boundToken(CLIENT);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> read = call("GET", token, CLIENT.proof("GET", url(), token));
            assertEquals(200, read.statusCode(), read.body());
            assertEquals("alice:" + CLIENT.thumbprint(), read.body());
        }
        HttpResponse<String> write = call("POST", token, CLIENT.proof("POST", url(), token));
        assertEquals(200, write.statusCode(), write.body());
        assertEquals("written by alice:" + CLIENT.thumbprint(), write.body());
    }

    @Test
    void aBoundTokenAsBearerIsRefusedWithBothChallenges() {
        String token = boundToken(CLIENT);
        HttpResponse<String> response = Http.get(base, "api/notes", "Authorization", Http.bearer(token),
                "DPoP", CLIENT.proof("GET", url(), token));
        assertRefused(response, "Bearer error=\"invalid_token\"");
        assertEquals(List.of("Bearer error=\"invalid_token\"", "DPoP " + ALGS),
                response.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void withoutAProofTheTokenIsRefused() {
        assertRefused(call("GET", boundToken(CLIENT)), INVALID_PROOF);
    }

    @Test
    void aReplayedProofIsRefused() {
        String token = boundToken(CLIENT);
        String proof = CLIENT.proof("GET", url(), token);
        assertEquals(200, call("GET", token, proof).statusCode());
        assertRefused(call("GET", token, proof), INVALID_PROOF);
    }

    @Test
    void aStolenTokenWithTheThiefsOwnProofIsRefused() {
        String token = boundToken(CLIENT);
        assertRefused(call("GET", token, THIEF.proof("GET", url(), token)), INVALID_PROOF);
    }

    @Test
    void aProofForAnotherRequestIsRefused() {
        String token = boundToken(CLIENT);
        assertRefused(call("GET", token, CLIENT.proof("POST", url(), token)), INVALID_PROOF);
        assertRefused(call("GET", token, CLIENT.proof("GET", base.toExternalForm() + "api/other", token)), INVALID_PROOF);
        assertRefused(call("GET", token, CLIENT.proof("GET", url(), boundToken(CLIENT))), INVALID_PROOF);
        assertRefused(call("GET", token, CLIENT.proof("GET", url(), token, null, Instant.now().minusSeconds(300))),
                INVALID_PROOF);
    }

    @Test
    void twoProofHeadersAreRefused() {
        String token = boundToken(CLIENT);
        assertRefused(call("GET", token, CLIENT.proof("GET", url(), token), CLIENT.proof("GET", url(), token)),
                INVALID_PROOF);
    }

    @Test
    void anUnboundTokenWithTheDpopSchemeIsRefused() {
        String token = TestKeys.TRUSTED.token("alice", "user");
        assertRefused(call("GET", token, CLIENT.proof("GET", url(), token)), "DPoP error=\"invalid_token\", " + ALGS);
    }

    @Test
    void bearerTokensStillWorkAndNoTokenGetsBothChallenges() {
        HttpResponse<String> bearer = Http.get(base, "api/notes", "Authorization",
                Http.bearer(TestKeys.TRUSTED.token("bob", "user")));
        assertEquals(200, bearer.statusCode());
        assertEquals("bob:unbound", bearer.body());
        HttpResponse<String> none = Http.get(base, "api/notes");
        assertEquals(401, none.statusCode());
        assertEquals(List.of("Bearer", "DPoP " + ALGS), none.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void aForgedTokenWithAValidProofIsRefusedAsAToken() {
        String forged = TestKeys.ATTACKER.token(TestKeys.claims("alice", Instant.now(), Duration.ofMinutes(5), "user")
                .claim("cnf", CLIENT.confirmation()).build());
        HttpResponse<String> response = call("GET", forged, CLIENT.proof("GET", url(), forged));
        assertRefused(response, "DPoP error=\"invalid_token\", " + ALGS);
        assertTrue(response.headers().allValues("WWW-Authenticate").contains("Bearer"));
    }
}
