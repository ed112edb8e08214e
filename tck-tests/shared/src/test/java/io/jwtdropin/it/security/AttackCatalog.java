package io.jwtdropin.it.security;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.it.support.TestKeys;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Tokens that must all be refused with 401, built for one configuration: the trusted signing key and algorithm,
 * and (for the JWE configuration) the server's encryption key, so every signed-token attack is also delivered
 * inside a correctly encrypted JWE and reaches the inner checks.
 */
final class AttackCatalog {

    /** The audience every security deployment requires. */
    static final String AUDIENCE = "attack-suite";

    record Attack(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final KeyPair trusted;
    private final JWSAlgorithm alg;
    private final KeyPair attacker;
    private final RSAPublicKey encryptTo;
    private final List<Attack> attacks = new ArrayList<>();

    /** @param encryptTo the server's encryption key for the JWE configuration, else null */
    AttackCatalog(KeyPair trusted, JWSAlgorithm alg, RSAPublicKey encryptTo) {
        this.trusted = trusted;
        this.alg = alg;
        this.attacker = generate(trusted.getPublic() instanceof ECPublicKey ? "EC" : "RSA");
        this.encryptTo = encryptTo;
    }

    static KeyPair generate(String type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            generator.initialize(type.equals("EC") ? 256 : 2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims() {
        return TestKeys.claims("mallory", Instant.now(), Duration.ofMinutes(10), "user").audience(AUDIENCE);
    }

    /** A token that must be ACCEPTED: the control that shows the suite can tell good from bad. */
    String valid() {
        return deliver(sign(header().build(), claims().build(), trusted));
    }

    List<Attack> all() {
        algorithmAttacks();
        keyAttacks();
        headerAttacks();
        timeAttacks();
        claimAttacks();
        encodingAttacks();
        encryptionAttacks();
        return List.copyOf(attacks);
    }

    private void algorithmAttacks() {
        String payload = Base64URL.encode(claims().build().toString()).toString();
        for (String none : new String[] {"none", "None", "NONE", "nOnE"}) {
            String header = Base64URL.encode("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}").toString();
            add("alg " + none + " unsigned", header + "." + payload + ".");
            add("alg " + none + " with signature", header + "." + payload + "." + Base64URL.encode("sig"));
        }
        byte[] publicDer = trusted.getPublic().getEncoded();
        byte[] publicPem = ("-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(publicDer)
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        add("HS256 keyed with the public key (DER)", deliver(hmac(JWSAlgorithm.HS256, publicDer)));
        add("HS256 keyed with the public key (PEM)", deliver(hmac(JWSAlgorithm.HS256, publicPem)));
        add("HS384 keyed with the public key (PEM)", deliver(hmac(JWSAlgorithm.HS384, publicPem)));
        add("HS512 keyed with the public key (PEM)", deliver(hmac(JWSAlgorithm.HS512, publicPem)));
        if (trusted.getPublic() instanceof RSAPublicKey) {
            for (JWSAlgorithm other : new JWSAlgorithm[] {JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256}) {
                add(other + " with the trusted key (not pinned)", deliver(sign(new JWSHeader(other), claims().build(), trusted)));
            }
        } else {
            KeyPair rsa = generate("RSA");
            add("RS256 from an RSA key (not pinned)", deliver(sign(new JWSHeader(JWSAlgorithm.RS256), claims().build(), rsa)));
        }
    }

    private void keyAttacks() {
        add("signed by an attacker key", deliver(sign(header().build(), claims().build(), attacker)));
        add("attacker key embedded as jwk", deliver(sign(header().jwk(publicJwk(attacker)).build(), claims().build(), attacker)));
        add("jku to an attacker JWKS", deliver(sign(header().jwkURL(URI.create("http://127.0.0.1:9/jwks.json")).build(),
                claims().build(), attacker)));
        add("x5u to an attacker certificate", deliver(sign(header().x509CertURL(URI.create("http://127.0.0.1:9/cert.pem"))
                .build(), claims().build(), attacker)));
        add("x5c with attacker material", deliver(sign(header().x509CertChain(List.of(Base64.encode(attacker.getPublic()
                .getEncoded()))).build(), claims().build(), attacker)));
        for (String kid : new String[] {"../../../../etc/passwd", "' OR '1'='1", "http://127.0.0.1:9/key", "/publicKey.pem"}) {
            add("kid " + kid + " signed by attacker", deliver(sign(header().keyID(kid).build(), claims().build(), attacker)));
        }
        byte[] zeros = new byte[trusted.getPublic() instanceof ECPublicKey ? 64 : 256];
        String signed = sign(header().build(), claims().build(), trusted);
        add("all-zero signature (psychic signatures)", deliver(signed.substring(0, signed.lastIndexOf('.') + 1)
                + Base64URL.encode(zeros)));
    }

    private void headerAttacks() {
        add("crit with an unknown member", deliver(sign(header().criticalParams(Set.of("x-unknown")).customParam("x-unknown", 1)
                .build(), claims().build(), trusted)));
        add("crit naming exp", deliver(sign(header().criticalParams(Set.of("exp")).customParam("exp", 1).build(),
                claims().build(), trusted)));
        add("crit b64 false (RFC 7797)", deliver(sign(header().base64URLEncodePayload(false)
                .criticalParams(Set.of("b64")).build(), claims().build(), trusted)));
    }

    private void timeAttacks() {
        Instant now = Instant.now();
        add("expired an hour ago", mutate(b -> b.issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600)))));
        add("expired beyond the skew", mutate(b -> b.issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(120)))));
        add("nbf in the future", mutate(b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))));
        add("iat in the future", mutate(b -> b.issueTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(1200)))));
        add("no exp", mutate(b -> b.expirationTime(null)));
        add("no iat", mutate(b -> b.issueTime(null)));
        add("exp as a string", mutate(b -> b.claim("exp", String.valueOf(now.plusSeconds(600).getEpochSecond()))));
        add("exp negative", mutate(b -> b.claim("exp", -1)));
        add("exp overflowing 64-bit seconds", mutate(b -> b.claim("exp", new BigInteger("18446744073709551616"))));
        add("iat as a string", mutate(b -> b.claim("iat", "now")));
        add("nbf as an object", mutate(b -> b.claim("nbf", java.util.Map.of("t", 1))));
    }

    private void claimAttacks() {
        add("wrong issuer", mutate(b -> b.issuer("https://evil.example")));
        add("no issuer", mutate(b -> b.issuer(null)));
        add("issuer as an array", mutate(b -> b.claim("iss", List.of(TestKeys.ISSUER))));
        add("wrong audience", mutate(b -> b.audience("someone-else")));
        add("no audience", mutate(b -> b.audience((String) null)));
        add("no caller name", mutate(b -> b.subject(null).claim("upn", null)));
        add("deeply nested claim", mutate(b -> b.claim("deep", nested(64))));
    }

    private void encodingAttacks() {
        String good = valid();
        String[] p = good.split("\\.");
        add("padding appended", good + "==");
        add("extra segment", good + ".AAAA");
        add("two segments", p[0] + "." + p[1]);
        add("space inside", p[0] + ". " + p[1] + "." + String.join(".", java.util.Arrays.copyOfRange(p, 2, p.length)));
        add("standard base64 characters", good.replace('-', '+').replace('_', '/') + (good.contains("-") || good.contains("_")
                ? "" : "+"));
        add("non-canonical last character", good.substring(0, good.length() - 1) + flip(good));
        add("garbage", "this-is-not-a-jwt");
        add("payload not UTF-8", deliver(signRaw(header().build(), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, '"', '}'})));
        add("payload a JSON array", deliver(signRaw(header().build(), "[1,2,3]".getBytes(StandardCharsets.UTF_8))));
        add("payload not JSON", deliver(signRaw(header().build(), "hello".getBytes(StandardCharsets.UTF_8))));
        add("header not JSON", Base64URL.encode("nope") + "." + p[1] + "." + p[p.length - 1]);
        add("oversized token", deliver(sign(header().build(), claims().claim("pad", "x".repeat(3000)).build(), trusted)));
    }

    private void encryptionAttacks() {
        if (encryptTo == null) {
            add("JWE sent to a JWS-only deployment", encrypt(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256,
                    EncryptionMethod.A256GCM).contentType("JWT").build(), sign(header().build(), claims().build(), trusted)));
            return;
        }
        String inner = sign(header().build(), claims().build(), trusted);
        add("plain JWS where encryption is required", inner);
        add("JWE without cty", encrypt(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .build(), inner));
        add("JWE with RSA1_5", encrypt(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A256GCM)
                .contentType("JWT").build(), inner));
        add("JWE with zip DEF", encrypt(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .contentType("JWT").compressionAlgorithm(CompressionAlgorithm.DEF).build(), inner));
        add("JWE carrying an unsigned JWT", encrypt(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM).contentType("JWT").build(), new PlainJWT(claims().build()).serialize()));
        add("JWE carrying bare claims", encryptPayload(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM).build(), new Payload(claims().build().toJSONObject())));
        add("JWE encrypted to another key", encryptWith(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM).contentType("JWT").build(), new Payload(inner),
                (RSAPublicKey) generate("RSA").getPublic()));
        add("JWE with crit", encrypt(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .contentType("JWT").criticalParams(Set.of("x-unknown")).customParam("x-unknown", 1).build(), inner));
        String jwe = valid();
        add("JWE with a corrupted tag", jwe.substring(0, jwe.length() - 4) + (jwe.endsWith("AAAA") ? "BBBA" : "AAAA"));
    }

    // ---- building blocks ----

    private void add(String name, String token) {
        attacks.add(new Attack(name, token));
    }

    private String mutate(UnaryOperator<JWTClaimsSet.Builder> change) {
        return deliver(sign(header().build(), change.apply(claims()).build(), trusted));
    }

    private JWSHeader.Builder header() {
        return new JWSHeader.Builder(alg).type(JOSEObjectType.JWT);
    }

    /** Wraps a signed token in a JWE for the JWE configuration, so its inner checks are what is tested. */
    private String deliver(String jws) {
        return encryptTo == null ? jws : encrypt(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256,
                EncryptionMethod.A256GCM).contentType("JWT").build(), jws);
    }

    private String encrypt(JWEHeader header, String inner) {
        return encryptPayload(header, new Payload(inner));
    }

    private String encryptPayload(JWEHeader header, Payload payload) {
        return encryptWith(header, payload, encryptTo != null ? encryptTo : (RSAPublicKey) generate("RSA").getPublic());
    }

    private static String encryptWith(JWEHeader header, Payload payload, RSAPublicKey key) {
        try {
            JWEObject jwe = new JWEObject(header, payload);
            jwe.encrypt(new RSAEncrypter(key));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWSHeader header, JWTClaimsSet claims, KeyPair pair) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer(pair));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String signRaw(JWSHeader header, byte[] payload) {
        try {
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(header, new Payload(payload));
            jws.sign(signer(trusted));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner signer(KeyPair pair) throws Exception {
        return pair.getPrivate() instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(pair.getPrivate());
    }

    private String hmac(JWSAlgorithm hs, byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(hs).type(JOSEObjectType.JWT).build(), claims().build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWK publicJwk(KeyPair pair) {
        return pair.getPublic() instanceof ECPublicKey ec ? new ECKey.Builder(Curve.P_256, ec).build()
                : new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build();
    }

    private static Object nested(int depth) {
        Object value = "x";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private static char flip(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String last = token.substring(token.lastIndexOf('.') + 1);
        int mask = last.length() % 4 == 2 ? 0x0F : last.length() % 4 == 3 ? 0x03 : 0;
        char c = token.charAt(token.length() - 1);
        return mask == 0 ? '=' : alphabet.charAt(alphabet.indexOf(c) | mask);
    }
}
