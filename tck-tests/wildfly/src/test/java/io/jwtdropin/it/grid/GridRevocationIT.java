package io.jwtdropin.it.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.jwtdropin.it.cluster.ClusterCalls.dpop;
import static io.jwtdropin.it.cluster.ClusterCalls.me;
import static io.jwtdropin.it.cluster.ClusterCalls.send;
import static io.jwtdropin.it.cluster.ClusterCalls.untilRefused;

import io.jwtdropin.it.cluster.ClusterApp;
import io.jwtdropin.it.cluster.ClusterCalls;
import io.jwtdropin.it.cluster.RevocationResource;
import io.jwtdropin.it.cluster.ServerNode;
import io.jwtdropin.junit5.DpopKey;
import io.jwtdropin.junit5.JwtTestKeys;
import io.jwtdropin.junit5.TestTokens;
import io.jwtdropin.tck.DropinArchiveProcessor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * Revocation across two WildFly nodes, which have no data grid of their own, through an external Hazelcast grid:
 * the application brings the Hazelcast client and the JCache API in {@code WEB-INF/lib} and a client configuration,
 * and names the provider ({@code jwtdropin.revocation.jcache.provider}); one Hazelcast member runs in its own JVM.
 * Nodes on 127.0.0.1, HTTP 21080 and 21180 (port offsets 13000, 13100), the member on 18590; all started and stopped
 * by this test, by PID. The member is killed ({@code kill -9}) and started again, empty, mid-test.
 */
