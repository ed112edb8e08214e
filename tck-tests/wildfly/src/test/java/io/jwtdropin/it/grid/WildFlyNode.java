package io.jwtdropin.it.grid;

import io.jwtdropin.it.cluster.ServerNode;
import io.jwtdropin.it.support.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * One WildFly JVM of a two-node test: the build's unpacked WildFly with a server base directory of its own (a copy
 * of {@code standalone/configuration}, the test's WAR in {@code deployments}), the same configuration as the other
 * integration tests ({@code standalone-jwtdropin.xml}), every socket on 127.0.0.1 and the ports moved by
 * {@code portOffset} (HTTP 8080 + offset).
 */
final class WildFlyNode extends ServerNode {

    private final int portOffset;
    private final Path war;
    private boolean made;

    WildFlyNode(String name, int portOffset, Path war, Path workDir) {
        super(name, 8080 + portOffset, workDir);
        this.portOffset = portOffset;
        this.war = war;
    }

    @Override
    protected List<String> command() throws IOException {
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path base = workDir.resolve(name);
        if (!made) { // made fresh for each run; a restart keeps it, as a real node keeps its disk
            Folders.delete(base);
            made = true;
            copy(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-c", "standalone-jwtdropin.xml",
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.bind.address.private=127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djava.net.preferIPv4Stack=true");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
