package io.jwtdropin.logout;

import io.jwtdropin.config.LogoutConfig;
import io.jwtdropin.revoke.RevocationStore;
import io.jwtdropin.verify.TokenRejectedException;
import io.jwtdropin.verify.TokenVerifier;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives logout tokens: verifies each with its issuer's keys ({@link TokenVerifier#verifyLogoutTokenSignature}),
 * checks the logout rules ({@link LogoutToken}), refuses a {@code jti} seen before, and revokes what it names —
 * the session by {@code sid}, else every token of {@code sub} issued until now — through the revocation store, so on
 * a cluster with a data grid every node refuses those tokens.
 */
public final class BackChannelLogout {

    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());
    /** How long a logout token without {@code exp} counts as fresh, and is remembered against replay. */
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Remembered logout token ids at most; beyond, the expired ones go first, then the oldest. */
    static final int MAX_SEEN = 10_000;

    private final LogoutConfig config;
    private final TokenVerifier verifier;
    private final RevocationStore store;
    private final Duration skew;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public BackChannelLogout(LogoutConfig config, TokenVerifier verifier, RevocationStore store, Duration skew,
            Duration retention, Clock clock) {
        this.config = config;
        this.verifier = verifier;
        this.store = store;
        this.skew = skew;
        this.retention = retention;
        this.clock = clock;
    }

    /** The endpoint's path inside the application. */
    public String path() {
        return config.path();
    }

    /** Verifies {@code logoutToken} and revokes what it names. */
    public void logOut(String logoutToken) throws LogoutRejectedException {
        JsonObject claims;
        try {
            claims = verifier.verifyLogoutTokenSignature(logoutToken);
        } catch (TokenRejectedException e) {
            LOG.log(Level.FINE, "{0} ({1})", new Object[] {LogoutFailure.INVALID_TOKEN.id(), e.getMessage()});
            throw new LogoutRejectedException(LogoutFailure.INVALID_TOKEN);
        }
        Instant now = clock.instant();
        LogoutToken token = LogoutToken.of(claims, config.audiences(), now, skew, WINDOW);
        remember(token, now);
        long until = now.getEpochSecond() + retention.toSeconds();
        if (token.sid().isPresent()) {
            store.revokeSession(token.sid().get(), until);
        } else {
            store.revokeSubject(token.subject().orElseThrow(), now.getEpochSecond(), until);
        }
        LOG.log(Level.INFO, "JWTD-148 back-channel logout: {0} revoked", token.sid().isPresent()
                ? "session " + token.sid().get() : "subject " + token.subject().get());
    }

    private void remember(LogoutToken token, Instant now) throws LogoutRejectedException {
        if (seen.size() >= MAX_SEEN) {
            seen.values().removeIf(expiry -> expiry.isBefore(now));
            if (seen.size() >= MAX_SEEN) {
                seen.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> seen.remove(e.getKey()));
            }
        }
        if (seen.putIfAbsent(token.jti(), token.expiresAt()) != null) {
            throw new LogoutRejectedException(LogoutFailure.REPLAYED);
        }
    }
}
