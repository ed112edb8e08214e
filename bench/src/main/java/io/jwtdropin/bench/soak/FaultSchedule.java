package io.jwtdropin.bench.soak;

import io.jwtdropin.junit5.JwksServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * What happens to the identity provider during the soak, in ten-minute cycles: a key rotation (the new key published,
 * a minute later the old one removed), then the key-set server down for two minutes, slow (answering after 10 s,
 * beyond the jar's 2 s read limit) for two, and answering 500 for a minute and a half, with healthy minutes between.
 * Rotations happen only while it is healthy, so that the server can take them in.
 */
final class FaultSchedule implements Runnable {

    /** A span of the run, in seconds from its start, with what the provider did then. */
    record Window(String what, long fromSecond, long toSecond) {
    }

    private record Step(long atSecond, String what) {
    }

    private static final long CYCLE = 600;
    private static final List<Step> STEPS = List.of(new Step(60, "rotate"), new Step(120, "retire"),
            new Step(180, "down"), new Step(300, "ok"), new Step(360, "slow"), new Step(480, "ok"),
            new Step(510, "500"), new Step(600, "ok"));

    private final KeyService keys;
    private final long startNanos;
    private final long endSecond;
    private final List<Window> windows = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    FaultSchedule(KeyService keys, long startNanos, Duration length) {
        this.keys = keys;
        this.startNanos = startNanos;
        this.endSecond = length.toSeconds();
    }

    /** The faults and rotations so far, for the chart and the report. */
    List<Window> windows() {
        return List.copyOf(windows);
    }

    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void run() {
        String fault = null;
        long faultFrom = 0;
        try {
            for (long cycle = 0; ; cycle++) {
                for (Step step : STEPS) {
                    long at = cycle * CYCLE + step.atSecond();
                    if (at >= endSecond) {
                        close(fault, faultFrom, endSecond); // the fault lasts to the end of the run
                        return;
                    }
                    sleepUntil(at);
                    switch (step.what()) {
                        case "rotate" -> timed("rotation: new key published", () -> keys.publishNext(Duration.ofSeconds(45)));
                        case "retire" -> timed("rotation: old key removed", () -> keys.retirePrevious(Duration.ofSeconds(45)));
                        case "ok" -> {
                            keys.mode(JwksServer.Mode.OK);
                            keys.up();
                            close(fault, faultFrom, at);
                            fault = null;
                        }
                        default -> {
                            fault = step.what();
                            faultFrom = at;
                            if (fault.equals("down")) {
                                keys.down();
                            } else {
                                keys.mode(fault.equals("slow") ? JwksServer.Mode.SLOW : JwksServer.Mode.ERROR_500);
                            }
                            log.add(at + " s: key provider " + fault);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(fault, faultFrom, Math.min(now(), endSecond));
        }
    }

    private interface Action {
        void run() throws InterruptedException;
    }

    private void timed(String what, Action action) throws InterruptedException {
        long from = now();
        action.run();
        windows.add(new Window(what.startsWith("rotation: new") ? "rotate" : "retire", from, now()));
        log.add(from + " s: " + what + ", taken in by the server after " + (now() - from) + " s");
    }

    private void close(String fault, long from, long to) {
        if (fault != null) {
            windows.add(new Window(fault, from, to));
        }
    }

    private long now() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    private void sleepUntil(long second) throws InterruptedException {
        long wait = startNanos + TimeUnit.SECONDS.toNanos(second) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
