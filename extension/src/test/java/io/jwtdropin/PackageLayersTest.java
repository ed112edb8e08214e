package io.jwtdropin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jar's packages depend one way: each may use only those before it in {@link #LAYERS}, read from the sources
 * (imports and fully qualified names). A new package must be placed in the list.
 */
class PackageLayersTest {

    static final List<String> LAYERS = List.of("config", "token", "keys", "verify", "principal", "metrics", "revoke",
            "dpop", "issue", "logout", "runtime", "mechanism", "cdi");
    private static final Path SOURCES = Path.of("src/main/java/io/jwtdropin");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.jwtdropin\\.([a-z]+)\\.[A-Z]");

    static Stream<String> packages() {
        return LAYERS.stream();
    }

    @ParameterizedTest
    @MethodSource("packages")
    void usesOnlyEarlierLayers(String pkg) throws IOException {
        Set<String> allowed = Set.copyOf(LAYERS.subList(0, LAYERS.indexOf(pkg)));
        TreeMap<String, Set<String>> offending = new TreeMap<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) {
                        offending.computeIfAbsent(file.getFileName().toString(), k -> new TreeSet<>()).add(used);
                    }
                }
            }
        }
        assertEquals(new TreeMap<>(), offending, pkg + " may use only " + new TreeSet<>(allowed));
    }

    @ParameterizedTest
    @MethodSource("packages")
    void hasPackageInfo(String pkg) {
        assertTrue(Files.exists(SOURCES.resolve(pkg).resolve("package-info.java")), pkg + " lacks package-info.java");
    }

    @org.junit.jupiter.api.Test
    void everyPackageIsPlaced() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            assertEquals(new TreeSet<>(LAYERS), new TreeSet<>(dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString()).toList()));
        }
    }

    /** The verification path never fetches or parses keys: no HTTP client and no key parsing in verify. */
    @org.junit.jupiter.api.Test
    void verifyNeitherFetchesNorParsesKeys() throws IOException {
        Pattern keyWork = Pattern.compile("java\\.net\\.|HttpClient|KeyFactory|KeyParser|JWKSet|PEM");
        try (Stream<Path> files = Files.list(SOURCES.resolve("verify"))) {
            for (Path file : files.toList()) {
                assertTrue(!keyWork.matcher(Files.readString(file)).find(), file + " deals with fetching or parsing keys");
            }
        }
    }
}
