package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusals that need a particular key set-up: kid mismatch, unreachable keys, JWE failures; and the ids. */
class MoreRefusalsTest {

    @TempDir
    Path dir;

    static FailureReason refusal(TokenVerifier verifier, String token) {
        return assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void unknownKidAmongNamedKeysMatchesNoKey() {
        String jwks = new JWKSet(java.util.List.of(
                new RSAKey.Builder((RSAPublicKey) TokenVerifierTest.RSA.getPublic()).keyID("k1").build(),
                new RSAKey.Builder((RSAPublicKey) TokenVerifierTest.OTHER_RSA.getPublic()).keyID("k2").build())).toString();
        TokenVerifier verifier = TokenVerifierTest.verifier(Map.of("mp.jwt.verify.publickey", jwks));
        String token = TokenVerifierTest.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k3").build(),
                TokenVerifierTest.claims().build(), TokenVerifierTest.RSA);
        assertEquals(FailureReason.NO_MATCHING_KEY, refusal(verifier, token));
        String named = TokenVerifierTest.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                TokenVerifierTest.claims().build(), TokenVerifierTest.RSA);
        assertEquals("alice@example", assertDoesNotThrow(verifier, named).name());
    }

    @Test
    void unreachableKeyLocationRefusesWithoutHanging() {
        TokenVerifier verifier = TokenVerifierTest.verifier(Map.of("mp.jwt.verify.publickey", "",
                "mp.jwt.verify.publickey.location", "http://127.0.0.1:9/jwks.json"));
        long start = System.nanoTime();
        assertEquals(FailureReason.KEYS_UNAVAILABLE, refusal(verifier, TokenVerifierTest.rs256(TokenVerifierTest.claims().build())));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "bounded by the connect timeout");
    }

    @Test
    void jweFailures() throws Exception {
        KeyPair decryption = TokenVerifierTest.generate("RSA", 2048);
        Path file = dir.resolve("decrypt.pem");
        Files.writeString(file, TokenVerifierTest.privatePem(decryption));
        TokenVerifier verifier = TokenVerifierTest.verifier(Map.of("mp.jwt.decrypt.key.location", file.toUri().toString()));
        String inner = TokenVerifierTest.rs256(TokenVerifierTest.claims().build());
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM).contentType("JWT").build();

        JWEObject toAnotherKey = new JWEObject(header, new Payload(inner));
        toAnotherKey.encrypt(new RSAEncrypter((RSAPublicKey) TokenVerifierTest.generate("RSA", 2048).getPublic()));
        assertEquals(FailureReason.DECRYPTION_FAILED, refusal(verifier, toAnotherKey.serialize()));

        JWEObject bareClaims = new JWEObject(header, new Payload(TokenVerifierTest.claims().build().toJSONObject()));
        bareClaims.encrypt(new RSAEncrypter((RSAPublicKey) decryption.getPublic()));
        assertEquals(FailureReason.NOT_NESTED, refusal(verifier, bareClaims.serialize()));
    }

    @Test
    void everyReasonHasItsOwnStableId() {
        Set<String> ids = Arrays.stream(FailureReason.values()).map(FailureReason::id).collect(Collectors.toSet());
        assertEquals(FailureReason.values().length, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.matches("JWTD-1\\d\\d")), ids.toString());
    }

    private static VerifiedToken assertDoesNotThrow(TokenVerifier verifier, String token) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> verifier.verify(token));
    }
}
