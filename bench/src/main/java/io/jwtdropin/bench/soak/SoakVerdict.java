package io.jwtdropin.bench.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The soak's pass rules, each a line of the verdict: no wrong answer; heap after a full GC in the last third within
 * 10 % (or 8 MiB) of the first third; threads and descriptors flat (no new high in the last third); p99 of the last
 * sixth (the last 5 minutes of 30) within 1.5× of the second sixth (minutes 5–10, the same phase of the fault cycle);
 * the server log not growing with refused requests. Thirds and sixths scale with the run's length.
 */
final class SoakVerdict {

    record Rule(String name, boolean met, String figures) {
    }

    private final List<Recorder.Minute> minutes;
    private final int planned;

    SoakVerdict(List<Recorder.Minute> minutes, int planned) {
        this.minutes = minutes;
        this.planned = planned;
    }

    List<Rule> rules() {
        int n = minutes.size();
        Rule recorded = new Rule("every minute recorded", n == planned && n >= 2,
                n + " of " + planned + (planned < 2 ? " (drift needs at least 2 minutes)" : ""));
        if (!recorded.met()) {
            return List.of(recorded);
        }
        List<Recorder.Minute> first = minutes.subList(0, Math.max(1, n / 3));
        List<Recorder.Minute> last = minutes.subList(n - Math.max(1, n / 3), n);
        List<Rule> rules = new ArrayList<>(List.of(recorded));
        long wrong = minutes.stream().mapToLong(Recorder.Minute::wrongTotal).sum();
        long requests = minutes.stream().mapToLong(Recorder.Minute::requests).sum();
        rules.add(new Rule("no wrong answer", wrong == 0, wrong + " wrong of " + requests));

        double heapFirst = mean(first, m -> m.server().heapAfterGcKb()) / 1024;
        double heapLast = mean(last, m -> m.server().heapAfterGcKb()) / 1024;
        rules.add(new Rule("heap after GC flat", heapLast <= heapFirst * 1.10 || heapLast - heapFirst <= 8,
                String.format("first third %.1f MiB, last third %.1f MiB (%+.1f %%)", heapFirst, heapLast,
                        100 * (heapLast - heapFirst) / heapFirst)));

        // Flat: the last third sets no new high over the two thirds before it (two whole fault cycles in 30 minutes).
        // A pool that grows to its working size once and stays is flat; a leak makes new highs cycle after cycle. The
        // descriptors include the sockets of connections open at that moment, which vary from minute to minute.
        List<Recorder.Minute> before = minutes.subList(0, n - last.size());
        long threadsBefore = max(before, m -> m.server().threads());
        long threadsLast = max(last, m -> m.server().threads());
        rules.add(new Rule("threads flat", threadsLast <= threadsBefore + 5,
                "max " + threadsBefore + " before the last third, " + threadsLast + " in it"));
        long fdsBefore = max(before, m -> m.server().fds());
        long fdsLast = max(last, m -> m.server().fds());
        rules.add(new Rule("descriptors flat", fdsLast <= fdsBefore + 10,
                "max " + fdsBefore + " before the last third, " + fdsLast + " in it"));

        int sixth = Math.max(1, n / 6);
        long early = p99(minutes.subList(sixth, Math.min(n, 2 * sixth)));
        long late = p99(minutes.subList(n - sixth, n));
        rules.add(new Rule("p99 steady", late <= early * 1.5,
                String.format("p99 %.1f ms in minutes %d–%d, %.1f ms in minutes %d–%d (%.2f×)", early / 1000.0, sixth,
                        2 * sixth, late / 1000.0, n - sixth, n, late / (double) early)));

        long lines = minutes.get(n - 1).server().logLines() - minutes.get(0).server().logLines();
        long refused = minutes.stream().mapToLong(Recorder.Minute::refused).sum();
        long biggestMinute = 0;
        for (int i = 1; i < n; i++) {
            biggestMinute = Math.max(biggestMinute, minutes.get(i).server().logBytes() - minutes.get(i - 1).server().logBytes());
        }
        rules.add(new Rule("log bounded", lines * 100 < refused && biggestMinute < 64 * 1024,
                lines + " lines added for " + refused + " refused requests; largest minute +" + biggestMinute / 1024 + " KiB"));
        return rules;
    }

    boolean met() {
        return rules().stream().allMatch(Rule::met);
    }

    private static long p99(List<Recorder.Minute> window) {
        long[] all = window.stream().flatMapToLong(m -> Arrays.stream(m.latencies())).sorted().toArray();
        return Recorder.percentile(all, 0.99);
    }

    private static double mean(List<Recorder.Minute> window, ToLongFunction<Recorder.Minute> value) {
        return window.stream().mapToLong(value).average().orElse(0);
    }

    private static long max(List<Recorder.Minute> window, ToLongFunction<Recorder.Minute> value) {
        return window.stream().mapToLong(value).max().orElse(0);
    }
}
