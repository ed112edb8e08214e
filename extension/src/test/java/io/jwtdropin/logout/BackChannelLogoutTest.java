package io.jwtdropin.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.revoke.RevocationList;
import io.jwtdropin.revoke.RevocationStore;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerifierFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of OpenID Connect Back-Channel Logout 1.0 §2.6 a logout token must pass, one row each, real signatures. */
class BackChannelLogoutTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String ISSUER = "https://idp.example/realms/acme";
    static final KeyPair KEY = rsa();
    static final KeyPair OTHER_KEY = rsa();
    static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final JwtAuthConfig config = ConfigReader.read(key -> Optional.ofNullable(Map.of(
            "mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEY.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----",
            "mp.jwt.verify.issuer", ISSUER,
            "mp.jwt.verify.audiences", "orders-api",
            "jwtdropin.logout.path", "/backchannel-logout",
            "jwtdropin.logout.audiences", "orders-web").get(key)));
    final TokenVerifier verifier = VerifierFactory.create(config, getClass().getClassLoader(), clock);
    final RevocationList revoked = new RevocationList(1000, clock);
    final BackChannelLogout logout = new BackChannelLogout(config.logout().orElseThrow(), verifier,
            new RevocationStore.Local(revoked), config.clockSkew(), config.revocation().retention(), clock);

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("orders-web").subject("user-1").claim("sid", "session-1")
                .issueTime(Date.from(NOW.minusSeconds(2))).expirationTime(Date.from(NOW.plusSeconds(120)))
                .jwtID("logout-" + System.nanoTime())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
    }

    static String sign(JOSEObjectType type, JWTClaimsSet claims, KeyPair key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).build(), claims);
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(LOGOUT_JWT, change.apply(valid()).build(), KEY);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("signed by another key", sign(LOGOUT_JWT, valid().build(), OTHER_KEY), LogoutFailure.INVALID_TOKEN),
                Arguments.of("typ JWT (an access token)", sign(JOSEObjectType.JWT, valid().build(), KEY), LogoutFailure.INVALID_TOKEN),
                Arguments.of("another issuer", token(b -> b.issuer("https://evil.example")), LogoutFailure.INVALID_TOKEN),
                Arguments.of("not a JWT", "not-a-token", LogoutFailure.INVALID_TOKEN),
                Arguments.of("aud is the API, not our client", token(b -> b.audience("orders-api")), LogoutFailure.BAD_AUDIENCE),
                Arguments.of("no aud", token(b -> b.audience((String) null)), LogoutFailure.BAD_AUDIENCE),
                Arguments.of("no iat", token(b -> b.issueTime(null)), LogoutFailure.BAD_TIMES),
                Arguments.of("iat in the future", token(b -> b.issueTime(Date.from(NOW.plusSeconds(600)))), LogoutFailure.BAD_TIMES),
                Arguments.of("expired", token(b -> b.expirationTime(Date.from(NOW.minusSeconds(600)))), LogoutFailure.BAD_TIMES),
                Arguments.of("exp not a number", token(b -> b.claim("exp", "soon")), LogoutFailure.BAD_TIMES),
                Arguments.of("no events", token(b -> b.claim("events", null)), LogoutFailure.NO_LOGOUT_EVENT),
                Arguments.of("events without the logout event", token(b -> b.claim("events", Map.of("x", Map.of()))), LogoutFailure.NO_LOGOUT_EVENT),
                Arguments.of("logout event not an object", token(b -> b.claim("events",
                        Map.of("http://schemas.openid.net/event/backchannel-logout", "yes"))), LogoutFailure.NO_LOGOUT_EVENT),
                Arguments.of("events an array", token(b -> b.claim("events", List.of("x"))), LogoutFailure.NO_LOGOUT_EVENT),
                Arguments.of("neither sid nor sub", token(b -> b.subject(null).claim("sid", null)), LogoutFailure.NO_SUBJECT_OR_SESSION),
                Arguments.of("a nonce", token(b -> b.claim("nonce", "n")), LogoutFailure.HAS_NONCE),
                Arguments.of("no jti", token(b -> b.jwtID(null)), LogoutFailure.REPLAYED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String why, String token, LogoutFailure reason) {
        LogoutRejectedException e = assertThrows(LogoutRejectedException.class, () -> logout.logOut(token));
        assertEquals(reason, e.reason());
        assertEquals(0, revoked.size(), "a refused logout token revokes nothing");
    }

    @Test
    void sessionLogoutRevokesThatSessionOnly() throws Exception {
        logout.logOut(token(b -> b));
        assertTrue(revoked.isRevoked(null, "session-1", "user-1", NOW.getEpochSecond()));
        assertFalse(revoked.isRevoked(null, "session-2", "user-1", NOW.getEpochSecond()), "the user's other session stays");
    }

    @Test
    void subjectLogoutRevokesTheSubjectsTokensIssuedUntilNow() throws Exception {
        logout.logOut(token(b -> b.claim("sid", null)));
        assertTrue(revoked.isRevoked(null, "any", "user-1", NOW.getEpochSecond()));
        assertFalse(revoked.isRevoked(null, "any", "user-1", NOW.getEpochSecond() + 1), "a later login is not revoked");
    }

    @Test
    void typMayBeAbsentAndAudAnArray() throws Exception {
        logout.logOut(sign(null, valid().audience(List.of("x", "orders-web")).build(), KEY));
        assertEquals(1, revoked.size());
    }

    @Test
    void aReplayedLogoutTokenIsRefused() throws Exception {
        String token = token(b -> b);
        logout.logOut(token);
        assertEquals(LogoutFailure.REPLAYED, assertThrows(LogoutRejectedException.class, () -> logout.logOut(token)).reason());
    }

    @Test
    void aLogoutTokenIsNoAccessToken() {
        // Its typ refuses it (JWTD-125); without typ it would still lack a caller name only if it had no sub.
        assertThrows(TokenRejectedException.class, () -> verifier.verify(token(b -> b)));
    }

    @Test
    void replayMemoryIsBounded() throws Exception {
        for (int i = 0; i < BackChannelLogout.MAX_SEEN + 50; i++) {
            int n = i;
            logout.logOut(token(b -> b.jwtID("j" + n).claim("sid", "s" + n)));
        }
        assertTrue(revoked.size() <= 1000, "the revocation list keeps its own bound");
    }
}
