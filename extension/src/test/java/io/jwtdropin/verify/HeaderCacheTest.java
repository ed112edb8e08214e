package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header cache gives exactly what a fresh parse gives: same text, same answer; any other text, its own. */
class HeaderCacheTest {

    private final HeaderCache headers = new HeaderCache(Json.createReaderFactory(null));

    static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private HeaderCache.Header header(String json) throws TokenRejectedException {
        String token = segment(json) + ".e30.c2ln";
        return headers.header(token, token.indexOf('.'));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"alg":"RS256"}                          | RS256 |
            {"alg":"RS256","kid":"k1"}               | RS256 | k1
            {"alg":"ES256","kid":"k2","typ":"JWT"}   | ES256 | k2
            {"alg":"RS256","kid":"k2"}               | RS256 | k2
            """)
    void readsAlgAndKidTheSameOnEveryUse(String json, String alg, String kid) throws Exception {
        for (int use = 0; use < 3; use++) {
            HeaderCache.Header header = header(json);
            assertEquals(alg, header.jws().getAlgorithm().getName());
            assertEquals(kid, header.kid());
        }
        assertSame(header(json), header(json), "parsed once, then reused");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"alg":"RS256","crit":["exp"]} | CRITICAL_HEADER
            {"alg":"none"}                 | MALFORMED
            {"kid":"k1"}                   | MALFORMED
            {"alg":"RS256","kid":7}        | MALFORMED
            [1]                            | MALFORMED
            {"alg":"RS256"                 | MALFORMED
            """)
    void refusesTheSameHeaderEveryTime(String json, FailureReason reason) {
        for (int use = 0; use < 3; use++) {
            assertEquals(reason, assertThrows(TokenRejectedException.class, () -> header(json)).reason());
        }
    }

    @Test
    void manyDistinctHeadersStayDistinct() throws Exception {
        // More headers than slots, each asked for twice: collisions overwrite, never mix up entries.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 200; i++) {
                assertEquals("key-" + i, header("{\"alg\":\"RS256\",\"kid\":\"key-" + i + "\"}").kid());
            }
        }
    }

    @Test
    void longHeadersAreParsedButNotKept() throws Exception {
        String json = "{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(600) + "\"}";
        assertEquals(600, header(json).kid().length());
        assertNotSame(header(json), header(json), "parsed on every use");
    }
}
