package io.jwtdropin.cli;

import io.jwtdropin.keys.KeyLoader;
import io.jwtdropin.config.IssuingConfig;
import io.jwtdropin.config.JwtAuthConfig.KeySource;
import io.jwtdropin.issue.TokenSigner;
import io.jwtdropin.verify.VerifierFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code mint}: a signed token, made by the jar's own signer. */
final class MintCommand {

    private MintCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Flags flags = new Flags(args, Set.of("key", "iss", "sub", "groups", "aud", "ttl", "kid", "alg", "claims", "dpop-key"));
        Duration lifetime = Duration.ofSeconds(flags.seconds("ttl", 300));
        KeySource source = new KeySource("--key", false, Path.of(flags.required("key")).toAbsolutePath().toUri().toString(),
                false);
        Key key = KeyLoader.signingKey(source, MintCommand.class.getClassLoader());
        String algorithm = flags.get("alg").orElse(defaultAlgorithm(key));
        IssuingConfig config = new IssuingConfig(source, algorithm, flags.required("iss"), flags.get("aud"),
                lifetime, flags.get("kid"));
        Map<String, Object> claims = new LinkedHashMap<>();
        if (flags.get("claims").isPresent()) {
            claims.putAll(claimsFile(Path.of(flags.get("claims").get())));
        }
        if (flags.get("dpop-key").isPresent()) {
            claims.put("cnf", Map.of("jkt", ProofCommand.thumbprint(ProofCommand.clientKey(Path.of(flags.get("dpop-key").get())))));
        }
        String subject = flags.required("sub");
        out.println(new TokenSigner(config, key, Clock.systemUTC())
                .sign(subject, subject, flags.list("groups"), claims, null).token());
        return Main.OK;
    }

    private static String defaultAlgorithm(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "ES256";
            case "EdDSA", "Ed25519" -> "EdDSA";
            default -> "RS256";
        };
    }

    /** A JSON object of extra claims, as plain Java values (strings, numbers, booleans, lists, maps). */
    static Map<String, Object> claimsFile(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            JsonObject object = reader.readObject();
            Map<String, Object> claims = new LinkedHashMap<>();
            object.forEach((name, value) -> claims.put(name, plain(value)));
            return claims;
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new IOException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) value).isIntegral() ? (Object) ((jakarta.json.JsonNumber) value).longValue()
                    : ((jakarta.json.JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> value.asJsonArray().stream().map(MintCommand::plain).toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
        };
    }
}
