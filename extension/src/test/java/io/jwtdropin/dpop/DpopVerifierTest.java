package io.jwtdropin.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.MutableClock;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.DpopConfig;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.verify.FailureReason;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.TokenTimes;
import io.jwtdropin.verify.VerificationEvents;
import io.jwtdropin.verify.VerifiedToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DPoP rule, one row per way a request can break it, with real keys and real signatures. */
class DpopVerifierTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String URL = "https://api.example/app/notes";
    static final ECKey CLIENT = ec();
    static final ECKey OTHER = ec();
    static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln";

    static ECKey ec() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof as a client builds it; each row changes one part. */
    record Proof(JWSHeader.Builder header, JWTClaimsSet.Builder claims, JWSSigner signer, String rawHeader) {

        Proof(JWSHeader.Builder header, JWTClaimsSet.Builder claims, JWSSigner signer) {
            this(header, claims, signer, null);
        }

        static Proof valid(JWK key) throws Exception {
            JWSAlgorithm alg = key instanceof RSAKey ? JWSAlgorithm.PS256 : JWSAlgorithm.ES256;
            return new Proof(new JWSHeader.Builder(alg).type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()),
                    new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "GET")
                            .claim("htu", URL).issueTime(Date.from(NOW)).claim("ath", DpopVerifier.sha256(ACCESS_TOKEN)),
                    key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
        }

        String sign() throws Exception {
            if (rawHeader != null) {
                // A header nimbus would not build (a private jwk, an alg that does not fit the key), signed as ES256.
                String input = com.nimbusds.jose.util.Base64URL.encode(rawHeader) + "."
                        + com.nimbusds.jose.util.Base64URL.encode(claims.build().toString());
                return input + "." + signer.sign(new JWSHeader(JWSAlgorithm.ES256),
                        input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        }
    }

    static DpopVerifier verifier(Map<String, String> extra, ProofReplay replay) {
        Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.publickey.location", "/none.pem"));
        values.putAll(extra);
        JwtAuthConfig config = ConfigReader.read(key -> Optional.ofNullable(values.get(key)));
        return new DpopVerifier(config.dpop(), 2048, Json.createReaderFactory(Map.of()), replay,
                Clock.fixed(NOW, ZoneOffset.UTC), VerificationEvents.NONE);
    }

    static DpopVerifier verifier() {
        return verifier(Map.of(), new MemoryProofReplay(1000));
    }

    static VerifiedToken token(String jkt) {
        var claims = Json.createObjectBuilder().add("sub", "alice");
        if (jkt != null) {
            claims.add("cnf", Json.createObjectBuilder().add("jkt", jkt));
        }
        return new VerifiedToken(ACCESS_TOKEN, claims.build(), "alice", Set.of(),
                new TokenTimes(NOW, NOW.plusSeconds(60), Optional.empty()));
    }

    static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final VerifiedToken BOUND = token(thumbprint(CLIENT));

    static ProofRequest dpop(String... proofs) {
        return new ProofRequest(true, List.of(proofs), "GET", URL);
    }

    static Arguments row(String name, FailureReason expected, UnaryOperator<Proof> change) {
        return Arguments.of(name, expected, change);
    }

    static Stream<Arguments> proofs() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        return Stream.of(
                row("valid", null, p -> p),
                row("htm another method", FailureReason.DPOP_PROOF_METHOD, p -> claim(p, "htm", "POST")),
                row("htm lower case", FailureReason.DPOP_PROOF_METHOD, p -> claim(p, "htm", "get")),
                row("htu another host", FailureReason.DPOP_PROOF_URI, p -> claim(p, "htu", "https://evil.example/app/notes")),
                row("htu another path", FailureReason.DPOP_PROOF_URI, p -> claim(p, "htu", "https://api.example/app/other")),
                row("htu http for https", FailureReason.DPOP_PROOF_URI, p -> claim(p, "htu", "http://api.example/app/notes")),
                row("htu host with trailing dot", FailureReason.DPOP_PROOF_URI,
                        p -> claim(p, "htu", "https://api.example./app/notes")),
                row("htu another port", FailureReason.DPOP_PROOF_URI, p -> claim(p, "htu", "https://api.example:8443/app/notes")),
                row("htu not a URL", FailureReason.DPOP_PROOF_URI, p -> claim(p, "htu", "not a url")),
                row("htu with query: ignored", null, p -> claim(p, "htu", URL + "?page=2")),
                row("htu with fragment: ignored", null, p -> claim(p, "htu", URL + "#top")),
                row("htu upper-case scheme and host, default port", null,
                        p -> claim(p, "htu", "HTTPS://API.EXAMPLE:443/app/notes")),
                row("htu with dot segments", null, p -> claim(p, "htu", "https://api.example/app/x/../notes")),
                row("iat stale", FailureReason.DPOP_PROOF_STALE, p -> iat(p, NOW.minusSeconds(61))),
                row("iat in the future", FailureReason.DPOP_PROOF_STALE, p -> iat(p, NOW.plusSeconds(61))),
                row("iat at the window's edge", null, p -> iat(p, NOW.minusSeconds(60))),
                row("no iat", FailureReason.DPOP_PROOF_MALFORMED, p -> iat(p, null)),
                row("no jti", FailureReason.DPOP_PROOF_MALFORMED, p -> new Proof(p.header(), p.claims().jwtID(null), p.signer())),
                row("no htu", FailureReason.DPOP_PROOF_MALFORMED, p -> claim(p, "htu", null)),
                row("htm not a string", FailureReason.DPOP_PROOF_MALFORMED, p -> claim(p, "htm", 1)),
                row("no ath", FailureReason.DPOP_PROOF_ATH, p -> claim(p, "ath", null)),
                row("ath of another token", FailureReason.DPOP_PROOF_ATH, p -> claim(p, "ath", DpopVerifier.sha256("other"))),
                row("typ JWT", FailureReason.DPOP_PROOF_MALFORMED, p -> header(p, p.header().type(JOSEObjectType.JWT))),
                row("no typ", FailureReason.DPOP_PROOF_MALFORMED, p -> header(p, p.header().type(null))),
                row("no jwk", FailureReason.DPOP_PROOF_MALFORMED, p -> header(p, p.header().jwk(null))),
                row("private key in jwk", FailureReason.DPOP_PROOF_PRIVATE_KEY, p -> raw(p, "ES256", CLIENT.toJSONString())),
                row("another key's proof", FailureReason.DPOP_PROOF_KEY, p -> signedBy(p, OTHER)),
                row("jwk of the bound key, signed by another", FailureReason.DPOP_PROOF_SIGNATURE,
                        p -> new Proof(p.header(), p.claims(), signer(OTHER))),
                row("RSA proof for an EC-bound token", FailureReason.DPOP_PROOF_KEY, p -> signedBy(p, rsa)),
                row("alg ES384 with a P-256 key", FailureReason.DPOP_PROOF_ALGORITHM,
                        p -> raw(p, "ES384", CLIENT.toPublicJWK().toJSONString())),
                row("alg none", FailureReason.DPOP_PROOF_ALGORITHM, p -> raw(p, "none", CLIENT.toPublicJWK().toJSONString())),
                row("jwk not a JWK", FailureReason.DPOP_PROOF_MALFORMED, p -> raw(p, "ES256", "{\"kty\":\"nope\"}")),
                row("HMAC proof", FailureReason.DPOP_PROOF_ALGORITHM, p -> hmac(p)),
                row("nonce claim ignored when nonces are off", null, p -> claim(p, "nonce", "anything")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void proofRules(String name, FailureReason expected, UnaryOperator<Proof> change) throws Exception {
        String proof = change.apply(Proof.valid(CLIENT)).sign();
        assertOutcome(expected, () -> verifier().check(BOUND, dpop(proof)));
    }

    static Stream<Arguments> transports() throws Exception {
        String proof = Proof.valid(CLIENT).sign();
        String unboundProof = Proof.valid(CLIENT).sign();
        return Stream.of(
                Arguments.of("bearer token as Bearer", "allowed", token(null), new ProofRequest(false, List.of(), "GET", URL), null),
                Arguments.of("bound token as Bearer", "allowed", BOUND, new ProofRequest(false, List.of(), "GET", URL),
                        FailureReason.DPOP_BOUND_AS_BEARER),
                Arguments.of("bound token as Bearer with a proof beside it", "allowed", BOUND,
                        new ProofRequest(false, List.of(proof), "GET", URL), FailureReason.DPOP_BOUND_AS_BEARER),
                Arguments.of("unbound token with the DPoP scheme", "allowed", token(null), dpop(unboundProof),
                        FailureReason.DPOP_TOKEN_NOT_BOUND),
                Arguments.of("bound token as DPoP without a proof", "allowed", BOUND, dpop(), FailureReason.DPOP_PROOF_MISSING),
                Arguments.of("two DPoP headers", "allowed", BOUND, dpop(proof, proof), FailureReason.DPOP_PROOF_MULTIPLE),
                Arguments.of("bearer token where DPoP is required", "required", token(null),
                        new ProofRequest(false, List.of(), "GET", URL), FailureReason.DPOP_TOKEN_NOT_BOUND),
                Arguments.of("bound token where DPoP is required", "required", BOUND, dpop(proof), null),
                Arguments.of("cnf.jkt not a string", "allowed", new VerifiedToken(ACCESS_TOKEN, Json.createObjectBuilder()
                        .add("cnf", Json.createObjectBuilder().add("jkt", 7)).build(), "alice", Set.of(),
                        BOUND.times()), new ProofRequest(false, List.of(), "GET", URL), FailureReason.DPOP_BOUND_AS_BEARER),
                Arguments.of("cnf with another binding only", "allowed", new VerifiedToken(ACCESS_TOKEN,
                        Json.createObjectBuilder().add("cnf", Json.createObjectBuilder().add("x5t#S256", "abc")).build(),
                        "alice", Set.of(), BOUND.times()), new ProofRequest(false, List.of(), "GET", URL), null),
                Arguments.of("not compact", "allowed", BOUND, dpop("a.b"), FailureReason.DPOP_PROOF_MALFORMED),
                Arguments.of("garbage", "allowed", BOUND, dpop("%%%.%%%.%%%"), FailureReason.DPOP_PROOF_MALFORMED),
                Arguments.of("oversized", "allowed", BOUND, dpop("a".repeat(9000) + ".b.c"), FailureReason.DPOP_PROOF_MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void transportRules(String name, String mode, VerifiedToken token, ProofRequest request, FailureReason expected) {
        DpopVerifier verifier = verifier(Map.of("jwtdropin.dpop.mode", mode), new MemoryProofReplay(100));
        assertOutcome(expected, () -> verifier.check(token, request));
    }

    @Test
    void aReplayedProofIsRefusedAndARefusedProofDoesNotUseUpItsId() throws Exception {
        DpopVerifier verifier = verifier();
        Proof proof = Proof.valid(CLIENT);
        String wrongMethod = claim(proof, "htm", "POST").sign();
        claim(proof, "htm", "GET");
        String good = proof.sign();
        assertOutcome(FailureReason.DPOP_PROOF_METHOD, () -> verifier.check(BOUND, dpop(wrongMethod)));
        verifier.check(BOUND, dpop(good));
        assertOutcome(FailureReason.DPOP_PROOF_REPLAYED, () -> verifier.check(BOUND, dpop(good)));
    }

    @Test
    void aFullReplayCacheRefusesRatherThanForgets() throws Exception {
        DpopVerifier verifier = verifier(Map.of(), new MemoryProofReplay(2));
        verifier.check(BOUND, dpop(Proof.valid(CLIENT).sign()));
        verifier.check(BOUND, dpop(Proof.valid(CLIENT).sign()));
        assertOutcome(FailureReason.DPOP_REPLAY_FULL, () -> verifier.check(BOUND, dpop(Proof.valid(CLIENT).sign())));
    }

    @Test
    void rsaAndEdDsaProofsVerify() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        verifier().check(token(thumbprint(rsa)), dpop(Proof.valid(rsa).sign()));
        // Ed25519 from the JDK (nimbus's own generator needs Tink), as an OKP JWK by its raw 32-byte halves.
        java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        com.nimbusds.jose.jwk.OctetKeyPair ed = new com.nimbusds.jose.jwk.OctetKeyPair.Builder(Curve.Ed25519,
                com.nimbusds.jose.util.Base64URL.encode(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("dpop+jwt"))
                .jwk(ed).build(), Proof.valid(CLIENT).claims().build());
        jwt.sign(io.jwtdropin.keys.JdkEdDsa.signer(pair.getPrivate()));
        verifier().check(token(thumbprint(ed)), dpop(jwt.serialize()));
    }

    @Test
    void algorithmsCanBeNarrowed() throws Exception {
        DpopVerifier verifier = verifier(Map.of("jwtdropin.dpop.algorithms", "PS256"), new MemoryProofReplay(10));
        assertOutcome(FailureReason.DPOP_PROOF_ALGORITHM, () -> verifier.check(BOUND, dpop(Proof.valid(CLIENT).sign())));
    }

    @Test
    void publicBaseUrlIsWhatTheMechanismComparesWith() {
        DpopVerifier verifier = verifier(Map.of("jwtdropin.dpop.public-base-url", "https://api.example/"),
                new MemoryProofReplay(10));
        assertEquals(Optional.of("https://api.example"), verifier.publicBaseUrl());
    }

    @Test
    void nonces() throws Exception {
        DpopVerifier verifier = verifier(Map.of("jwtdropin.dpop.nonce", "true"), new MemoryProofReplay(10));
        String nonce = verifier.currentNonce().orElseThrow();
        assertOutcome(FailureReason.DPOP_NONCE, () -> verifier.check(BOUND, dpop(Proof.valid(CLIENT).sign())));
        assertOutcome(FailureReason.DPOP_NONCE,
                () -> verifier.check(BOUND, dpop(claim(Proof.valid(CLIENT), "nonce", "stale").sign())));
        verifier.check(BOUND, dpop(claim(Proof.valid(CLIENT), "nonce", nonce).sign()));
    }

    @Test
    void noncesRotateAndThePreviousOneStaysValidForOneLifetime() {
        byte[] secret = new byte[32];
        MutableClock clock = new MutableClock(NOW);
        DpopNonces nonces = new DpopNonces(secret, java.time.Duration.ofSeconds(300), clock);
        String first = nonces.current();
        clock.set(NOW.plusSeconds(300));
        String second = nonces.current();
        assertEquals(false, first.equals(second));
        assertEquals(true, nonces.accepts(first));
        clock.set(NOW.plusSeconds(600));
        assertEquals(false, nonces.accepts(first));
        assertEquals(true, nonces.accepts(second));
        assertEquals(second.length(), 24);
        assertEquals(new DpopNonces(secret, java.time.Duration.ofSeconds(300), clock).current(), nonces.current(),
                "another node with the same secret issues the same nonce");
    }

    interface Check {
        void run() throws Exception;
    }

    static void assertOutcome(FailureReason expected, Check check) {
        try {
            check.run();
            assertEquals(expected, null, "accepted");
        } catch (TokenRejectedException e) {
            assertEquals(expected, e.reason(), e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Proof claim(Proof p, String name, Object value) {
        p.claims().claim(name, value);
        return p;
    }

    static Proof iat(Proof p, Instant iat) {
        p.claims().issueTime(iat == null ? null : Date.from(iat));
        return p;
    }

    static Proof raw(Proof p, String alg, String jwk) {
        return new Proof(p.header(), p.claims(), p.signer(),
                "{\"typ\":\"dpop+jwt\",\"alg\":\"" + alg + "\",\"jwk\":" + jwk + "}");
    }

    static Proof header(Proof p, JWSHeader.Builder header) {
        return new Proof(header, p.claims(), p.signer());
    }

    static Proof signedBy(Proof p, JWK key) {
        JWSAlgorithm alg = key instanceof RSAKey ? JWSAlgorithm.PS256 : JWSAlgorithm.ES256;
        return new Proof(new JWSHeader.Builder(alg).type(new JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()),
                p.claims(), signer(key));
    }

    static JWSSigner signer(JWK key) {
        try {
            return key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Proof hmac(Proof p) {
        try {
            return new Proof(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("dpop+jwt"))
                    .jwk(CLIENT.toPublicJWK()), p.claims(), new MACSigner(new byte[32]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bindingIsReadFromCnfJkt() {
        JsonObject claims = Json.createObjectBuilder().add("cnf", Json.createObjectBuilder().add("jkt", "abc")).build();
        assertEquals("abc", DpopVerifier.boundKey(claims));
        assertEquals(null, DpopVerifier.boundKey(Json.createObjectBuilder().add("cnf", "abc").build()));
        assertEquals(DpopConfig.Mode.ALLOWED, verifierConfigDefaultMode());
    }

    static DpopConfig.Mode verifierConfigDefaultMode() {
        return ConfigReader.read(key -> key.equals("mp.jwt.verify.publickey.location") ? Optional.of("/x.pem")
                : Optional.empty()).dpop().mode();
    }

    static final Map<String, String> TWO_ISSUERS = Map.of("jwtdropin.issuers", "corp, partner",
            "jwtdropin.issuer.corp.issuer", "https://corp.example", "jwtdropin.issuer.corp.publickey.location", "/a.pem",
            "jwtdropin.issuer.corp.dpop.mode", "required",
            "jwtdropin.issuer.partner.issuer", "https://partner.example",
            "jwtdropin.issuer.partner.publickey.location", "/b.pem", "mp.jwt.verify.issuer", "https://std.example");

    static VerifiedToken unboundFrom(String iss) {
        return new VerifiedToken(ACCESS_TOKEN, Json.createObjectBuilder().add("sub", "alice").add("iss", iss).build(),
                "alice", Set.of(), BOUND.times());
    }

    @Test
    void oneIssuerCanRequireDpopWhileAnotherSendsBearerTokens() {
        Map<String, String> values = new HashMap<>(TWO_ISSUERS);
        DpopVerifier verifier = verifier(values, new MemoryProofReplay(10));
        ProofRequest bearer = new ProofRequest(false, List.of(), "GET", URL);
        assertOutcome(FailureReason.DPOP_TOKEN_NOT_BOUND, () -> verifier.check(unboundFrom("https://corp.example"), bearer));
        assertOutcome(null, () -> verifier.check(unboundFrom("https://partner.example"), bearer));
    }

    @Test
    void anIssuersModeNeedsDpopOn() {
        Map<String, String> values = new HashMap<>(TWO_ISSUERS);
        values.put("jwtdropin.dpop.mode", "off");
        io.jwtdropin.config.InvalidConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.jwtdropin.config.InvalidConfigException.class, () -> ConfigReader.read(k -> Optional.ofNullable(values.get(k))));
        assertEquals(true, e.getMessage().contains("jwtdropin.issuer.corp.dpop.mode is set, but"), e.getMessage());
        values.put("jwtdropin.dpop.mode", "allowed");
        values.put("jwtdropin.issuer.corp.dpop.mode", "off");
        org.junit.jupiter.api.Assertions.assertThrows(io.jwtdropin.config.InvalidConfigException.class,
                () -> ConfigReader.read(k -> Optional.ofNullable(values.get(k))), "per issuer only allowed or required");
    }
}
