package io.jwtdropin.bench.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the HTTP benchmark needs into a folder: {@code publicKey.pem}, {@code token.txt} (one token) and
 * {@code tokens.txt} (a pool of distinct tokens). Usage: {@code MintPool DIR COUNT}.
 */
public final class MintPool {

    private MintPool() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        io.jwtdropin.bench.BenchTokens tokens = new io.jwtdropin.bench.BenchTokens("RS256");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("publicKey.pem"), tokens.publicKeyPem() + "\n");
        Files.writeString(dir.resolve("token.txt"), tokens.mint("alice") + "\n");
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pool.add(tokens.mint("user" + i));
        }
        Files.write(dir.resolve("tokens.txt"), pool);
    }
}
