package io.jwtdropin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a user runs it: {@code java -jar jwt-dropin-cli.jar …} in a separate JVM. */
class CliJarIT {

    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("cli.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out);
    }

    @Test
    void helpKeygenMintVerify() throws Exception {
        Run help = java("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("keygen") && help.out().contains("Exit codes"), help.out());
        assertEquals(0, java("keygen", "--type", "rsa", "--kid", "k1", "--out", "keys").exit());
        Run minted = java("mint", "--key", "keys/private-key.pem", "--iss", "https://me", "--sub", "alice",
                "--groups", "user", "--kid", "k1");
        assertEquals(0, minted.exit(), minted.out());
        String token = minted.out().strip();
        Run verified = java("verify", "--key", "keys/jwks.json", "--iss", "https://me", token);
        assertEquals(0, verified.exit(), verified.out());
        assertTrue(verified.out().contains("caller alice"), verified.out());
        Run forged = java("verify", "--key", "keys/jwks.json", token.substring(0, token.length() - 6) + "AAAAAA");
        assertEquals(1, forged.exit(), forged.out());
        assertTrue(forged.out().startsWith("refused: JWTD-105"), forged.out());
        assertEquals(2, java("frobnicate").exit());
    }
}
