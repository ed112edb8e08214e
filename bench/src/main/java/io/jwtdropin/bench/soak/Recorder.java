package io.jwtdropin.bench.soak;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every answer into the current minute: by kind, the wrong ones by kind and what came instead, and the
 * latencies. {@link #closeMinute} hands the minute over and starts the next.
 */
final class Recorder {

    /** One minute of the run. Latencies in microseconds; {@code latencies} sorted, for percentiles over minutes. */
    record Minute(int index, long requests, Map<Kind, Long> byKind, Map<String, Long> wrong, long p50, long p99,
            long max, ServerProbe.Reading server, long[] latencies) {
        long wrongTotal() {
            return wrong.values().stream().mapToLong(Long::longValue).sum();
        }

        Minute withServer(ServerProbe.Reading reading) {
            return new Minute(index, requests, byKind, wrong, p50, p99, max, reading, latencies);
        }

        long refused() {
            return byKind.entrySet().stream().filter(e -> e.getKey().status >= 400).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private static final class Bucket {
        final Map<Kind, LongAdder> byKind = new EnumMap<>(Kind.class);
        final Map<String, LongAdder> wrong = new ConcurrentHashMap<>();
        long[] latencies = new long[1 << 16];
        int count;

        Bucket() {
            for (Kind kind : Kind.values()) {
                byKind.put(kind, new LongAdder());
            }
        }

        synchronized void latency(long micros) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = micros;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(latencies, count);
            Arrays.sort(copy);
            return copy;
        }
    }

    private final AtomicReference<Bucket> current = new AtomicReference<>(new Bucket());
    private final List<String> examples = new CopyOnWriteArrayList<>();

    /** @param actual the status that came, or what went wrong instead (e.g. a timeout) */
    void record(Kind kind, String actual, boolean right, long latencyNanos, String detail) {
        Bucket bucket = current.get();
        bucket.byKind.get(kind).increment();
        bucket.latency(latencyNanos / 1000);
        if (!right) {
            bucket.wrong.computeIfAbsent(kind + "→" + actual, k -> new LongAdder()).increment();
            if (examples.size() < 50) {
                examples.add(kind + " expected " + kind.status + ", got " + actual + ": " + detail);
            }
        }
    }

    /** The minute's answers so far (without the server's reading: {@link Minute#withServer}); the next minute starts. */
    Minute closeMinute(int index) {
        Bucket done = current.getAndSet(new Bucket());
        long[] sorted = done.sorted();
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        done.byKind.forEach((kind, n) -> byKind.put(kind, n.sum()));
        Map<String, Long> wrong = new TreeMap<>();
        done.wrong.forEach((what, n) -> wrong.put(what, n.sum()));
        return new Minute(index, sorted.length, byKind, wrong, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], null, sorted);
    }

    /** The first wrong answers, with what came. */
    List<String> examples() {
        return List.copyOf(examples);
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
