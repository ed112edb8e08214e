package io.jwtdropin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each command in-process: key types, minting, verifying with the jar's reasons, and bad input. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> resolved = new ArrayList<>();
        for (String arg : args) {
            // Only a leading DIR: a token's random base64url may hold "DIR" too (about one RSA token in 600).
            resolved.add(arg.startsWith("DIR") ? dir + arg.substring("DIR".length()) : arg);
        }
        int exit = Main.run(resolved, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String mint(String type, String keyFile, String... more) {
        assertEquals(0, cli("keygen", "--type", type, "--kid", "k-" + type, "--out", "DIR/" + type).exit());
        List<String> args = new ArrayList<>(List.of("mint", "--key", "DIR/" + type + "/" + keyFile, "--iss", "https://me",
                "--sub", "alice", "--groups", "user,admin", "--aud", "api", "--kid", "k-" + type));
        args.addAll(List.of(more));
        Result minted = cli(args.toArray(String[]::new));
        assertEquals(0, minted.exit(), minted.err());
        return minted.out().strip();
    }

    @ParameterizedTest(name = "{0} signed with {1}, verified with {2}")
    @CsvSource({
        "rsa,     private-key.pem,      jwks.json",
        "rsa,     private-key.jwk.json, public-key.pem",
        "ec,      private-key.pem,      jwks.json",
        "ed25519, private-key.pem,      jwks.json",
        "ed25519, private-key.jwk.json, public-key.pem"})
    void keygenMintVerify(String type, String privateKey, String publicKey) {
        String token = mint(type, privateKey);
        Result verified = cli("verify", "--key", "DIR/" + type + "/" + publicKey, "--iss", "https://me", "--aud", "api", token);
        assertEquals(0, verified.exit(), verified.err());
        assertTrue(verified.out().contains("caller alice, groups ["), verified.out());
        assertTrue(verified.out().contains("\"admin\""), verified.out());
        assertTrue(Files.exists(dir.resolve(type).resolve("private-key.pem")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong issuer      | --iss=https://other            | JWTD-120",
        "wrong audience    | --aud=web                      | JWTD-121",
        "other key type    | --key=DIR/ec/jwks.json          | JWTD-103",
        "algorithm pinned  | --alg=PS256                    | JWTD-103"})
    void refusalsCarryTheJarsIds(String why, String flag, String id) {
        String token = mint("rsa", "private-key.pem");
        cli("keygen", "--type", "ec", "--out", "DIR/ec");
        String name = flag.substring(0, flag.indexOf('='));
        String value = flag.substring(flag.indexOf('=') + 1);
        List<String> args = new ArrayList<>(List.of("verify", "--key", "DIR/rsa/jwks.json", "--iss", "https://me",
                "--aud", "api"));
        int at = args.indexOf(name);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(List.of(name, value));
        }
        args.add(token);
        Result refused = cli(args.toArray(String[]::new));
        assertEquals(1, refused.exit(), why);
        assertTrue(refused.err().startsWith("refused: " + id), refused.err());
    }

    /** The refusal says what the server's log would say, detail included, and never echoes the token. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one character too many | x  | JWTD-102 token is not a well-formed compact JWS or JWE (non-canonical base64url)",
        "a fourth segment       | .e | JWTD-102 token is not a well-formed compact JWS or JWE (wrong number of segments)"})
    void refusalsCarryTheDetail(String why, String appended, String expected) {
        String token = mint("rsa", "private-key.pem") + appended;
        Result refused = cli("verify", "--key", "DIR/rsa/jwks.json", token);
        assertEquals(1, refused.exit(), why);
        assertEquals("refused: " + expected, refused.err().strip(), why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no command          | -                                          | 2",
        "unknown command     | sign                                       | 2",
        "unknown flag        | keygen --type rsa --size 4096              | 2",
        "bad key type        | keygen --type dsa                          | 2",
        "flag without value  | mint --key                                 | 2",
        "bad ttl             | mint --key k --iss i --sub s --ttl soon    | 2",
        "missing key file    | verify --key DIR/none.pem a.b.c            | 3",
        "no token            | verify --key DIR/none.pem                  | 2",
        "decode garbage      | decode not-a-token                         | 3",
        "help                | --help                                     | 0"})
    void badCommandLinesGetClearExitCodes(String why, String line, int exit) {
        String[] args = line.equals("-") ? new String[0] : line.split(" ");
        Result result = cli(args);
        assertEquals(exit, result.exit(), why + ": " + result.err());
        if (exit == 2 && args.length > 0) {
            assertTrue(result.err().startsWith("usage error: "), result.err());
        }
    }

    @ParameterizedTest
    @CsvSource({"decode"})
    void decodeSaysItVerifiesNothing(String command) {
        Result decoded = cli(command, mint("rsa", "private-key.pem"));
        assertEquals(0, decoded.exit());
        assertTrue(decoded.out().startsWith("UNVERIFIED"), decoded.out());
        assertTrue(decoded.out().contains("\"sub\": \"alice\""), decoded.out());
    }

    @ParameterizedTest
    @CsvSource({"'{\"tenant\":\"acme\",\"level\":3,\"tags\":[\"a\",\"b\"]}'"})
    void claimsFileAddsClaims(String json) throws Exception {
        Files.writeString(dir.resolve("claims.json"), json);
        String token = mint("rsa", "private-key.pem", "--claims", "DIR/claims.json");
        Result verified = cli("verify", "--key", "DIR/rsa/jwks.json", token);
        assertTrue(verified.out().contains("\"tenant\": \"acme\"") && verified.out().contains("\"level\": 3"),
                verified.out());
    }

    /** A bound token and a proof from the CLI pass the jar's own DPoP checks; the proof is for that URL only. */
    @ParameterizedTest(name = "DPoP key {0}")
    @CsvSource({"ec", "rsa", "ed25519"})
    void mintsBoundTokensAndProofsTheJarAccepts(String clientType) throws Exception {
        assertEquals(0, cli("keygen", "--type", clientType, "--out", "DIR/client").exit());
        String token = mint("ec", "private-key.pem", "--dpop-key", "DIR/client/private-key.jwk.json");
        Result proof = cli("proof", "--key", "DIR/client/private-key.jwk.json", "--method", "POST",
                "--url", "https://api.example/notes?draft=1", "--token", token);
        assertEquals(0, proof.exit(), proof.err());
        java.util.Map<String, String> config = java.util.Map.of(
                "mp.jwt.verify.publickey.location", dir.resolve("ec/jwks.json").toUri().toString(),
                "mp.jwt.verify.issuer", "https://me");
        io.jwtdropin.config.JwtAuthConfig read = io.jwtdropin.config.ConfigReader.read(
                key -> java.util.Optional.ofNullable(config.get(key)));
        io.jwtdropin.verify.VerifiedToken verified = io.jwtdropin.verify.VerifierFactory.create(read,
                getClass().getClassLoader(), java.time.Clock.systemUTC()).verify(token);
        io.jwtdropin.dpop.DpopVerifier dpop = io.jwtdropin.dpop.DpopSupport.create(read, java.util.Optional.empty(),
                getClass().getClassLoader(), jakarta.json.Json.createReaderFactory(java.util.Map.of()),
                java.time.Clock.systemUTC(), io.jwtdropin.verify.VerificationEvents.NONE).orElseThrow();
        dpop.check(verified, new io.jwtdropin.dpop.ProofRequest(true, List.of(proof.out().strip()), "POST",
                "https://api.example/notes"));
        io.jwtdropin.verify.TokenRejectedException otherUrl = org.junit.jupiter.api.Assertions.assertThrows(
                io.jwtdropin.verify.TokenRejectedException.class, () -> dpop.check(verified,
                        new io.jwtdropin.dpop.ProofRequest(true, List.of(cli("proof", "--key",
                                "DIR/client/private-key.jwk.json", "--url", "https://api.example/notes", "--token", token)
                                .out().strip()), "GET", "https://api.example/other")));
        assertEquals("JWTD-157", otherUrl.reason().id());
        assertEquals(3, cli("proof", "--key", "DIR/client/jwks.json", "--url", "https://api.example/").exit(),
                "a public key cannot sign proofs");
    }
}
