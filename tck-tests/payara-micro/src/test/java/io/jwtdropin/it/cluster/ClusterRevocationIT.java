package io.jwtdropin.it.cluster;

import static io.jwtdropin.it.cluster.ClusterCalls.dpop;
import static io.jwtdropin.it.cluster.ClusterCalls.me;
import static io.jwtdropin.it.cluster.ClusterCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.junit5.DpopKey;
import io.jwtdropin.junit5.JwtTestKeys;
import io.jwtdropin.junit5.TestTokens;
import io.jwtdropin.tck.DropinArchiveProcessor;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Revocation across a real two-node Payara Micro cluster on loopback (HTTP 18480/18481, data grid 18500/18501,
 * TCP/IP member list, no multicast). The application requires the grid ({@code jwtdropin.revocation.store=jcache}),
 * so a node without it would fail to deploy. Arquillian's Payara Micro adapter runs one instance per container and
 * cannot restart one mid-test, so this test starts and stops the two JVMs itself, by PID.
 */
@ExtendWith(JwtTestKeys.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRevocationIT {

    static final Duration BOOT = Duration.ofMinutes(4);
    static final String PUBLIC_BASE = "https://api.jwt-dropin.example";
    static PayaraNode nodeA;
    static PayaraNode nodeB;
    static String revokedToken;
    static List<String> revokedSubjectTokens = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "cluster").toAbsolutePath());
        Path war = dir.resolve("cluster.war");
        WebArchive archive = DropinArchiveProcessor.prepare(ShrinkWrap.create(WebArchive.class, "cluster.war")
                .addClasses(ClusterApp.class, RevocationResource.class)
                .addAsResource(new StringAsset(JwtTestKeys.microProfileConfig() + "jwtdropin.revocation.store=jcache\n"
                        // both nodes behind one (imagined) load balancer: DPoP proofs name its URL
                        + "jwtdropin.dpop.public-base-url=" + PUBLIC_BASE + "\n"),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml"));
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        nodeA = new PayaraNode("node-a", 18480, PayaraNode.GRID_PORTS.get(0), war, dir);
        nodeB = new PayaraNode("node-b", 18481, PayaraNode.GRID_PORTS.get(1), war, dir);
        nodeA.start();
        nodeA.awaitReady(BOOT); // one at a time: two cold boots at once on two cores take longer than one after the other
        nodeB.start();
        nodeB.awaitReady(BOOT);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (nodeA != null) {
            nodeA.stop();
        }
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    static Duration untilRefused(PayaraNode node, String token, long startNanos) throws Exception {
        return ClusterCalls.untilRefused(node, token, startNanos, Duration.ofSeconds(5));
    }

    @Test
    @Order(1)
    void bothNodesAcceptATokenAndShareRevocations(TestTokens tokens) throws Exception {
        String token = tokens.forUser("alice").groups("user").sign();
        assertEquals(200, me(nodeA, token));
        assertEquals(200, me(nodeB, token));
        assertEquals("cluster-wide:true", send(nodeA, "GET", "api/public", null).body());
        assertEquals("cluster-wide:true", send(nodeB, "GET", "api/public", null).body());
    }

    @Test
    @Order(2)
    void nothingListensBeyondLoopback() throws Exception {
        List<String> ours = ClusterCalls.assertLoopbackOnly(4, nodeA.pid(), nodeB.pid()); // HTTP and grid of each
        System.out.println("ClusterRevocationIT: listening sockets of the two nodes:\n  " + String.join("\n  ", ours));
    }

    @Test
    @Order(3)
    void aTokenRevokedOnOneNodeIsRefusedOnTheOtherWithinOneSecond(TestTokens tokens) throws Exception {
        revokedToken = tokens.forUser("alice").groups("user").sign();
        assertEquals(200, me(nodeB, revokedToken));
        long start = System.nanoTime();
        assertEquals(204, send(nodeA, "POST", "api/revoke/me", revokedToken).statusCode());
        Duration propagation = untilRefused(nodeB, revokedToken, start);
        System.out.println("ClusterRevocationIT: revoked on A, refused on B after " + propagation.toMillis() + " ms");
        assertTrue(propagation.compareTo(Duration.ofSeconds(1)) < 0, "propagation " + propagation);
        assertEquals(401, me(nodeA, revokedToken));
    }

    @Test
    @Order(4)
    void logOutEverywhereRefusesASubjectsOlderTokensOnBothNodes(TestTokens tokens) throws Exception {
        for (int i = 0; i < 3; i++) {
            revokedSubjectTokens.add(tokens.forUser("carol").groups("user").issuedAgo(Duration.ofSeconds(5)).sign());
        }
        String bob = tokens.forUser("bob").groups("user").issuedAgo(Duration.ofSeconds(5)).sign();
        String admin = tokens.forUser("root").groups("user", "admin").sign();
        long start = System.nanoTime();
        assertEquals(204, send(nodeB, "POST", "api/revoke/subject/carol", admin).statusCode());
        for (String token : revokedSubjectTokens) {
            Duration onA = untilRefused(nodeA, token, start);
            assertTrue(onA.compareTo(Duration.ofSeconds(1)) < 0 || me(nodeA, token) == 401, "on A after " + onA);
            assertEquals(401, me(nodeB, token));
        }
        System.out.println("ClusterRevocationIT: subject revoked on B, refused on A after "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms (3 tokens checked)");
        assertEquals(200, me(nodeA, bob));
        assertEquals(200, me(nodeB, bob));
    }

    @Test
    @Order(5)
    void aRestartedNodeKeepsTheRevocationsWhileTheOtherIsUp(TestTokens tokens) throws Exception {
        long oldPid = nodeB.pid();
        nodeB.stop();
        nodeB.start();
        nodeB.awaitReady(BOOT);
        assertTrue(nodeB.pid() != oldPid, "a new JVM");
        assertEquals(401, me(nodeB, revokedToken), "the revoked token, after the restart");
        for (String token : revokedSubjectTokens) {
            assertEquals(401, me(nodeB, token), "carol's older tokens, after the restart");
        }
        String dave = tokens.forUser("dave").groups("user").sign();
        assertEquals(200, me(nodeB, dave));
        assertEquals(200, me(nodeA, dave));
        long start = System.nanoTime(); // and the restarted node still hears of new revocations
        assertEquals(204, send(nodeA, "POST", "api/revoke/me", dave).statusCode());
        Duration propagation = untilRefused(nodeB, dave, start);
        System.out.println("ClusterRevocationIT: after B's restart, revoked on A, refused on B after "
                + propagation.toMillis() + " ms");
        assertTrue(propagation.compareTo(Duration.ofSeconds(1)) < 0, "propagation " + propagation);
    }

    /**
     * DPoP proof ids live in the data grid beside the revocations: a proof accepted on one node is a replay on the
     * other (both name the load balancer's URL, {@code jwtdropin.dpop.public-base-url}).
     */
    @Test
    @Order(6)
    void aDpopProofUsedOnOneNodeIsRefusedOnTheOther(TestTokens tokens) throws Exception {
        DpopKey key = DpopKey.generate();
        String token = tokens.forUser("erin").groups("user").boundTo(key).sign();
        String proof = key.proof("GET", PUBLIC_BASE + "/api/me", token);
        assertEquals(200, dpop(nodeA, token, proof).statusCode());
        HttpResponse<String> replayed = dpop(nodeB, token, proof);
        assertEquals(401, replayed.statusCode());
        assertTrue(replayed.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"invalid_dpop_proof\""));
        assertEquals(200, dpop(nodeB, token, key.proof("GET", PUBLIC_BASE + "/api/me", token)).statusCode(), "a fresh proof");
        assertEquals(401, dpop(nodeA, token, key.proof("GET", nodeA.base() + "api/me", token)).statusCode(),
                "the node's own URL is not the public one");
    }

    /**
     * A node killed outright (SIGKILL, no shutdown) while the other keeps revoking: the revocation the dying node
     * answered just before is not lost (the grid keeps a backup of every entry on the other member), the other node
     * goes on revoking without a 5xx, and the killed node, started again, refuses everything revoked while it was down.
     */
    @Test
    @Order(7)
    void aNodeKilledWhileTheOtherRevokesMissesNothingOnceBack(TestTokens tokens) throws Exception {
        String lastWord = tokens.forUser("frank").groups("user").sign();
        assertEquals(204, send(nodeB, "POST", "api/revoke/me", lastWord).statusCode());
        List<String> revokedOnA = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] slowest = {0};
        Thread revoking = new Thread(() -> {
            for (int i = 0; i < 60; i++) {
                String token = tokens.forUser("grace" + i).groups("user").sign();
                try {
                    long start = System.nanoTime();
                    statuses.add(send(nodeA, "POST", "api/revoke/me", token).statusCode());
                    slowest[0] = Math.max(slowest[0], System.nanoTime() - start);
                    revokedOnA.add(token);
                    Thread.sleep(25);
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        }, "revoking-on-a");
        revoking.start();
        Thread.sleep(300);
        nodeB.kill();
        revoking.join();
        assertEquals(java.util.Collections.nCopies(60, 204), statuses, "every revocation on A answered 204");
        System.out.println("ClusterRevocationIT: B killed (SIGKILL) during 60 revocations on A; slowest "
                + slowest[0] / 1_000_000 + " ms");
        assertEquals(401, me(nodeA, lastWord), "B's last revocation outlived B");
        nodeB.start();
        nodeB.awaitReady(BOOT);
        assertEquals(401, me(nodeB, lastWord), "B's last revocation, after its restart");
        int refused = 0;
        for (String token : revokedOnA) {
            refused += me(nodeB, token) == 401 ? 1 : 0;
            assertEquals(401, me(nodeA, token));
        }
        System.out.println("ClusterRevocationIT: after B's restart it refuses " + refused + " of the " + revokedOnA.size()
                + " tokens revoked on A while it was dying or down");
        assertEquals(revokedOnA.size(), refused, "every revocation made while B was down");
        String henry = tokens.forUser("henry").groups("user").sign();
        assertEquals(200, me(nodeA, henry));
        assertEquals(200, me(nodeB, henry));
    }
}
