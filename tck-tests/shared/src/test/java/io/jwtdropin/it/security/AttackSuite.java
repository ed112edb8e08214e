package io.jwtdropin.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Http;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Sends each attack of a catalogue through one transport and asserts the refusal contract. */
final class AttackSuite {

    static final String CONFIG = "mp.jwt.verify.audiences=" + AttackCatalog.AUDIENCE + "\n"
            + "jwtdropin.token.max-length=4096\n";

    enum Transport {
        HEADER("Authorization", "Bearer "), COOKIE("Cookie", "theme=dark; jwt=");

        final String header;
        final String prefix;

        Transport(String header, String prefix) {
            this.header = header;
            this.prefix = prefix;
        }

        HttpResponse<String> send(URL base, String token) {
            return Http.get(base, "api/target", header, prefix + token);
        }
    }

    private AttackSuite() {
    }

    static Stream<DynamicTest> tests(URL base, AttackCatalog catalog, Transport transport) {
        DynamicTest control = DynamicTest.dynamicTest("control: a valid token is accepted", () -> {
            HttpResponse<String> response = transport.send(base, catalog.valid());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("reached by mallory", response.body());
        });
        return Stream.concat(Stream.of(control), catalog.all().stream().map(attack ->
                DynamicTest.dynamicTest(attack.name(), () -> {
                    HttpResponse<String> response = transport.send(base, attack.token());
                    assertTrue(response.statusCode() < 500, "never a 5xx, got " + response.statusCode());
                    assertEquals(401, response.statusCode(), attack.name());
                    assertEquals("Bearer error=\"invalid_token\"",
                            response.headers().firstValue("WWW-Authenticate").orElse(""), attack.name());
                    assertFalse(response.body().contains("Exception"), "no internals: " + response.body());
                    assertFalse(response.body().contains("reached by"), attack.name());
                })));
    }
}
