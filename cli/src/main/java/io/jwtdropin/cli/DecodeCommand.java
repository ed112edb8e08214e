package io.jwtdropin.cli;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code decode}: header and claims of a compact JWS, pretty-printed, with nothing verified. */
final class DecodeCommand {

    private DecodeCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        String token = TokenInput.read(new Flags(args, Set.of()).positional());
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS (three dot-separated parts); an encrypted token"
                    + " (five parts) cannot be decoded without its key");
        }
        out.println("UNVERIFIED — decode checks nothing; use verify.");
        out.println(pretty(json(parts[0])));
        out.println(pretty(json(parts[1])));
        return Main.OK;
    }

    private static JsonStructure json(String segment) {
        String text = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        } catch (jakarta.json.JsonException e) {
            throw new IllegalArgumentException("a token segment is not JSON: " + e.getMessage(), e);
        }
    }

    static String pretty(JsonStructure json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.write(json);
        }
        return text.toString().strip();
    }
}
