package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The depth limit and the UTF-8 check on raw segment bytes: the count of brackets only decides whether the exact
 * scan runs, so brackets inside strings or side by side never refuse a token, and nesting beyond the limit always does.
 */
class JsonLimitsTest {

    private static String nested(int depth, String inner) {
        return "[".repeat(depth) + inner + "]".repeat(depth);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no brackets                              | 0  | 0  | 0  | true
            nested to the limit                      | 16 | 0  | 0  | true
            one beyond the limit                     | 17 | 0  | 0  | false
            far beyond the limit                     | 40 | 0  | 0  | false
            within the limit, brackets in a string   | 2  | 30 | 0  | true
            many arrays side by side                 | 1  | 0  | 30 | true
            beyond the limit, brackets in a string   | 17 | 30 | 0  | false
            """)
    void refusesOnlyNestingBeyondTheLimit(String name, int depth, int inString, int sideBySide, boolean accepted)
            throws Exception {
        String json = "{\"s\":\"" + "[{".repeat(inString) + "\",\"a\":[" + "[],".repeat(sideBySide) + "0],\"d\":"
                + nested(Math.max(0, depth - 1), "0") + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (accepted) {
            assertEquals(json, JsonLimits.checkedText(bytes));
        } else {
            TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> JsonLimits.checkedText(bytes));
            assertEquals(FailureReason.TOO_DEEP, e.reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ASCII                 | 7b7d                 | true
            two-byte UTF-8        | 7b22c3a9223a317d     | true
            lone continuation     | 7b2280223a317d       | false
            overlong slash        | 7b22c0af223a317d     | false
            truncated sequence    | 7b22e282              | false
            """)
    void acceptsOnlyStrictUtf8(String name, String hex, boolean accepted) throws Exception {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex.strip());
        if (accepted) {
            assertEquals(new String(bytes, StandardCharsets.UTF_8), JsonLimits.checkedText(bytes));
        } else {
            TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> JsonLimits.checkedText(bytes));
            assertEquals(FailureReason.MALFORMED, e.reason());
        }
    }
}
