package io.jwtdropin.token;

import static io.jwtdropin.token.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jwtdropin.config.TokenTransport;
import io.jwtdropin.config.TokenTransport.Source;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The precedence rules, one row each. */
class TokenExtractorTest {

    static final TokenTransport BOTH = new TokenTransport(Set.of(Source.AUTHORIZATION_HEADER, Source.COOKIE),
            "__Host-jwt", "Strict", true, Set.of());
    static final TokenTransport HEADER_ONLY = new TokenTransport(Set.of(Source.AUTHORIZATION_HEADER), "Bearer",
            "Strict", true, Set.of());
    static final TokenTransport COOKIE_ONLY = new TokenTransport(Set.of(Source.COOKIE), "jwt", "Strict", true, Set.of());

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("both: header only", BOTH, new String[] {"Authorization", "Bearer h"},
                        new Credential.Token("h", Source.AUTHORIZATION_HEADER)),
                Arguments.of("both: cookie only", BOTH, new String[] {"Cookie", "a=1; __Host-jwt=c"},
                        new Credential.Token("c", Source.COOKIE)),
                Arguments.of("both: same token twice", BOTH, new String[] {"Authorization", "Bearer t", "Cookie", "__Host-jwt=t"},
                        new Credential.Token("t", Source.AUTHORIZATION_HEADER)),
                Arguments.of("both: different tokens", BOTH, new String[] {"Authorization", "Bearer h", "Cookie", "__Host-jwt=c"},
                        new Credential.Ambiguous()),
                Arguments.of("both: Basic header and a cookie", BOTH, new String[] {"Authorization", "Basic eDp5",
                        "Cookie", "__Host-jwt=c"}, new Credential.Token("c", Source.COOKIE)),
                Arguments.of("both: cookie in a second Cookie header", BOTH, new String[] {"Cookie", "a=1", "Cookie",
                        "__Host-jwt=c"}, new Credential.Token("c", Source.COOKIE)),
                Arguments.of("both: nothing", BOTH, new String[] {}, new Credential.None()),
                Arguments.of("header only: cookie ignored", HEADER_ONLY, new String[] {"Cookie", "Bearer=c"},
                        new Credential.None()),
                Arguments.of("cookie only: header ignored", COOKIE_ONLY, new String[] {"Authorization", "Bearer h"},
                        new Credential.None()),
                Arguments.of("cookie only: header and cookie", COOKIE_ONLY, new String[] {"Authorization", "Bearer h",
                        "Cookie", "jwt=c"}, new Credential.Token("c", Source.COOKIE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void precedence(String rule, TokenTransport transport, String[] headers, Credential expected) {
        assertEquals(expected, new TokenExtractor(transport).extract(request("GET", headers)));
    }
}
