package io.jwtdropin.junit5;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(JwtTestKeys.class)}: a throw-away key pair for the test JVM, tokens signed with it as test
 * method parameters ({@link TestTokens}, {@link TestKeyPair}), and the standard MicroProfile JWT keys that make an
 * application trust it — as system properties for an application in this JVM, and as
 * {@link #microProfileConfig()} text to put into a deployment's {@code META-INF/microprofile-config.properties}.
 */
public final class JwtTestKeys implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** The {@code iss} of the tokens minted here. */
    public static final String ISSUER = "https://jwt-dropin.test/issuer";

    private static final class Shared {
        static final TestKeyPair KEYS = TestKeyPair.generate("jwt-dropin-test-1");
    }

    private final Map<String, String> previous = new HashMap<>();

    /** The key pair shared by every test in this JVM (generated on first use). */
    public static TestKeyPair keyPair() {
        return Shared.KEYS;
    }

    /** Tokens signed by {@link #keyPair()} for {@link #ISSUER}. */
    public static TestTokens tokens() {
        return Shared.KEYS.tokens(ISSUER);
    }

    /** The {@code mp.jwt.*} keys, as the key/value pairs an application needs to trust {@link #tokens()}. */
    public static Map<String, String> mpJwtKeys() {
        return Map.of("mp.jwt.verify.publickey", Shared.KEYS.publicJwks(), "mp.jwt.verify.issuer", ISSUER);
    }

    /** {@link #mpJwtKeys()} as the text of a {@code microprofile-config.properties} file. */
    public static String microProfileConfig() {
        StringBuilder text = new StringBuilder();
        mpJwtKeys().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        mpJwtKeys().forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        previous.clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestTokens.class || type == TestKeyPair.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestTokens.class ? tokens() : keyPair();
    }
}
