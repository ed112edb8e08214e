package io.jwtdropin.bench;

import io.jwtdropin.keys.KeyLoader;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.revoke.RevocationList;
import io.jwtdropin.revoke.RevokedTokens;
import io.jwtdropin.verify.RevocationCheck;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerificationEvents;
import io.jwtdropin.verify.VerifiedToken;
import io.jwtdropin.verify.VerifierFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the revocation check adds per request: a cached RS256 token verified without revocation, and with the check
 * against a list holding 10 000 live revocations (the token itself not among them, the usual case); and the list
 * look-up alone. The set-up also reports the heap those 10 000 revocations take.
 * Run: {@code java -jar bench/target/benchmarks.jar RevocationBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RevocationBenchmark {

    static final int REVOCATIONS = 10_000;

    private String token;
    private TokenVerifier cachedWithout;
    private TokenVerifier cachedWith;
    private RevocationList list;

    @Setup
    public void setUp() throws Exception {
        BenchTokens tokens = new BenchTokens("RS256");
        token = tokens.mint("alice");
        long until = System.currentTimeMillis() / 1000 + 3600;
        Runtime heap = Runtime.getRuntime();
        System.gc();
        long before = heap.totalMemory() - heap.freeMemory();
        list = new RevocationList(100_000, Clock.systemUTC());
        for (int i = 0; i < REVOCATIONS; i++) {
            list.revokeToken(UUID.randomUUID().toString(), until);
        }
        System.gc();
        long after = heap.totalMemory() - heap.freeMemory();
        System.out.printf("%n%d revocations: %d entries, about %d KB of heap (%d bytes each)%n", REVOCATIONS,
                list.size(), (after - before) / 1024, (after - before) / REVOCATIONS);
        Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.publickey", tokens.publicKeyPem(),
                "mp.jwt.verify.issuer", BenchTokens.ISSUER, "mp.jwt.verify.audiences", "bench"));
        cachedWithout = verifier(values, RevocationCheck.NONE);
        cachedWith = verifier(values, new RevokedTokens(list, false));
    }

    private static TokenVerifier verifier(Map<String, String> values, RevocationCheck check) {
        return VerifierFactory.create(ConfigReader.read(k -> Optional.ofNullable(values.get(k))),
                RevocationBenchmark.class.getClassLoader(), Clock.systemUTC(), KeyLoader.daemonScheduler(),
                VerificationEvents.NONE, check);
    }

    @Benchmark
    public Object cacheHitWithoutRevocation() throws Exception {
        VerifiedToken verified = cachedWithout.verify(token);
        return verified.name();
    }

    @Benchmark
    public Object cacheHitWithRevocationCheck() throws Exception {
        VerifiedToken verified = cachedWith.verify(token);
        return verified.name();
    }

    @Benchmark
    public boolean revocationLookupAlone() {
        return list.isRevoked("3f1c0b8e-0000-4000-8000-000000000000", null, "alice", 1_800_000_000L);
    }
}
