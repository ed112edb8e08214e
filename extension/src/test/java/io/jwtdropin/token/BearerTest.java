package io.jwtdropin.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Bearer abc | abc",
        "bearer abc | abc",
        "BEARER abc | abc",
        "Bearer   abc   | abc",
        "Basic dXNlcjpwYXNz | NULL",
        "Bearer | NULL",
        "'Bearer ' | NULL",
        "Bearerabc | NULL",
        "NULL | NULL"})
    void parsesBearerScheme(String header, String expected) {
        assertEquals(Optional.ofNullable(expected), TokenExtractor.bearer(header));
    }
}
