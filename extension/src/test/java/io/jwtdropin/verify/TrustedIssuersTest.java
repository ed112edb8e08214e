package io.jwtdropin.verify;

import static io.jwtdropin.verify.TokenVerifierTest.NOW;
import static io.jwtdropin.verify.TokenVerifierTest.OTHER_RSA;
import static io.jwtdropin.verify.TokenVerifierTest.RSA;
import static io.jwtdropin.verify.TokenVerifierTest.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.jwtdropin.config.ConfigReader;
import java.security.KeyPair;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several trusted issuers: the standard mp.jwt one ({@code https://std}, key RSA) plus {@code corp} (key OTHER_RSA,
 * audience {@code corp-app}) and {@code partner} (same key as the standard one, to show keys never cross issuers).
 */
class TrustedIssuersTest {

    static final Map<String, KeyPair> SIGNERS = Map.of("rsa", RSA, "other", OTHER_RSA);

    static TokenVerifier verifier() {
        Map<String, String> values = new HashMap<>(Map.of(
                "mp.jwt.verify.publickey", pem(RSA),
                "mp.jwt.verify.issuer", "https://std",
                "jwtdropin.issuers", "corp, partner",
                "jwtdropin.issuer.corp.issuer", "https://corp",
                "jwtdropin.issuer.corp.publickey", pem(OTHER_RSA),
                "jwtdropin.issuer.corp.audiences", "corp-app",
                "jwtdropin.issuer.partner.issuer", "https://partner",
                "jwtdropin.issuer.partner.publickey", pem(OTHER_RSA)));
        return VerifierFactory.create(ConfigReader.read(k -> Optional.ofNullable(values.get(k))),
                TrustedIssuersTest.class.getClassLoader(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0} signed by {1}, aud {2} -> {3}")
    @CsvSource(nullValues = "none", value = {
        "https://std,     rsa,   none,     accepted",
        "https://corp,    other, corp-app, accepted",
        "https://partner, other, none,     accepted",
        "https://corp,    rsa,   corp-app, BAD_SIGNATURE",
        "https://std,     other, none,     BAD_SIGNATURE",
        "https://corp,    other, app,      BAD_AUDIENCE",
        "https://corp,    other, none,     BAD_AUDIENCE",
        "https://evil,    rsa,   none,     BAD_ISSUER",
        "none,            rsa,   none,     BAD_ISSUER"})
    void theTokensIssChoosesTheKeys(String iss, String signer, String aud, String outcome) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(iss).subject("alice")
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(300)));
        if (aud != null) {
            claims.audience(aud);
        }
        String token = TokenVerifierTest.sign(new JWSHeader(JWSAlgorithm.RS256), claims.build(), SIGNERS.get(signer));
        TokenVerifier verifier = verifier();
        if (outcome.equals("accepted")) {
            assertEquals("alice", verifier.verify(token).name());
        } else {
            assertEquals(FailureReason.valueOf(outcome),
                    assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason());
        }
    }
}
