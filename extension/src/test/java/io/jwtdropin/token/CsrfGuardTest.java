package io.jwtdropin.token;

import static io.jwtdropin.token.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jwtdropin.config.TokenTransport;
import io.jwtdropin.config.TokenTransport.Source;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsrfGuardTest {

    static final TokenTransport TRANSPORT = new TokenTransport(Set.of(Source.COOKIE), "__Host-jwt", "Strict", true,
            Set.of("https://admin.example"));

    @ParameterizedTest(name = "{0} Sec-Fetch-Site={1} Origin={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "GET, cross-site, https://evil.example, true",
        "HEAD, -, -, true",
        "POST, same-origin, -, true",
        "POST, same-origin, https://app.example, true",
        "POST, same-site, https://sub.app.example, false",
        "POST, cross-site, https://evil.example, false",
        "POST, cross-site, https://admin.example, true",
        "POST, none, -, false",
        "POST, -, https://app.example, true",
        "POST, -, https://evil.example, false",
        "POST, -, -, false",
        "PUT, cross-site, https://evil.example, false",
        "PATCH, -, null, false",
        "DELETE, same-origin, -, true"})
    void unsafeCookieRequestsMustBeSameOrigin(String method, String fetchSite, String origin, boolean allowed) {
        java.util.List<String> headers = new java.util.ArrayList<>();
        if (fetchSite != null) {
            headers.addAll(java.util.List.of("Sec-Fetch-Site", fetchSite));
        }
        if (origin != null) {
            headers.addAll(java.util.List.of("Origin", origin));
        }
        assertEquals(allowed, new CsrfGuard(TRANSPORT).allows(request(method, headers.toArray(String[]::new))));
    }

    @ParameterizedTest
    @CsvSource({"POST", "DELETE"})
    void canBeTurnedOff(String method) {
        TokenTransport off = new TokenTransport(Set.of(Source.COOKIE), "__Host-jwt", "Strict", false, Set.of());
        assertEquals(true, new CsrfGuard(off).allows(request(method, "Sec-Fetch-Site", "cross-site")));
    }
}
