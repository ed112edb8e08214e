package io.jwtdropin.verify;

import io.jwtdropin.bench.InterleavedRatio;
import io.jwtdropin.bench.VerificationBenchmark;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.keys.KeyLoader;
import io.jwtdropin.keys.KeyProvider;
import io.jwtdropin.keys.VerificationKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * What the uncached RS256 verification costs above the signature check, stage by stage, timed rather than sampled. A
 * sampling profile ({@code bench/jmh/profile.sh}) gives the Java stages around the JDK's RSA code far larger shares
 * than their time (JSON-P: 10 % of the samples, about 3 % of the time), so this runs each stage alone on the
 * benchmark's token, its inputs prepared once, in alternating ~5 ms blocks with the floor (the bare JCA check) and the
 * whole pipeline, by thread CPU time, and prints each stage's median in ns and as a share of the floor.
 * <p>
 * It lives in the verification package to call the stages one by one; they are the same methods, in the same order,
 * that {@link TokenVerifier} calls. Run: {@code java -cp bench/target/benchmarks.jar io.jwtdropin.verify.StageCosts
 * [ROUNDS]} (default 200).
 */
public final class StageCosts {

    private static final String FLOOR = "floor: JCA signature check";
    private static final String PIPELINE = "whole pipeline, uncached";
    private static final String SIGNATURE = "signature: nimbus verifier";

    private StageCosts() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        VerificationBenchmark bench = new VerificationBenchmark();
        bench.alg = "RS256";
        bench.setUp();
        String token = bench.token();
        JwtAuthConfig config = bench.config(Map.of("jwtdropin.cache.size", "0"));
        TrustedIssuer issuer = VerifierFactory.trustedIssuer(config.trustedIssuers().get(0), config,
                StageCosts.class.getClassLoader(), Clock.systemUTC(), KeyLoader.daemonScheduler(),
                VerificationEvents.NONE);
        KeyProvider keys = issuer.keys();
        ClaimsValidator rules = issuer.claims();
        GroupsReader groups = issuer.groups();
        JsonReaderFactory json = Json.createReaderFactory(Map.of());
        HeaderCache headers = new HeaderCache(json);

        // Each stage's input, as the stage before it produced it.
        CompactJws parts = CompactJws.parse(token, headers);
        String payload = JsonLimits.checkedText(parts.payload());
        JsonObject claims = CompactJws.object(payload, json);
        VerificationKey key = keys.keys().candidates(parts.kid()).get(0);
        TokenTimes times = rules.validate(claims);

        Map<String, Callable<Object>> stages = new LinkedHashMap<>();
        stages.put(FLOOR, bench::jcaVerify);
        stages.put(PIPELINE, bench::jwtDropin);
        stages.put(SIGNATURE, () -> key.verifier().verify(parts.header(), parts.signingInput(),
                parts.signature()));
        stages.put("compact form", () -> CompactForm.segments(token));
        stages.put("split, cached header, base64url", () -> CompactJws.parse(token, headers));
        stages.put("UTF-8 and depth check", () -> JsonLimits.checkedText(parts.payload()));
        stages.put("JSON-P parse of the payload", () -> CompactJws.object(payload, json));
        stages.put("claim rules", () -> rules.validate(claims));
        stages.put("groups and the verified token", () -> new VerifiedToken(token, claims, "alice",
                groups.groups(claims), times));

        // Warm-up: 10 s, every stage in turn.
        long warmUntil = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (Callable<Object> stage : stages.values()) {
                InterleavedRatio.run(stage, 200);
            }
        }
        Map<String, Integer> ops = new LinkedHashMap<>();
        for (Map.Entry<String, Callable<Object>> stage : stages.entrySet()) {
            ops.put(stage.getKey(), InterleavedRatio.opsPerBlock(stage.getValue()));
        }
        Map<String, double[]> nanos = new LinkedHashMap<>();
        stages.keySet().forEach(name -> nanos.put(name, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Callable<Object>> stage : stages.entrySet()) {
                int n = ops.get(stage.getKey());
                nanos.get(stage.getKey())[round] = (double) InterleavedRatio.timed(stage.getValue(), n)[0] / n;
            }
        }
        report(nanos);
    }

    private static void report(Map<String, double[]> nanos) {
        Map<String, Double> median = new LinkedHashMap<>();
        nanos.forEach((name, values) -> median.put(name, InterleavedRatio.quantile(values, 0.5)));
        double floor = median.get(FLOOR);
        double pipeline = median.get(PIPELINE);
        double aroundSignature = 0;
        System.out.printf(Locale.ROOT, "RS256, medians by thread CPU time%n%-34s %9s %9s%n", "stage", "ns", "% floor");
        for (Map.Entry<String, Double> stage : median.entrySet()) {
            if (!Set.of(FLOOR, PIPELINE, SIGNATURE).contains(stage.getKey())) {
                aroundSignature += stage.getValue();
            }
            System.out.printf(Locale.ROOT, "%-34s %9.0f %8.1f%%%n", stage.getKey(), stage.getValue(),
                    100 * stage.getValue() / floor);
        }
        System.out.printf(Locale.ROOT, "%-34s %9.0f %8.1f%%%n", "the stages around the signature", aroundSignature,
                100 * aroundSignature / floor);
        System.out.printf(Locale.ROOT, "%-34s %9.0f %8.1f%%  (floor/pipeline %.3f)%n", "pipeline minus floor",
                pipeline - floor, 100 * (pipeline - floor) / floor, floor / pipeline);
    }
}
