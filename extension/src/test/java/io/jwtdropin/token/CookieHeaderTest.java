package io.jwtdropin.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookieHeaderTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "jwt=abc | abc",
        "a=1; jwt=abc; b=2 | abc",
        "a=1;jwt=abc | abc",
        "$Version=1;jwt=abc | abc",
        "$Version=1; jwt=abc;$Path=/ | abc",
        "jwt=\"abc\" | abc",
        "JWT=abc | NULL",
        "xjwt=abc | NULL",
        "jwtx=abc | NULL",
        "jwt= | NULL",
        "jwt | NULL",
        "other=jwt=abc | NULL",
        "'' | NULL"})
    void findsExactlyTheNamedCookie(String header, String expected) {
        assertEquals(Optional.ofNullable(expected), CookieHeader.value(header, "jwt"));
    }
}
