package io.jwtdropin.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server process uses, read from outside as an operator would: heap after a full GC ({@code jcmd GC.run},
 * then {@code GC.heap_info}), resident memory and live threads ({@code /proc/PID/status}), open descriptors
 * ({@code /proc/PID/fd}), and its log's size in bytes and lines.
 */
final class ServerProbe {

    /** One reading. Sizes in KiB. */
    record Reading(long heapAfterGcKb, long rssKb, int threads, int fds, long logBytes, long logLines) {
    }

    private static final Pattern HEAP_USED = Pattern.compile(
            "(?m)^\\s*(garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");

    private final long pid;
    private final Path log;
    private final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    ServerProbe(long pid, Path log) {
        this.pid = pid;
        this.log = log;
    }

    Reading read() throws IOException, InterruptedException {
        run("GC.run");
        long heap = 0;
        Matcher used = HEAP_USED.matcher(run("GC.heap_info"));
        while (used.find()) {
            heap += Long.parseLong(used.group(2));
        }
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        int fds;
        try (Stream<Path> open = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds = (int) open.count();
        }
        long lines;
        try (Stream<String> all = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines = all.count();
        }
        return new Reading(heap, field(status, "VmRSS"), (int) field(status, "Threads"), fds, Files.size(log), lines);
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static long field(String status, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+)").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
