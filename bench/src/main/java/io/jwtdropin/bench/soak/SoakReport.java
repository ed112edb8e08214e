package io.jwtdropin.bench.soak;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The soak's table (one row per minute, TSV) and its summary (Markdown: verdict, totals, faults, wrong answers). */
final class SoakReport {

    private final List<Recorder.Minute> minutes;
    private final FaultSchedule faults;
    private final List<String> examples;
    private final SoakVerdict verdict;
    private final long capacity;
    private final double rate;

    SoakReport(List<Recorder.Minute> minutes, FaultSchedule faults, List<String> examples, SoakVerdict verdict,
            long capacity, double rate) {
        this.minutes = minutes;
        this.faults = faults;
        this.examples = examples;
        this.verdict = verdict;
        this.capacity = capacity;
        this.rate = rate;
    }

    String table() {
        StringBuilder tsv = new StringBuilder("minute\trequests\twrong\trefused\tp50_ms\tp99_ms\tmax_ms\theap_after_gc_mib"
                + "\trss_mib\tthreads\tfds\tlog_kib\tlog_lines\tprovider\n");
        for (Recorder.Minute m : minutes) {
            ServerProbe.Reading r = m.server();
            tsv.append(String.format(Locale.ROOT, "%d\t%d\t%d\t%d\t%.2f\t%.2f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\t%d\t%s%n",
                    m.index() + 1, m.requests(), m.wrongTotal(), m.refused(), m.p50() / 1000.0, m.p99() / 1000.0,
                    m.max() / 1000.0, r.heapAfterGcKb() / 1024.0, r.rssKb() / 1024.0, r.threads(), r.fds(),
                    r.logBytes() / 1024, r.logLines(), provider(m.index())));
        }
        return tsv.toString();
    }

    String summary() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Capacity with the mix: %d requests/s; soak paced at %.0f scenarios/s "
                + "(half), %d minutes, %d requests.%n%n", capacity, rate, minutes.size(),
                minutes.stream().mapToLong(Recorder.Minute::requests).sum()));
        md.append("| rule | met | figures |\n|---|---|---|\n");
        for (SoakVerdict.Rule rule : verdict.rules()) {
            md.append("| ").append(rule.name()).append(" | ").append(rule.met() ? "yes" : "**no**").append(" | ")
                    .append(rule.figures()).append(" |\n");
        }
        md.append("\nVerdict: ").append(verdict.met() ? "**met**" : "**not met**").append("\n\nAnswers by kind:\n\n");
        Map<Kind, Long> total = new EnumMap<>(Kind.class);
        minutes.forEach(m -> m.byKind().forEach((k, n) -> total.merge(k, n, Long::sum)));
        md.append(total.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " (" + e.getKey().status + ") " + e.getValue()).collect(Collectors.joining(", ")));
        Map<String, Long> wrong = new TreeMap<>();
        minutes.forEach(m -> m.wrong().forEach((k, n) -> wrong.merge(k, n, Long::sum)));
        md.append("\n\nWrong answers by kind: ").append(wrong.isEmpty() ? "none" : wrong.toString()).append("\n");
        examples.stream().limit(10).forEach(e -> md.append("- ").append(e).append('\n'));
        md.append("\nThe key provider during the run:\n\n");
        faults.log().forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }

    /** What the key provider was doing for most of that minute. */
    private String provider(int minute) {
        long middle = minute * 60L + 30;
        return faults.windows().stream().filter(w -> w.fromSecond() <= middle && middle < w.toSecond())
                .map(FaultSchedule.Window::what).findFirst().orElse("ok");
    }
}
