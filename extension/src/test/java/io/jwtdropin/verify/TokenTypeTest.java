package io.jwtdropin.verify;

import static io.jwtdropin.verify.TokenVerifierTest.RSA;
import static io.jwtdropin.verify.TokenVerifierTest.claims;
import static io.jwtdropin.verify.TokenVerifierTest.sign;
import static io.jwtdropin.verify.TokenVerifierTest.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header {@code typ}: an access token is JWT, at+jwt or untyped; logout and DPoP proof tokens are no access tokens. */
class TokenTypeTest {

    @ParameterizedTest(name = "typ {0}, require-at-jwt {1}")
    @CsvSource(nullValues = "-", value = {
        "-, false, ACCEPTED",
        "JWT, false, ACCEPTED",
        "jwt, false, ACCEPTED",
        "at+jwt, false, ACCEPTED",
        "application/at+jwt, false, ACCEPTED",
        "logout+jwt, false, WRONG_TYPE",
        "dpop+jwt, false, WRONG_TYPE",
        "secevent+jwt, false, WRONG_TYPE",
        "-, true, WRONG_TYPE",
        "JWT, true, WRONG_TYPE",
        "at+jwt, true, ACCEPTED",
        "AT+JWT, true, ACCEPTED"})
    void typ(String typ, boolean requireAtJwt, String outcome) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        TokenVerifier verifier = verifier(Map.of("jwtdropin.verify.require-at-jwt", String.valueOf(requireAtJwt)));
        String token = sign(header.build(), claims().build(), RSA);
        if (outcome.equals("ACCEPTED")) {
            assertEquals("alice@example", verifier.verify(token).name());
        } else {
            assertEquals(FailureReason.valueOf(outcome),
                    assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason());
        }
    }
}
