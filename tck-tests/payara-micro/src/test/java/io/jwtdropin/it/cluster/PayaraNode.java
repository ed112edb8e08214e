package io.jwtdropin.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro JVM of a two-node cluster on loopback, started and stopped (by its PID) by the test: HTTP on
 * 127.0.0.1:{@code httpPort}, the data grid on 127.0.0.1:{@code gridPort} finding its peer by a TCP/IP member list
 * (no multicast), backups allowed on the same host ({@code --nohostaware}).
 */
final class PayaraNode implements AutoCloseable {

    static final List<Integer> GRID_PORTS = List.of(18500, 18501);

    private final String name;
    private final int httpPort;
    private final int gridPort;
    private final Path war;
    private final Path workDir;
    private Process process;

    PayaraNode(String name, int httpPort, int gridPort, Path war, Path workDir) {
        this.name = name;
        this.httpPort = httpPort;
        this.gridPort = gridPort;
        this.war = war;
        this.workDir = workDir;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    long pid() {
        return process.pid();
    }

    void start() throws IOException {
        String members = "127.0.0.1:" + GRID_PORTS.get(0) + ",127.0.0.1:" + GRID_PORTS.get(1);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dhazelcast.socket.bind.any=false",
                "-Djava.net.preferIPv4Stack=true",
                "-jar", System.getProperty("payara.micro.jar"),
                "--name", name,
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", Integer.toString(httpPort),
                "--clustermode", "tcpip:" + members,
                "--clustername", "jwtdropin-it",
                "--startport", Integer.toString(gridPort),
                "--interfaces", "127.0.0.1",
                "--nohostaware",
                "--disablephonehome",
                "--prebootcommandfile", System.getProperty("cluster.preboot"),
                "--logtofile", workDir.resolve(name + ".log").toString());
        process = new ProcessBuilder(command.stream().filter(s -> !s.isEmpty()).toList())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .start();
    }

    /** Waits until the application answers, or fails after {@code limit}. */
    void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + workDir);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("api/public"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + limit + "; see " + workDir);
    }

    /** Stops the JVM by its PID: a normal shutdown, forced after 30 s. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
