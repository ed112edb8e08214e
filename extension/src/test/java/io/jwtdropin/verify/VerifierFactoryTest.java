package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.JwtAuthConfig;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad key configuration fails deployment with one sentence naming the key and the problem. */
class VerifierFactoryTest {

    static final KeyPair RSA_1024 = TokenVerifierTest.generate("RSA", 1024);

    static Stream<Arguments> badConfigurations() {
        KeyPair rsa = TokenVerifierTest.RSA;
        String privatePem = TokenVerifierTest.privatePem(rsa);
        String privateJwk = new RSAKey.Builder((RSAPublicKey) rsa.getPublic()).privateKey((RSAPrivateKey) rsa.getPrivate())
                .keyID("k1").build().toJSONString();
        String rs384Jwk = new RSAKey.Builder((RSAPublicKey) rsa.getPublic()).algorithm(com.nimbusds.jose.JWSAlgorithm.RS384)
                .build().toJSONString();
        return Stream.of(
                Arguments.of(Map.of("mp.jwt.verify.publickey", privatePem), "mp.jwt.verify.publickey", "private key"),
                Arguments.of(Map.of("mp.jwt.verify.publickey", privateJwk), "mp.jwt.verify.publickey", "private JWK"),
                Arguments.of(Map.of("mp.jwt.verify.publickey", TokenVerifierTest.pem(RSA_1024)), "mp.jwt.verify.publickey",
                        "1024 bits"),
                Arguments.of(Map.of("mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----\nAAAA"), "mp.jwt.verify.publickey",
                        "no complete PEM block"),
                Arguments.of(Map.of("mp.jwt.verify.publickey", "{\"kty\":\"RSA\"}"), "mp.jwt.verify.publickey",
                        "not a valid JWK"),
                Arguments.of(Map.of("mp.jwt.verify.publickey", rs384Jwk, "mp.jwt.verify.publickey.algorithm", "RS256"),
                        "mp.jwt.verify.publickey", "no key usable"),
                Arguments.of(Map.of("mp.jwt.verify.publickey", TokenVerifierTest.pem(TokenVerifierTest.EC),
                        "mp.jwt.verify.publickey.algorithm", "RS256"), "mp.jwt.verify.publickey", "no key usable"),
                Arguments.of(Map.of("mp.jwt.verify.publickey.location", "/no/such/key.pem"),
                        "mp.jwt.verify.publickey.location", "not on the application class path"),
                Arguments.of(Map.of("mp.jwt.verify.publickey.location", "ftp://example.com/key.pem"),
                        "mp.jwt.verify.publickey.location", "unsupported URL scheme"),
                Arguments.of(Map.of("mp.jwt.verify.publickey.location", "file:/no/such/file.pem"),
                        "mp.jwt.verify.publickey.location", "cannot be read"),
                Arguments.of(Map.of(), "mp.jwt.verify.publickey.location", "is not set"),
                Arguments.of(Map.of("mp.jwt.verify.publickey", TokenVerifierTest.pem(rsa),
                        "mp.jwt.decrypt.key.location", "file:/no/such/decrypt.pem"), "mp.jwt.decrypt.key.location",
                        "cannot be read"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badConfigurations")
    void failsNamingTheKey(Map<String, String> values, String key, String problem) {
        JwtAuthConfig config = ConfigReader.read(k -> Optional.ofNullable(new HashMap<>(values).get(k)));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> VerifierFactory.create(config, VerifierFactoryTest.class.getClassLoader(), Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith("jwt-dropin: " + key + " "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
