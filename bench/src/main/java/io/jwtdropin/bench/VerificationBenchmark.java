package io.jwtdropin.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerifiedToken;
import io.jwtdropin.verify.VerifierFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.keys.HmacKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One token in, validated claims out, per library, in one run: the bare JCA verify (the floor), nimbus's
 * {@code DefaultJWTProcessor}, jose4j's {@code JwtConsumer} (SmallRye JWT's engine), and our path without and with
 * the verified-token cache, for RS256, PS256, ES256, HS256 and EdDSA (nimbus's processor skips EdDSA: it needs Google
 * Tink). Every pipeline checks signature, {@code iss} and {@code exp} and reads name and groups.
 * Run: {@code java -jar bench/target/benchmarks.jar -prof gc} (add {@code -p alg=RS256} for one algorithm).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerificationBenchmark {

    @Param({"RS256", "PS256", "ES256", "HS256", "EdDSA"})
    public String alg;

    private BenchTokens tokens;
    private String token;
    private byte[] signingInput;
    private byte[] signature;
    private String jcaAlgorithm;
    private DefaultJWTProcessor<SecurityContext> nimbus;
    private JwtConsumer jose4j;
    private TokenVerifier ours;
    private TokenVerifier oursCached;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        tokens = new BenchTokens(alg);
        token = tokens.mint("alice");
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        jcaAlgorithm = switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "PS256" -> "RSASSA-PSS";
            case "HS256" -> "HmacSHA256";
            case "EdDSA" -> "Ed25519";
            default -> "SHA256withECDSAinP1363Format";
        };

        // nimbus verifies EdDSA only with Google Tink on the class path, which this module does not add.
        if (!alg.equals("EdDSA")) {
            JWKSource<SecurityContext> source = tokens.secret != null ? new ImmutableSecret<>(tokens.secret)
                    : new ImmutableJWKSet<>(new JWKSet(tokens.keys.getPublic() instanceof RSAPublicKey rsa
                            ? new RSAKey.Builder(rsa).build()
                            : new ECKey.Builder(Curve.P_256, (ECPublicKey) tokens.keys.getPublic()).build()));
            nimbus = new DefaultJWTProcessor<>();
            nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(alg), source));
            nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder()
                    .issuer(BenchTokens.ISSUER).build(), Set.of("exp", "iat", "sub")));
        }

        jose4j = new JwtConsumerBuilder()
                .setVerificationKey(tokens.secret != null ? new HmacKey(tokens.secret) : tokens.keys.getPublic())
                .setExpectedIssuer(BenchTokens.ISSUER)
                .setExpectedAudience("bench").setRequireExpirationTime().setRequireIssuedAt().build();

        ours = ours(Map.of("jwtdropin.cache.size", "0"));
        oursCached = ours(Map.of());
    }

    private TokenVerifier ours(Map<String, String> extra) {
        return VerifierFactory.create(config(extra), VerificationBenchmark.class.getClassLoader(), Clock.systemUTC());
    }

    /** Our configuration for this run's key and algorithm, plus {@code extra} (after {@link #setUp}). */
    public JwtAuthConfig config(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "mp.jwt.verify.issuer", BenchTokens.ISSUER, "mp.jwt.verify.audiences", "bench",
                "mp.jwt.verify.publickey.algorithm", alg));
        if (tokens.secret != null) {
            values.put("jwtdropin.verify.secret", tokens.secretBase64Url());
        } else {
            values.put("mp.jwt.verify.publickey", tokens.publicKeyPem());
        }
        values.putAll(extra);
        return ConfigReader.read(k -> Optional.ofNullable(values.get(k)));
    }

    /** The token every pipeline verifies (after {@link #setUp}). */
    public String token() {
        return token;
    }

    /** The floor: the signature check alone, with the JDK's provider. */
    @Benchmark
    public boolean jcaVerify() throws Exception {
        if (tokens.secret != null) {
            Mac mac = Mac.getInstance(jcaAlgorithm);
            mac.init(new SecretKeySpec(tokens.secret, jcaAlgorithm));
            return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
        }
        Signature verifier = Signature.getInstance(jcaAlgorithm);
        if (alg.equals("PS256")) {
            verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        verifier.initVerify(tokens.keys.getPublic());
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    @Benchmark
    public Object nimbusProcessor() throws Exception {
        if (nimbus == null) {
            throw new UnsupportedOperationException("nimbus verifies EdDSA only with Google Tink");
        }
        JWTClaimsSet claims = nimbus.process(token, null);
        return claims.getStringListClaim("groups").size() + claims.getStringClaim("upn").length();
    }

    @Benchmark
    public Object jose4jConsumer() throws Exception {
        JwtClaims claims = jose4j.processToClaims(token);
        return claims.getStringListClaimValue("groups").size() + claims.getStringClaimValue("upn").length();
    }

    @Benchmark
    public Object jwtDropin() throws Exception {
        VerifiedToken verified = ours.verify(token);
        return verified.groups().size() + verified.name().length();
    }

    @Benchmark
    public Object jwtDropinCached() throws Exception {
        VerifiedToken verified = oursCached.verify(token);
        return verified.groups().size() + verified.name().length();
    }
}
