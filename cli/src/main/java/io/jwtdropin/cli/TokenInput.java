package io.jwtdropin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The token argument: given inline, or {@code -} for standard input (so it stays out of shell history). */
final class TokenInput {

    private TokenInput() {
    }

    static String read(List<String> positional) throws UsageException, IOException {
        if (positional.size() != 1) {
            throw new UsageException("give exactly one token, or - to read it from standard input");
        }
        String token = positional.get(0);
        if (token.equals("-")) {
            token = new String(System.in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        return token.strip();
    }
}
