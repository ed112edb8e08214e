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
 * One server JVM of a cluster test, started and stopped (by its PID) by the test itself: Arquillian's adapters run
 * one instance per container and cannot restart one mid-test. Subclasses give the command line; the node is ready
 * when the cluster application ({@link ClusterApp}) answers {@code api/public}.
 */
public abstract class ServerNode {

    protected final String name;
    protected final int httpPort;
    protected final Path workDir;
    private Process process;

    protected ServerNode(String name, int httpPort, Path workDir) {
        this.name = name;
        this.httpPort = httpPort;
        this.workDir = workDir;
    }

    /** The command that starts this node, run in {@link #workDir}. */
    protected abstract List<String> command() throws IOException;

    public URI base() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /** The server JVM's PID (a launcher script's child, where the server starts through one). */
    public long pid() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                .map(ProcessHandle::pid).orElse(process.pid());
    }

    public void start() throws IOException {
        process = new ProcessBuilder(command())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .start();
    }

    /** Waits until the application answers, or fails after {@code limit}. */
    public void awaitReady(Duration limit) throws Exception {
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

    /**
     * Kills the JVM outright, as {@code kill -9} would (SIGKILL by its PID, and any launcher around it): no shutdown
     * hooks, no goodbye to the data grid, sockets closed by the kernel.
     */
    public void kill() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the JVM by its PID (and a launcher script around it): a normal shutdown, forced after 30 s. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
