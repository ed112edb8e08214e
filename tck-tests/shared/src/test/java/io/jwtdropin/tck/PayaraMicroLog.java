package io.jwtdropin.tck;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Payara Micro's log file ({@code --logtofile} of the adapter's extra options; Payara Micro writes it with a
 * {@code .0} suffix and every server of a run appends to it), read from where it ended when one start began: so a
 * failed start can say what it logged — its SEVERE records and its last lines — on standard error, where a CI log
 * shows it.
 */
final class PayaraMicroLog {

    private static final int SEVERE_RECORDS = 8;
    private static final int LAST_LINES = 15;
    private static final int LINE_CHARS = 300;

    private final Optional<Path> file;
    private final long start;

    private PayaraMicroLog(Optional<Path> file, long start) {
        this.file = file;
        this.start = start;
    }

    /** The log named by {@code --logtofile} in the options, from its present end. */
    static PayaraMicroLog from(String extraMicroOptions) {
        Optional<Path> file = option(extraMicroOptions, "--logtofile").map(Path::of);
        return new PayaraMicroLog(file, file.flatMap(PayaraMicroLog::written).map(PayaraMicroLog::size).orElse(0L));
    }

    /** The value after a flag in a space-separated option string. */
    static Optional<String> option(String options, String flag) {
        List<String> words = options == null ? List.of() : Arrays.asList(options.trim().split("\\s+"));
        int at = words.indexOf(flag);
        return at >= 0 && at + 1 < words.size() ? Optional.of(words.get(at + 1)) : Optional.empty();
    }

    /** The SEVERE records and the last lines written since this start began. */
    String sinceOpened() {
        Optional<List<String>> logged = linesSinceStart();
        if (logged.isEmpty()) {
            return "  (no log file: " + file.map(Path::toString).orElse("no --logtofile option") + ")";
        }
        List<String> lines = logged.get();
        List<String> report = new ArrayList<>();
        for (int i = 0; i < lines.size() && report.size() < 2 * SEVERE_RECORDS; i++) {
            if (lines.get(i).contains("SEVERE")) {
                // a record's message starts on its second line when it is long (an exception's)
                report.addAll(lines.subList(i, Math.min(i + 2, lines.size())));
            }
        }
        report.add("  ... the last lines:");
        report.addAll(lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()));
        return String.join("\n", report.stream().map(PayaraMicroLog::shortened).toList());
    }

    /**
     * Whether this start has logged {@code text}, waiting up to {@code wait} for it: Payara Micro's file handler
     * writes from a queue, so a record may reach the file after the adapter has seen the server report itself ready.
     */
    boolean shows(String text, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (linesSinceStart().orElse(List.of()).stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The non-blank lines written since this start began (all of them if the file was started anew). */
    private Optional<List<String>> linesSinceStart() {
        return file.flatMap(PayaraMicroLog::written).map(path -> linesFrom(path, size(path) >= start ? start : 0));
    }

    /** The file Payara Micro writes for {@code --logtofile name}: {@code name.0}, or {@code name} itself. */
    private static Optional<Path> written(Path named) {
        return Stream.of(Path.of(named + ".0"), named).filter(Files::isRegularFile).findFirst();
    }

    private static List<String> linesFrom(Path path, long offset) {
        try (RandomAccessFile in = new RandomAccessFile(path.toFile(), "r")) {
            in.seek(offset);
            byte[] tail = new byte[(int) Math.min(Integer.MAX_VALUE - 8, in.length() - offset)];
            in.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of("(could not read " + path + ": " + e.getMessage() + ")");
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String shortened(String coloured) {
        String line = coloured.replaceAll("\u001B\\[[0-9;]*m", "");
        return "  " + (line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + " ..." : line);
    }
}
