package io.jwtdropin.issue;

import io.jwtdropin.keys.KeyLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerifiedToken;
import io.jwtdropin.verify.VerifierFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every issuing algorithm: a token we mint verifies with the matching configuration, and carries every claim. */
class SigningRoundTripTest {

    @TempDir
    Path dir;

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static JwtAuthConfig config(Map<String, String> values) {
        return ConfigReader.read(key -> Optional.ofNullable(values.get(key)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RS256, RSA, 2048", "PS256, RSA, 2048", "ES256, EC, 256", "EdDSA, Ed25519, 0", "HS256, -, 0"})
    void mintedTokensVerify(String algorithm, String keyType, int size) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.issuer", "https://me.example",
                "mp.jwt.verify.audiences", "app", "jwtdropin.issue.algorithm", algorithm,
                "mp.jwt.verify.publickey.algorithm", algorithm));
        if (keyType.equals("-")) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            values.put("jwtdropin.verify.secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
            if (size > 0) {
                generator.initialize(size);
            }
            KeyPair pair = generator.generateKeyPair();
            Path privateKey = dir.resolve("sign.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            values.put("jwtdropin.issue.key.location", privateKey.toUri().toString());
            values.put("mp.jwt.verify.publickey", pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        JwtAuthConfig config = config(values);
        ClassLoader loader = getClass().getClassLoader();
        TokenSigner signer = new TokenSigner(config.issuing().orElseThrow(),
                KeyLoader.signingKey(config.issuing().get().signingKey(), loader), Clock.systemUTC());
        TokenVerifier verifier = VerifierFactory.create(config, loader, Clock.systemUTC());

        IssuedToken token = new TokenIssuer.Builder(signer, "alice").groups("user", "admin").claim("email", "a@x").issue();
        VerifiedToken verified = verifier.verify(token.token());
        assertEquals("alice", verified.name());
        assertEquals(java.util.Set.of("user", "admin"), verified.groups());
        assertEquals("https://me.example", verified.claims().getString("iss"));
        assertEquals("app", verified.claims().getString("aud"));
        assertEquals("a@x", verified.claims().getString("email"));
        assertTrue(verified.claims().containsKey("jti") && verified.claims().containsKey("iat"));
        assertEquals(900, verified.claims().getJsonNumber("exp").longValue() - verified.claims().getJsonNumber("iat").longValue());

        String tampered = token.token().substring(0, token.token().lastIndexOf('.') + 1) + "AAAA";
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(tampered));
        assertTrue(List.of(FailureReason.BAD_SIGNATURE, FailureReason.MALFORMED).contains(e.reason()), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"16", "31"})
    void aSecretShorterThanTheHashFailsDeployment(int bytes) {
        JwtAuthConfig config = config(Map.of("jwtdropin.verify.secret",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[bytes]), "mp.jwt.verify.publickey.algorithm", "HS256"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> VerifierFactory.create(config, getClass().getClassLoader(), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("HS256 needs at least 32"), e.getMessage());
    }
}
