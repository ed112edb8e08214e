package io.jwtdropin.it.grid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Hazelcast member the application's clients connect to: its own JVM ({@code HazelcastMemberStarter} with the
 * JCache API beside it, so it serves caches), a configuration from {@code src/test/grid/member.xml} (127.0.0.1:18590,
 * TCP/IP join, no multicast), stopped by its PID, or killed.
 */
final class GridMember {

    static final int PORT = 18590;
    private final Path workDir;
    private Process process;
    private int starts;

    GridMember(Path workDir) {
        this.workDir = workDir;
    }

    long pid() {
        return process.pid();
    }

    void start() throws Exception {
        String lib = System.getProperty("grid.lib");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.config=" + System.getProperty("grid.member.config"),
                "-cp", lib + "/hazelcast.jar:" + lib + "/cache-api.jar",
                "com.hazelcast.core.server.HazelcastMemberStarter"))
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("member-" + ++starts + ".out").toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Hazelcast member exited; see " + workDir);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Hazelcast member is not listening on " + PORT + " within 60 s");
    }

    /** {@code kill -9}: no goodbye to the clients. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