@ExtendWith(JwtTestKeys.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridRevocationIT {

    static final Duration BOOT = Duration.ofMinutes(3);
    static final String PUBLIC_BASE = "https://api.jwt-dropin.example";
    static final String PROVIDER = "com.hazelcast.client.cache.HazelcastClientCachingProvider";
    static GridMember member;
    static WildFlyNode nodeA;
    static WildFlyNode nodeB;
    static final List<String> revokedTokens = new ArrayList<>();
    static final List<String> revokedSubjectTokens = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "grid-cluster").toAbsolutePath());
        Path war = dir.resolve("grid.war");
        Path lib = Path.of(System.getProperty("grid.lib"));
        WebArchive archive = DropinArchiveProcessor.prepare(ShrinkWrap.create(WebArchive.class, "grid.war")
                .addClasses(ClusterApp.class, RevocationResource.class)
                .addAsLibraries(lib.resolve("hazelcast.jar").toFile(), lib.resolve("cache-api.jar").toFile())
                .addAsResource(new File(System.getProperty("grid.client.config")), "hazelcast-client.xml")
                .addAsResource(new StringAsset(JwtTestKeys.microProfileConfig()
                        + "jwtdropin.revocation.store=jcache\n"
                        + "jwtdropin.revocation.jcache.provider=" + PROVIDER + "\n"
                        + "jwtdropin.revocation.jcache.uri=classpath:hazelcast-client.xml\n"
                        + "jwtdropin.dpop.public-base-url=" + PUBLIC_BASE + "\n"),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml"));
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        member = new GridMember(dir);
        member.start();
        nodeA = new WildFlyNode("node-a", 13000, war, dir);
        nodeB = new WildFlyNode("node-b", 13100, war, dir);
        nodeA.start();
        nodeA.awaitReady(BOOT);
        nodeB.start();
        nodeB.awaitReady(BOOT);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ServerNode node : new ServerNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (member != null) {
            member.stop();
        }
    }

    @Test
    @Order(1)
    void bothNodesShareRevocationsThroughTheGrid(TestTokens tokens) throws Exception {
        String token = tokens.forUser("alice").groups("user").sign();
        assertEquals(200, me(nodeA, token));
        assertEquals(200, me(nodeB, token));
        assertEquals("cluster-wide:true", send(nodeA, "GET", "api/public", null).body());
        assertEquals("cluster-wide:true", send(nodeB, "GET", "api/public", null).body());
    }

    @Test
    @Order(2)
    void nothingListensBeyondLoopback() throws Exception {
        List<String> ours = ClusterCalls.assertLoopbackOnly(5, nodeA.pid(), nodeB.pid(), member.pid());
        System.out.println("GridRevocationIT: listening sockets of the nodes and the member:\n  " + String.join("\n  ", ours));
        assertTrue(ours.stream().anyMatch(l -> l.contains("pid=" + member.pid() + ",")), "the member: " + ours);
    }

    /** 50 revocations, alternately on each node, each polled on the other until refused. */
    @Test
    @Order(3)
    void fiftyRevocationsEachRefusedOnTheOtherNodeWithinOneSecond(TestTokens tokens) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ServerNode on = i % 2 == 0 ? nodeA : nodeB;
            ServerNode other = i % 2 == 0 ? nodeB : nodeA;
            String token = tokens.forUser("user-" + i).groups("user").sign();
            assertEquals(200, me(other, token));
            long start = System.nanoTime();
            assertEquals(204, send(on, "POST", "api/revoke/me", token).statusCode());
            millis.add(untilRefused(other, token, start, Duration.ofSeconds(5)).toMillis());
            revokedTokens.add(token);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.println("GridRevocationIT: revoked on one node, refused on the other after (ms, incl. the revoke"
                + " call) min " + sorted.get(0) + ", median " + sorted.get(25) + ", p90 " + sorted.get(45) + ", max "
                + sorted.get(49) + " over 50: " + millis);
        assertTrue(sorted.get(49) < 1000, "every one within 1 s: " + millis);
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
            untilRefused(nodeA, token, start, Duration.ofSeconds(1));
            assertEquals(401, me(nodeB, token));
        }
        System.out.println("GridRevocationIT: subject revoked on B, its 3 tokens refused on A after "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        assertEquals(200, me(nodeA, bob));
        assertEquals(200, me(nodeB, bob));
    }

    @Test
    @Order(5)
    void aDpopProofUsedOnOneNodeIsRefusedOnTheOther(TestTokens tokens) throws Exception {
        DpopKey key = DpopKey.generate();
        String token = tokens.forUser("erin").groups("user").boundTo(key).sign();
        String proof = key.proof("GET", PUBLIC_BASE + "/api/me", token);
        assertEquals(200, dpop(nodeA, token, proof).statusCode());
        assertEquals(401, dpop(nodeB, token, proof).statusCode(), "the same proof on the other node is a replay");
        assertEquals(200, dpop(nodeB, token, key.proof("GET", PUBLIC_BASE + "/api/me", token)).statusCode());
    }

    @Test
    @Order(6)
    void aRestartedNodeStillRefusesWhatWasRevoked() throws Exception {
        long oldPid = nodeB.pid();
        nodeB.stop();
        nodeB.start();
        nodeB.awaitReady(BOOT);
        assertTrue(nodeB.pid() != oldPid, "a new JVM");
        assertAllRefused(nodeB, "after node B's restart");
    }

    /**
     * The member is killed: each node keeps refusing what it knew, a revocation made meanwhile is enforced on its
     * own node at once and on the other once the grid is back; no request gets a 5xx. The new member is empty: the
     * nodes write their lists back, so a node started afterwards still refuses every revoked token.
     */
    @Test
    @Order(7)
    void theGridKilledAndRestartedEmpty(TestTokens tokens) throws Exception {
        member.kill();
        String during = tokens.forUser("frank").groups("user").sign();
        assertEquals(200, me(nodeB, during));
        long start = System.nanoTime();
        assertEquals(204, send(nodeA, "POST", "api/revoke/me", during).statusCode(), "a revocation while the grid is down");
        long revokeMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, me(nodeA, during), "enforced on its own node at once");
        assertEquals(200, me(nodeB, during), "the other node hears of it when the grid is back (README)");
        assertAllRefused(nodeA, "while the grid is down");
        assertAllRefused(nodeB, "while the grid is down");
        revokedTokens.add(during);

        long restart = System.nanoTime();
        member.start();
        Duration caughtUp = untilRefused(nodeB, during, restart, Duration.ofSeconds(60));
        System.out.println("GridRevocationIT: revoke call while the grid was down took " + revokeMs + " ms; after the"
                + " member's restart node B refused that token within " + caughtUp.toMillis() + " ms");
        String after = tokens.forUser("gina").groups("user").sign();
        assertEquals(200, me(nodeA, after));
        long again = System.nanoTime();
        assertEquals(204, send(nodeB, "POST", "api/revoke/me", after).statusCode());
        Duration propagation = untilRefused(nodeA, after, again, Duration.ofSeconds(5));
        System.out.println("GridRevocationIT: after the grid's restart, revoked on B, refused on A after "
                + propagation.toMillis() + " ms");
        // Right after the member's restart the first propagation can include the nodes' reconnection: 1.46 s once in
        // a loaded clean-clone run (2026-12-03), under 1 s in every other run; a live grid is held to 1 s above.
        assertTrue(propagation.compareTo(Duration.ofSeconds(2)) < 0, "propagation " + propagation);
        revokedTokens.add(after);

        nodeA.stop(); // a node that starts now only has the (restarted, once empty) grid to learn from
        nodeA.start();
        nodeA.awaitReady(BOOT);
        assertAllRefused(nodeA, "node A started after the grid's restart");
    }

    static void assertAllRefused(ServerNode node, String when) throws Exception {
        for (String token : revokedTokens) {
            assertEquals(401, me(node, token), "a revoked token, " + when);
        }
        for (String token : revokedSubjectTokens) {
            assertEquals(401, me(node, token), "carol's older tokens, " + when);
        }
    }
}
