package io.jwtdropin.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The HTTP calls and checks the cluster tests make against the nodes of {@link ClusterApp}. */
public final class ClusterCalls {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ClusterCalls() {
    }

    public static HttpResponse<String> send(ServerNode node, String method, String path, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.base().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of {@code api/me} with {@code token}; a 5xx fails the test at once. */
    public static int me(ServerNode node, String token) throws Exception {
        int status = send(node, "GET", "api/me", token).statusCode();
        assertTrue(status < 500, "never a 5xx: " + status);
        return status;
    }

    /** {@code api/me} with a DPoP-bound token and its proof. */
    public static HttpResponse<String> dpop(ServerNode node, String token, String proof) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.base().resolve("api/me")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "DPoP " + token).header("DPoP", proof).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code node} until {@code token} is refused; returns how long that took from {@code startNanos}. */
    public static Duration untilRefused(ServerNode node, String token, long startNanos, Duration limit)
            throws Exception {
        while (System.nanoTime() - startNanos < limit.toNanos()) {
            if (me(node, token) == 401) {
                return Duration.ofNanos(System.nanoTime() - startNanos);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("still accepted " + limit + " after revocation");
    }

    /**
     * Asserts that every socket the processes {@code pids} listen on is bound to 127.0.0.1, and that there are at
     * least {@code atLeast}; returns those sockets ({@code ss -ltnp}).
     */
    public static List<String> assertLoopbackOnly(int atLeast, long... pids) throws Exception {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes());
        assertEquals(0, ss.waitFor(), out);
        List<String> ours = out.lines()
                .filter(line -> Arrays.stream(pids).anyMatch(pid -> line.contains("pid=" + pid + ","))).toList();
        assertTrue(ours.size() >= atLeast, "at least " + atLeast + " listening sockets: " + ours);
        for (String line : ours) {
            String local = line.trim().split("\\s+")[3];
            assertTrue(local.startsWith("127.0.0.1:") || local.startsWith("[::ffff:127.0.0.1]:"), line);
        }
        return ours;
    }
}
