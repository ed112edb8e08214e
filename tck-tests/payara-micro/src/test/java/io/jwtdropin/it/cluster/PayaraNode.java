package io.jwtdropin.it.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * One Payara Micro JVM of a two-node cluster on loopback, started and stopped (by its PID) by the test: HTTP on
 * 127.0.0.1:{@code httpPort}, the data grid on 127.0.0.1:{@code gridPort} finding its peer by a TCP/IP member list
 * (no multicast), backups allowed on the same host ({@code --nohostaware}).
 */
final class PayaraNode extends ServerNode {

    static final List<Integer> GRID_PORTS = List.of(18500, 18501);

    private final int gridPort;
    private final Path war;

    PayaraNode(String name, int httpPort, int gridPort, Path war, Path workDir) {
        super(name, httpPort, workDir);
        this.gridPort = gridPort;
        this.war = war;
    }

    @Override
    protected List<String> command() {
        String members = "127.0.0.1:" + GRID_PORTS.get(0) + ",127.0.0.1:" + GRID_PORTS.get(1);
        return List.of(
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
    }
}
