package io.jwtdropin.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a decoded JOSE segment before it reaches a JSON parser: strict UTF-8 (RFC 8725 §3.7) and a bounded nesting
 * depth (deeply nested JSON has crashed JOSE libraries: CVE-2025-53864).
 */
final class JsonLimits {

    static final int MAX_DEPTH = 16;

    private JsonLimits() {
    }

    /** @return the text, if it is valid UTF-8 and nests objects and arrays no deeper than {@link #MAX_DEPTH} */
    static String checkedText(byte[] bytes) throws TokenRejectedException {
        String text = isAscii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : strictUtf8(bytes);
        requireShallow(text);
        return text;
    }

    /** ASCII is valid UTF-8 as it stands: most tokens skip the decoder and its buffers. */
    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes) throws TokenRejectedException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "not UTF-8");
        }
    }

    private static void requireShallow(String json) throws TokenRejectedException {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new TokenRejectedException(FailureReason.TOO_DEEP);
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
