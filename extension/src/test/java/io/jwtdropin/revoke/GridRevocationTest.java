package io.jwtdropin.revoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.cache.impl.HazelcastClientCachingProvider;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.jwtdropin.config.ConfigKeys;
import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.RevocationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JCache store against a real Hazelcast grid on loopback: one member (in this JVM, port 18570) and one Hazelcast
 * client per "node". JCache hands out one manager per (URI, class loader), and Hazelcast scopes cache names by a
 * non-default URI, so several nodes in one JVM each get their client's own provider here; opening by configuration
 * ({@code jwtdropin.revocation.jcache.provider} and a client file) is tested with one node, and with real servers in
 * the WildFly grid test. The member is stopped and started again to show what a node does meanwhile.
 */
class GridRevocationTest {

    static final int PORT = 18570;
    static final String PROVIDER = "com.hazelcast.client.cache.HazelcastClientCachingProvider";
    static final long UNTIL = Clock.systemUTC().instant().getEpochSecond() + 3600;

    @TempDir
    Path dir;
    HazelcastInstance member;
    final List<RevocationStore> stores = new ArrayList<>();

    @AfterEach
    void stop() {
        stores.forEach(RevocationStore::close);
        if (member != null) {
            member.shutdown();
        }
    }

    static HazelcastInstance member() {
        Config config = new Config().setClusterName("jwtdropin-test");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getJetConfig().setEnabled(false);
        config.getNetworkConfig().setPort(PORT).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + PORT);
        return Hazelcast.newHazelcastInstance(config);
    }

    /**
     * A client configuration as the README gives it: start without waiting for the cluster, fail fast while
     * offline, and keep trying to (re)connect for ever (the default timeout).
     */
    Path clientConfig(String node) throws IOException {
        return Files.writeString(dir.resolve(node + ".xml"), """
                <hazelcast-client xmlns="http://www.hazelcast.com/schema/client-config">
                  <cluster-name>jwtdropin-test</cluster-name>
                  <instance-name>%s</instance-name>
                  <network><cluster-members><address>127.0.0.1:%d</address></cluster-members></network>
                  <connection-strategy async-start="true" reconnect-mode="ASYNC"/>
                  <properties><property name="hazelcast.phone.home.enabled">false</property></properties>
                </hazelcast-client>
                """.formatted(node + "-" + System.nanoTime(), PORT));
    }

    /** A node with its own client, as a separate JVM would have. */
    RevocationStore node(String name) {
        ClientConfig config = new ClientConfig().setClusterName("jwtdropin-test").setInstanceName(name + "-"
                + System.nanoTime()).setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().addAddress("127.0.0.1:" + PORT);
        config.getConnectionStrategyConfig().setAsyncStart(false) // a test node waits for the member
                .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        CacheManager manager = new HazelcastClientCachingProvider(client).getCacheManager();
        RevocationStore store = new JCacheRevocationStore(manager, true, new RevocationList(1000, Clock.systemUTC()),
                Duration.ofHours(1), Duration.ofSeconds(60));
        stores.add(store);
        return store;
    }

    /** A node opened from configuration, as the application's start does it. */
    RevocationStore configured(String name, RevocationConfig.Unreachable unreachable) throws IOException {
        RevocationConfig config = new RevocationConfig(RevocationConfig.Store.JCACHE, false, Duration.ofHours(1), 1000,
                Duration.ofSeconds(60), Optional.of(new RevocationConfig.Grid(PROVIDER,
                        Optional.of(clientConfig(name).toUri()), unreachable, Duration.ofSeconds(5))));
        RevocationStore store = RevocationSupport.create(config, getClass().getClassLoader(), Clock.systemUTC())
                .orElseThrow();
        stores.add(store);
        return store;
    }

    static void eventually(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " not within " + limit);
            }
            Thread.sleep(20);
        }
    }

    static boolean revoked(RevocationStore store, String jti) {
        return store.list().isRevoked(jti, null, null, 0);
    }

    @Test
    void aRevocationOnOneNodeIsEnforcedOnTheOtherAndLoadedByANodeStartingLater() throws Exception {
        member = member();
        RevocationStore a = node("a");
        RevocationStore b = node("b");
        assertTrue(a.clustered() && b.clustered());
        long start = System.nanoTime();
        a.revokeToken("t-1", UNTIL);
        eventually("t-1 on b", Duration.ofSeconds(1), () -> revoked(b, "t-1"));
        System.out.println("GridRevocationTest: a -> b in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        b.revokeSubject("carol", 1000, UNTIL);
        b.revokeSession("sid-1", UNTIL);
        eventually("carol and sid-1 on a", Duration.ofSeconds(1), () -> a.list().isRevoked(null, null, "carol", 999)
                && a.list().isRevoked(null, "sid-1", null, 0));
        RevocationStore c = node("c");
        assertTrue(revoked(c, "t-1") && c.list().isRevoked(null, null, "carol", 1000)
                && c.list().isRevoked(null, "sid-1", null, 0), "a node starting later loads the grid");
        assertFalse(c.list().isRevoked(null, null, "carol", 1001));
    }

    @Test
    void whileTheGridIsDownANodeEnforcesItsOwnRevocationsAndWritesThemWhenTheGridIsBackEmpty() throws Exception {
        member = member();
        RevocationStore a = node("a");
        RevocationStore b = node("b");
        a.revokeToken("before", UNTIL);
        eventually("before on b", Duration.ofSeconds(1), () -> revoked(b, "before"));
        member.shutdown();
        long start = System.nanoTime();
        a.revokeToken("during", UNTIL);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < GridSync.WRITE_WAIT.toMillis() + 500, "a revocation does not wait for the grid: " + tookMs);
        assertTrue(revoked(a, "during"), "enforced on its own node at once");
        member = member(); // a new member: the grid holds nothing
        eventually("during on b, after the grid is back", Duration.ofSeconds(20), () -> revoked(b, "during"));
        RevocationStore c = node("c");
        assertTrue(revoked(c, "before") && revoked(c, "during"), "the nodes wrote what the empty grid lost");
        c.revokeToken("after", UNTIL);
        eventually("after on a and b", Duration.ofSeconds(1), () -> revoked(a, "after") && revoked(b, "after"));
    }

    @Test
    void anUnreachableGridFailsTheDeploymentWithOneSentence() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> configured("a", RevocationConfig.Unreachable.FAIL));
        assertTrue(e.getMessage().contains(ConfigKeys.REVOCATION_JCACHE_PROVIDER) && e.getMessage().contains(PROVIDER)
                && e.getMessage().contains("could not be opened"), e.getMessage());
    }

    @Test
    void aNodeStartedLocalJoinsTheGridWhenItAppears() throws Exception {
        RevocationStore a = configured("a", RevocationConfig.Unreachable.START_LOCAL);
        assertFalse(a.clustered());
        a.revokeToken("local", UNTIL);
        assertTrue(revoked(a, "local"));
        member = member();
        eventually("a joins", Duration.ofSeconds(30), a::clustered);
        javax.cache.Cache<String, String> tokens = ((CacheManager) a.grid().orElseThrow())
                .getCache(JCacheRevocationStore.TOKENS, String.class, String.class);
        assertTrue(tokens.containsKey("local"), "what a revoked alone is in the grid once it joined");
        a.revokeToken("joined", UNTIL);
        assertTrue(tokens.containsKey("joined"), "and what it revokes from now on");
    }

    @Test
    void closingANodeClosesTheClientItOpened() throws Exception {
        member = member();
        RevocationStore a = configured("a", RevocationConfig.Unreachable.FAIL);
        assertTrue(a.clustered());
        int clients = HazelcastClient.getAllHazelcastClients().size();
        a.close();
        stores.remove(a);
        assertEquals(clients - 1, HazelcastClient.getAllHazelcastClients().size());
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({"100,200,200", "200,100,200", "100,x,100", "10:500,20:400,20:500", "10:500,5:900,10:900"})
    void mergingNeverLowersWhatAnotherNodeWrote(String inGrid, String mine, String merged) {
        String result = inGrid.contains(":") ? JCacheRevocationStore.laterCutoff(inGrid, mine)
                : JCacheRevocationStore.later(mine, inGrid);
        assertEquals(merged, result);
    }
}
