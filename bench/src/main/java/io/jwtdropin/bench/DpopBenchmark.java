package io.jwtdropin.bench;

import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.dpop.DpopSupport;
import io.jwtdropin.dpop.DpopVerifier;
import io.jwtdropin.dpop.ProofRequest;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerificationEvents;
import io.jwtdropin.verify.VerifiedToken;
import io.jwtdropin.verify.VerifierFactory;
import jakarta.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * What DPoP adds per request, by proof algorithm: the same RS256 access token verified from the cache (as on every
 * request after the first) as a bearer token, and as a DPoP-bound token with its proof checked — a fresh proof per
 * invocation (made in an invocation-level setup, outside the measured time), since a proof is single-use. The
 * difference is the proof's cost: header (cached per client key), signature, claims, hash, replay record.
 * Run: {@code java -jar bench/target/benchmarks.jar DpopBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DpopBenchmark {

    static final String URL = "https://api.bench.example/notes";

    @Param({"ES256", "PS256", "RS256", "EdDSA"})
    public String proofAlg;

    private BenchTokens issuer;
    private BenchTokens client;
    private String bearerToken;
    private String boundToken;
    private TokenVerifier verifier;
    private DpopVerifier dpop;
    private String proof;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        issuer = new BenchTokens("RS256");
        client = new BenchTokens(proofAlg);
        bearerToken = issuer.mint("alice");
        boundToken = issuer.mint("alice", Map.of("cnf", Map.of("jkt", client.publicJwk().computeThumbprint().toString())));
        Map<String, String> values = Map.of("mp.jwt.verify.issuer", BenchTokens.ISSUER, "mp.jwt.verify.audiences", "bench",
                "mp.jwt.verify.publickey", issuer.publicKeyPem(), "jwtdropin.dpop.replay.max-entries", "10000000");
        JwtAuthConfig config = ConfigReader.read(k -> Optional.ofNullable(values.get(k)));
        verifier = VerifierFactory.create(config, DpopBenchmark.class.getClassLoader(), Clock.systemUTC());
        dpop = DpopSupport.create(config, Optional.empty(), DpopBenchmark.class.getClassLoader(),
                Json.createReaderFactory(Map.of()), Clock.systemUTC(), VerificationEvents.NONE).orElseThrow();
    }

    @Setup(Level.Invocation)
    public void freshProof() throws Exception {
        proof = client.proof("GET", URL, boundToken);
    }

    /** The baseline: a bearer token from the verified-token cache, with the DPoP rules applied (it is unbound). */
    @Benchmark
    public Object bearerCached() throws Exception {
        VerifiedToken verified = verifier.verify(bearerToken);
        dpop.check(verified, new ProofRequest(false, List.of(), "GET", URL));
        return verified;
    }

    /** A DPoP-bound token from the cache, and its fresh proof checked in full. */
    @Benchmark
    public Object dpopCached() throws Exception {
        VerifiedToken verified = verifier.verify(boundToken);
        dpop.check(verified, new ProofRequest(true, List.of(proof), "GET", URL));
        return verified;
    }
}
