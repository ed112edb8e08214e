package io.jwtdropin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

    private static JwtAuthConfig read(Map<String, String> values) {
        return ConfigReader.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaults() {
        JwtAuthConfig config = read(Map.of());
        assertTrue(config.verificationKey().implicit());
        assertEquals("/publicKey.pem", config.verificationKey().value());
        assertEquals(JwtAuthConfig.TokenSource.AUTHORIZATION_HEADER, config.tokenSource());
        assertEquals("Bearer", config.cookieName());
        assertEquals(Duration.ofSeconds(60), config.clockSkew());
        assertEquals(Optional.empty(), config.maxTokenAge());
        assertEquals(Set.of("RSA-OAEP", "RSA-OAEP-256"), config.decryptAlgorithms());
        assertEquals(8192, config.maxTokenLength());
    }

    @Test
    void standardKeys() {
        JwtAuthConfig config = read(Map.of(
                "mp.jwt.verify.publickey.location", "https://idp.example/jwks",
                "mp.jwt.verify.publickey.algorithm", "ES256",
                "mp.jwt.verify.issuer", "https://idp.example",
                "mp.jwt.verify.audiences", "a, b,,c",
                "mp.jwt.token.header", "Cookie",
                "mp.jwt.token.cookie", "jwt",
                "mp.jwt.verify.clock.skew", "5",
                "mp.jwt.verify.token.age", "300",
                "mp.jwt.decrypt.key.algorithm", "RSA-OAEP-256"));
        assertTrue(config.verificationKey().isRemote());
        assertEquals(Set.of("ES256"), config.algorithms());
        assertEquals(Optional.of("https://idp.example"), config.issuer());
        assertEquals(Set.of("a", "b", "c"), config.audiences());
        assertEquals(JwtAuthConfig.TokenSource.COOKIE, config.tokenSource());
        assertEquals("jwt", config.cookieName());
        assertEquals(Duration.ofSeconds(5), config.clockSkew());
        assertEquals(Optional.of(Duration.ofSeconds(300)), config.maxTokenAge());
        assertEquals(Set.of("RSA-OAEP-256"), config.decryptAlgorithms());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "mp.jwt.verify.publickey.algorithm | HS256 | unsupported algorithm 'HS256'",
        "mp.jwt.verify.publickey.algorithm | none | unsupported algorithm 'none'",
        "mp.jwt.token.header | X-Token | must be 'Authorization' or 'Cookie'",
        "mp.jwt.verify.clock.skew | -1 | must not be negative",
        "mp.jwt.verify.clock.skew | soon | must be a whole number",
        "mp.jwt.verify.token.age | 1.5 | must be a whole number",
        "mp.jwt.decrypt.key.algorithm | RSA1_5 | unsupported algorithm 'RSA1_5'",
        "jwtdropin.token.max-length | 0 | must be a positive whole number"})
    void invalidValueNamesKeyAndProblem(String key, String value, String problem) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> read(Map.of(key, value)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void keyAndLocationTogetherIsAnError() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> read(Map.of(
                "mp.jwt.verify.publickey", "x", "mp.jwt.verify.publickey.location", "/k.pem")));
        assertTrue(e.getMessage().contains("both set"), e.getMessage());
    }
}
