package io.jwtdropin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The ratio of two {@link VerificationBenchmark} pipelines measured the way a drifting, shared VM allows: in one JVM,
 * in alternating blocks of a few milliseconds each, by the thread's CPU time (which leaves out time the host gave
 * to other guests: steal) as well as by wall time, reporting the median of the per-pair ratios. JMH runs the two
 * benchmarks minutes apart, and this machine's speed moves by more than the gap being measured in that time.
 * <p>
 * Run: {@code java -cp bench/target/benchmarks.jar io.jwtdropin.bench.InterleavedRatio [ALG] [PAIRS] [CANDIDATE]}
 * (defaults RS256, 300, jwtDropin); the floor is always {@code jcaVerify}.
 */
public final class InterleavedRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long BLOCK_NANOS = 5_000_000;

    private static volatile Object sink;

    private InterleavedRatio() {
    }

    public static void main(String[] args) throws Exception {
        String alg = args.length > 0 ? args[0] : "RS256";
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String candidateName = args.length > 2 ? args[2] : "jwtDropin";
        VerificationBenchmark bench = new VerificationBenchmark();
        bench.alg = alg;
        bench.setUp();
        Callable<Object> floor = bench::jcaVerify;
        Callable<Object> candidate = switch (candidateName) {
            case "jwtDropin" -> bench::jwtDropin;
            case "jwtDropinCached" -> bench::jwtDropinCached;
            case "nimbusProcessor" -> bench::nimbusProcessor;
            case "jose4jConsumer" -> bench::jose4jConsumer;
            default -> throw new IllegalArgumentException("unknown pipeline " + candidateName);
        };

        // Warm-up until both are compiled: 10 s alternating, as JMH's warm-up would.
        long warmUntil = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            run(floor, 200);
            run(candidate, 200);
        }
        // Block sizes that take about BLOCK_NANOS each, fixed for the whole measurement.
        int floorOps = opsPerBlock(floor);
        int candidateOps = opsPerBlock(candidate);

        double[] cpuRatios = new double[pairs];
        double[] wallRatios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            // Alternate which goes first, so neither always follows the other.
            long[] f;
            long[] c;
            if (i % 2 == 0) {
                f = timed(floor, floorOps);
                c = timed(candidate, candidateOps);
            } else {
                c = timed(candidate, candidateOps);
                f = timed(floor, floorOps);
            }
            cpuRatios[i] = ((double) f[0] / floorOps) / ((double) c[0] / candidateOps);
            wallRatios[i] = ((double) f[1] / floorOps) / ((double) c[1] / candidateOps);
        }
        System.out.printf(Locale.ROOT, "%s %s vs jcaVerify, %d alternating pairs of ~%d ms blocks (%d and %d ops)%n",
                alg, candidateName, pairs, BLOCK_NANOS / 1_000_000, floorOps, candidateOps);
        System.out.printf(Locale.ROOT, "floor/%s by thread CPU time: median %.3f (quartiles %.3f-%.3f)%n",
                candidateName, quantile(cpuRatios, 0.5), quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75));
        System.out.printf(Locale.ROOT, "floor/%s by wall time:        median %.3f (quartiles %.3f-%.3f)%n",
                candidateName, quantile(wallRatios, 0.5), quantile(wallRatios, 0.25), quantile(wallRatios, 0.75));
    }

    /** How many calls take about {@link #BLOCK_NANOS} (measured over ten blocks' time). */
    public static int opsPerBlock(Callable<Object> pipeline) throws Exception {
        long start = System.nanoTime();
        int ops = 0;
        while (System.nanoTime() - start < BLOCK_NANOS * 10) {
            run(pipeline, 10);
            ops += 10;
        }
        return Math.max(1, ops / 10);
    }

    /** @return {thread CPU nanos, wall nanos} for {@code ops} calls */
    public static long[] timed(Callable<Object> pipeline, int ops) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        run(pipeline, ops);
        return new long[] {THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall};
    }

    public static void run(Callable<Object> pipeline, int ops) throws Exception {
        Object last = null;
        for (int i = 0; i < ops; i++) {
            last = pipeline.call();
        }
        sink = last;
    }

    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
