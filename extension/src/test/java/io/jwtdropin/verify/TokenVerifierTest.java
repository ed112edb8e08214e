package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The verification path, one row per way a token can be wrong, with real keys and real signatures. */
class TokenVerifierTest {

    @TempDir
    java.nio.file.Path dir;

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String ISSUER = "https://issuer.example";
    static final KeyPair RSA = generate("RSA", 2048);
    static final KeyPair OTHER_RSA = generate("RSA", 2048);
    static final KeyPair EC = generate("EC", 256);

    static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** The pair's private key as a PKCS#8 PEM block. */
    static String privatePem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    static TokenVerifier verifier(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.publickey", pem(RSA),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", "app"));
        values.putAll(extra);
        JwtAuthConfig config = ConfigReader.read(key -> Optional.ofNullable(values.get(key)));
        return VerifierFactory.create(config, TokenVerifierTest.class.getClassLoader(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice").claim("upn", "alice@example")
                .audience("app").claim("groups", List.of("user", "admin"))
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(300)));
    }

    static String rs256(JWTClaimsSet claims) {
        return sign(new JWSHeader(JWSAlgorithm.RS256), claims, RSA);
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, KeyPair pair) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(pair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec ? new ECDSASigner(ec)
                    : new RSASSASigner(pair.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String claimsWith(UnaryOperator<JWTClaimsSet.Builder> change) {
        return rs256(change.apply(claims()).build());
    }

    @Test
    void acceptsValidToken() throws Exception {
        VerifiedToken token = verifier(Map.of()).verify(rs256(claims().build()));
        assertEquals("alice@example", token.name());
        assertEquals(Set.of("user", "admin"), token.groups());
        assertEquals("alice", token.claims().getString("sub"));
    }

    @Test
    void nameFallsBackToPreferredUsernameThenSub() throws Exception {
        TokenVerifier verifier = verifier(Map.of());
        assertEquals("al", verifier.verify(claimsWith(b -> b.claim("upn", null).claim("preferred_username", "al"))).name());
        assertEquals("alice", verifier.verify(claimsWith(b -> b.claim("upn", null))).name());
    }

    @Test
    void groupsThatAreNotStringsGrantNothing() throws Exception {
        VerifiedToken token = verifier(Map.of()).verify(claimsWith(b -> b.claim("groups", List.of("user", 7))));
        assertEquals(Set.of(), token.groups());
    }

    @Test
    void acceptsEs256WhenPinned() throws Exception {
        TokenVerifier verifier = verifier(Map.of("mp.jwt.verify.publickey", pem(EC),
                "mp.jwt.verify.publickey.algorithm", "ES256"));
        assertEquals("alice@example", verifier.verify(sign(new JWSHeader(JWSAlgorithm.ES256), claims().build(), EC)).name());
    }

    @Test
    void acceptsNestedSignThenEncrypt() throws Exception {
        KeyPair decryption = generate("RSA", 2048);
        java.nio.file.Path file = dir.resolve("decrypt.pem");
        java.nio.file.Files.writeString(file, privatePem(decryption));
        TokenVerifier verifier = verifier(Map.of("mp.jwt.decrypt.key.location", file.toUri().toString()));
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .contentType("JWT").build(), new Payload(SignedJWT.parse(rs256(claims().build()))));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) decryption.getPublic()));
        assertEquals("alice@example", verifier.verify(jwe.serialize()).name());
        TokenRejectedException plain = assertThrows(TokenRejectedException.class,
                () -> verifier.verify(rs256(claims().build())));
        assertEquals(FailureReason.ENCRYPTION_REQUIRED, plain.reason());
    }

    static Stream<Arguments> badTokens() throws Exception {
        String good = rs256(claims().build());
        String[] parts = good.split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hs.sign(new MACSigner(RSA.getPublic().getEncoded()));
        return Stream.of(
                Arguments.of("signed by another key", sign(new JWSHeader(JWSAlgorithm.RS256), claims().build(), OTHER_RSA),
                        FailureReason.BAD_SIGNATURE),
                Arguments.of("alg none", noneHeader + "." + parts[1] + ".", FailureReason.MALFORMED),
                Arguments.of("HS256 keyed with the public key", hs.serialize(), FailureReason.ALGORITHM_NOT_ALLOWED),
                Arguments.of("RS384 not pinned", sign(new JWSHeader(JWSAlgorithm.RS384), claims().build(), RSA),
                        FailureReason.ALGORITHM_NOT_ALLOWED),
                Arguments.of("padding", good + "=", FailureReason.MALFORMED),
                Arguments.of("four segments", good + ".x", FailureReason.MALFORMED),
                Arguments.of("space inside", parts[0] + " ." + parts[1] + "." + parts[2], FailureReason.MALFORMED),
                Arguments.of("padding inside", parts[0] + "." + parts[1] + "==." + parts[2], FailureReason.MALFORMED),
                // Characters whose low byte is a base64url letter must not pass for that letter.
                Arguments.of("lookalike in the payload", parts[0] + "." + lookalike(parts[1]) + "." + parts[2],
                        FailureReason.MALFORMED),
                Arguments.of("lookalike in the header", lookalike(parts[0]) + "." + parts[1] + "." + parts[2],
                        FailureReason.MALFORMED),
                Arguments.of("lookalike in the signature", parts[0] + "." + parts[1] + "." + lookalike(parts[2]),
                        FailureReason.MALFORMED),
                Arguments.of("Latin-1 letter in the payload", parts[0] + "." + parts[1].replaceFirst("[A-Za-z]", "\u00e9")
                        + "." + parts[2], FailureReason.MALFORMED),
                Arguments.of("Latin-1 letter in the header", parts[0].replaceFirst("[A-Za-z]", "\u00e9") + "."
                        + parts[1] + "." + parts[2], FailureReason.MALFORMED),
                Arguments.of("Latin-1 letter in the signature", parts[0] + "." + parts[1] + "."
                        + parts[2].replaceFirst("[A-Za-z]", "\u00e9"), FailureReason.MALFORMED),
                Arguments.of("too long", "a".repeat(9000), FailureReason.TOO_LARGE),
                Arguments.of("JWE without decryption key", "a.b.c.d.e", FailureReason.MALFORMED),
                Arguments.of("expired beyond skew", claimsWith(b -> b.issueTime(Date.from(NOW.minusSeconds(120)))
                        .expirationTime(Date.from(NOW.minusSeconds(61)))),
                        FailureReason.EXPIRED),
                Arguments.of("no exp", claimsWith(b -> b.expirationTime(null)), FailureReason.MISSING_EXP),
                Arguments.of("no iat", claimsWith(b -> b.issueTime(null)), FailureReason.MISSING_IAT),
                Arguments.of("iat in the future", claimsWith(b -> b.issueTime(Date.from(NOW.plusSeconds(120)))
                        .expirationTime(Date.from(NOW.plusSeconds(600)))), FailureReason.ISSUED_IN_FUTURE),
                Arguments.of("nbf in the future", claimsWith(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(120)))),
                        FailureReason.NOT_YET_VALID),
                Arguments.of("iat after exp", claimsWith(b -> b.issueTime(Date.from(NOW.minusSeconds(5)))
                        .expirationTime(Date.from(NOW.minusSeconds(30)))), FailureReason.IAT_AFTER_EXP),
                Arguments.of("exp as a string", claimsWith(b -> b.claim("exp", "tomorrow")), FailureReason.BAD_NUMERIC_DATE),
                Arguments.of("exp negative", claimsWith(b -> b.claim("exp", -1)), FailureReason.BAD_NUMERIC_DATE),
                Arguments.of("exp beyond 64-bit seconds", claimsWith(b -> b.claim("exp", new java.math.BigInteger("99999999999999999999999"))),
                        FailureReason.BAD_NUMERIC_DATE),
                Arguments.of("iat as a string", claimsWith(b -> b.claim("iat", "1")), FailureReason.BAD_NUMERIC_DATE),
                Arguments.of("nbf as a boolean", claimsWith(b -> b.claim("nbf", true)), FailureReason.BAD_NUMERIC_DATE),
                Arguments.of("nested 40 deep", claimsWith(b -> b.claim("deep", nested(40))), FailureReason.TOO_DEEP),
                Arguments.of("crit header", sign(new JWSHeader.Builder(JWSAlgorithm.RS256).criticalParams(Set.of("exp"))
                        .customParam("exp", 1).build(), claims().build(), RSA), FailureReason.CRITICAL_HEADER),
                Arguments.of("non-canonical base64url signature", parts[0] + "." + parts[1] + "." + flipUnusedBits(parts[2]),
                        FailureReason.MALFORMED),
                Arguments.of("wrong issuer", claimsWith(b -> b.issuer("https://evil.example")), FailureReason.BAD_ISSUER),
                Arguments.of("no issuer", claimsWith(b -> b.issuer(null)), FailureReason.BAD_ISSUER),
                Arguments.of("wrong audience", claimsWith(b -> b.audience("other")), FailureReason.BAD_AUDIENCE),
                Arguments.of("no audience", claimsWith(b -> b.audience((String) null)), FailureReason.BAD_AUDIENCE),
                Arguments.of("no caller name", claimsWith(b -> b.subject(null).claim("upn", null)),
                        FailureReason.NO_CALLER_NAME),
                Arguments.of("unknown kid signed by another key", sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("k9").type(JOSEObjectType.JWT).build(), claims().build(), OTHER_RSA),
                        FailureReason.BAD_SIGNATURE));
    }

    /** The segment with its second character replaced by one whose low byte is that character (e.g. 'e' by U+0165). */
    static String lookalike(String segment) {
        return segment.charAt(0) + String.valueOf((char) (0x100 | segment.charAt(1))) + segment.substring(2);
    }

    static Object nested(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    /** The same signature bytes, spelled differently (the last character's unused bits set). */
    static String flipUnusedBits(String segment) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = segment.charAt(segment.length() - 1);
        int mask = segment.length() % 4 == 2 ? 0x0F : 0x03;
        return segment.substring(0, segment.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | mask);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refuses(String why, String token, FailureReason expected) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier(Map.of()).verify(token));
        assertEquals(expected, e.reason(), why + ": " + e.getMessage());
    }

    @Test
    void tokenAgeIsEnforcedWithoutSkew() {
        TokenVerifier verifier = verifier(Map.of("mp.jwt.verify.token.age", "5"));
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> verifier.verify(rs256(claims().build())));
        assertEquals(FailureReason.TOO_OLD, e.reason());
    }
}
