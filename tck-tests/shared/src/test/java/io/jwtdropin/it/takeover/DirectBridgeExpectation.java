package io.jwtdropin.it.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Which Jakarta Authentication provider the container calls for an application with our jar: ours where Soteria is
 * the server's Jakarta Security (Payara, GlassFish, WildFly), the server's own path on Open Liberty.
 */
final class DirectBridgeExpectation {

    static final String DIRECT = "io.jwtdropin.mechanism.DirectBridgeProvider";

    private DirectBridgeExpectation() {
    }

    static void assertProvider(String provider) {
        if ("liberty".equals(System.getProperty("it.server"))) {
            assertNotEquals(DIRECT, provider, "Open Liberty's Jakarta Security is not Soteria: the standard path");
        } else {
            assertEquals(DIRECT, provider, "the container calls our mechanism directly where Soteria is the bridge");
        }
    }
}
