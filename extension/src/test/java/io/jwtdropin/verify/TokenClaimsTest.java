package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming claims read gives what a full JSON-P parse gives, for the verified claims and for all the others. */
class TokenClaimsTest {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"iss\":\"https://idp\",\"sub\":\"alice\",\"exp\":1700000000,\"iat\":1.5,\"groups\":[\"a\",\"b\"]}",
            "{\"aud\":[\"x\",\"y\"],\"custom\":{\"nested\":[1,{\"k\":null}]},\"upn\":\"a@b\",\"flag\":true}",
            "{\"jti\":\"j\",\"list\":[[],{}],\"n\":-0.5e3,\"preferred_username\":\"\\u00e9\\\"x\",\"nbf\":0}",
            "{\"custom\":1,\"custom\":2,\"sub\":\"bob\"}"})
    void sameAsAFullParse(String payload) throws Exception {
        JsonObject full = Json.createReader(new StringReader(payload)).readObject();
        TokenClaims claims = TokenClaims.read(payload, PARSERS, READERS);
        for (String name : TokenClaims.VERIFIED_CLAIMS) {
            assertEquals(full.get(name), claims.get(name), name);
            assertEquals(full.containsKey(name), claims.containsKey(name), name);
        }
        assertEquals(full.get("custom"), claims.get("custom"));
        assertEquals(full.get(null), claims.get(null));
        assertEquals(full.keySet(), claims.keySet());
        assertEquals(full, claims);
        assertEquals(full.toString(), claims.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[1]",
            "\"x\"",
            "{\"sub\":\"a\"} {}",
            "{\"sub\":\"a\",}",
            "{\"sub\":\"a\"",
            "{\"exp\":1,\"exp\":2}",
            "{\"groups\":[\"admin\"],\"groups\":[\"user\"]}",
            "{\"sub\":\"alice\",\"x\":{\"sub\":1},\"sub\":\"mallory\"}"})
    void refused(String payload) {
        assertEquals(FailureReason.MALFORMED,
                assertThrows(TokenRejectedException.class, () -> TokenClaims.read(payload, PARSERS, READERS)).reason());
    }
}
