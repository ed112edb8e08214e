package io.jwtdropin.cli;

import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerifiedToken;
import io.jwtdropin.verify.VerifierFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code verify}: the server's verification path, configured from flags through the same configuration reader
 * (flags become the {@code mp.jwt.*} keys), so a refusal here carries the id and text the server logs.
 */
final class VerifyCommand {

    private VerifyCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Flags flags = new Flags(args, Set.of("key", "iss", "aud", "alg", "min-rsa-bits"));
        String token = TokenInput.read(flags.positional());
        String key = flags.required("key");
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location", key.startsWith("http://") || key.startsWith("https://") ? key
                : Path.of(key).toAbsolutePath().toUri().toString());
        flags.get("iss").ifPresent(v -> config.put("mp.jwt.verify.issuer", v));
        flags.get("aud").ifPresent(v -> config.put("mp.jwt.verify.audiences", v));
        flags.get("alg").ifPresent(v -> config.put("mp.jwt.verify.publickey.algorithm", v));
        flags.get("min-rsa-bits").ifPresent(v -> config.put("jwtdropin.verify.rsa.min-bits", v));
        config.put("jwtdropin.cache.size", "0");
        JwtAuthConfig read = ConfigReader.read(k -> Optional.ofNullable(config.get(k)));
        try (TokenVerifier verifier = VerifierFactory.create(read, VerifyCommand.class.getClassLoader(), Clock.systemUTC())) {
            VerifiedToken verified = verifier.verify(token);
            out.println("valid: signature, times" + (read.issuer().isPresent() ? ", issuer" : "")
                    + (read.audiences().isEmpty() ? "" : ", audience") + " checked; caller " + verified.name()
                    + ", groups " + verified.groups());
            out.println(DecodeCommand.pretty(verified.claims()));
            return Main.OK;
        } catch (TokenRejectedException e) {
            // The id, the text and the detail the server logs (which never holds the token).
            err.println("refused: " + e.getMessage());
            return Main.REFUSED;
        }
    }
}
