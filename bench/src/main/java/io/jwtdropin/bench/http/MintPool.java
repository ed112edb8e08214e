package io.jwtdropin.bench.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the HTTP benchmark needs into a folder: {@code publicKey.pem}, {@code token.txt} (one token) and
 * {@code tokens.txt} (a pool of distinct tokens); with a URL and proof counts also, per DPoP proof algorithm, a token
 * bound to a client key ({@code dpop-ALG-token.txt}) and that many single-use proofs for GET URL
 * ({@code dpop-ALG-proofs.txt}). Usage: {@code MintPool DIR COUNT [URL ES256_PROOFS PS256_PROOFS]}.
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
        if (args.length > 2) {
            proofs(tokens, dir, args[2], "ES256", Integer.parseInt(args[3]));
            proofs(tokens, dir, args[2], "PS256", Integer.parseInt(args[4]));
        }
    }

    private static void proofs(io.jwtdropin.bench.BenchTokens issuer, Path dir, String url, String alg, int count)
            throws Exception {
        io.jwtdropin.bench.BenchTokens client = new io.jwtdropin.bench.BenchTokens(alg);
        String token = issuer.mint("alice", java.util.Map.of("cnf",
                java.util.Map.of("jkt", client.publicJwk().computeThumbprint().toString())));
        Files.writeString(dir.resolve("dpop-" + alg + "-token.txt"), token + "\n");
        List<String> proofs = java.util.stream.IntStream.range(0, count).parallel().mapToObj(i -> {
            try {
                return client.proof("GET", url, token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        Files.write(dir.resolve("dpop-" + alg + "-proofs.txt"), proofs);
    }
}
