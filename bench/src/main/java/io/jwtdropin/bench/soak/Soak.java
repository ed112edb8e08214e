package io.jwtdropin.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The soak: {@code Soak OUT MINUTES PAYARA_JAR WAR PREBOOT PORT JWKS_PORT} (run by {@code bench/soak/run.sh}).
 * Starts the key provider, then Payara Micro with the WAR on 127.0.0.1:PORT, measures capacity with the traffic
 * mix, then runs the mix at half of it for MINUTES with the provider's faults, reading the server every minute.
 * Writes {@code minutes.tsv}, {@code soak.svg} and {@code summary.md} to OUT; exits 1 when the verdict is not met.
 */
public final class Soak {

    private static final int THREADS = 24;

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int minutes = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[5]);
        requireFree(port);
        Files.createDirectories(out);
        boolean met;
        try (KeyService keys = new KeyService(Integer.parseInt(args[6]))) {
            Path log = out.resolve("server.log");
            Process server = new ProcessBuilder("java", "-Xmx512m", "-jar", args[2], "--deploy", args[3],
                    "--contextroot", "/", "--port", args[5], "--prebootcommandfile", args[4], "--disablephonehome",
                    "--nocluster").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port + "/api";
                awaitReady(base, server);
                met = soak(out, minutes, base, new ServerProbe(server.pid(), log), keys);
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
        System.exit(met ? 0 : 1);
    }

    /** A server left listening from an earlier run would answer in place of ours. */
    private static void requireFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use: stop what listens there first (ss -ltnp)");
        }
    }

    private static boolean soak(Path out, int minutes, String base, ServerProbe probe, KeyService keys) throws Exception {
        LoadGenerator load = new LoadGenerator(new Traffic(base, keys));
        load.capacity(Duration.ofSeconds(30), THREADS); // warm-up
        long capacity = load.capacity(Duration.ofSeconds(30), THREADS);
        double rate = capacity / 2.0 / averageRequestsPerScenario();
        System.out.printf("capacity %d requests/s with the mix; soak at %.0f scenarios/s for %d minutes%n",
                capacity, rate, minutes);

        Recorder recorder = new Recorder();
        long start = System.nanoTime();
        FaultSchedule faults = new FaultSchedule(keys, start, Duration.ofMinutes(minutes));
        Thread faultThread = new Thread(faults, "soak-faults");
        faultThread.start();
        List<Recorder.Minute> done = new ArrayList<>();
        Thread minuteThread = new Thread(() -> everyMinute(start, minutes, recorder, probe, done), "soak-minutes");
        minuteThread.start();
        load.paced(Duration.ofMinutes(minutes), rate, recorder);
        minuteThread.join();
        faultThread.interrupt();
        faultThread.join();

        SoakVerdict verdict = new SoakVerdict(done, minutes);
        SoakReport report = new SoakReport(done, faults, recorder.examples(), verdict, capacity, rate);
        Files.writeString(out.resolve("minutes.tsv"), report.table());
        Files.writeString(out.resolve("soak.svg"), new SoakChart(done, faults.windows())
                .render("jwt-dropin soak: Payara Micro 6, " + minutes + " minutes at half of capacity"));
        Files.writeString(out.resolve("summary.md"), report.summary());
        System.out.print(report.summary());
        return verdict.met();
    }

    private static void everyMinute(long start, int minutes, Recorder recorder, ServerProbe probe,
            List<Recorder.Minute> done) {
        try {
            for (int minute = 0; minute < minutes; minute++) {
                long wait = start + TimeUnit.MINUTES.toNanos(minute + 1) - System.nanoTime();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, wait));
                // The minute's answers end at the boundary; the reading (a full GC) comes right after.
                Recorder.Minute m = recorder.closeMinute(minute);
                ServerProbe.Reading reading = probe.read();
                done.add(m.withServer(reading));
                System.out.printf("minute %d: %d requests, %d wrong, p99 %.1f ms, heap after GC %d MiB, %d threads%n",
                        minute + 1, m.requests(), m.wrongTotal(), m.p99() / 1000.0, reading.heapAfterGcKb() / 1024,
                        reading.threads());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The verdict then says how many minutes were recorded; the load runs on to its end.
            System.out.println("reading the server failed, no further minutes recorded: " + e.getMessage());
        }
    }

    /** Scenarios are one request, except log-out, which is three. */
    private static double averageRequestsPerScenario() {
        return 1 + 2 * Kind.LOGOUT.perMille / 1000.0;
    }

    private static void awaitReady(String base, Process server) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped; see its log");
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/open")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("the server did not answer " + base + "/open within 3 minutes");
    }
}
