package io.jwtdropin.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sender-constrained tokens (RFC 9449 DPoP): whether the {@code DPoP} scheme is read, and how proofs are checked.
 *
 * @param mode           off, allowed (bound tokens need a proof; bearer tokens still work) or required
 * @param algorithms     the asymmetric algorithms a proof may be signed with
 * @param proofWindow    how far a proof's {@code iat} may lie from now, either way; its {@code jti} is remembered
 *                       for twice as long
 * @param publicBaseUrl  scheme, host, port and path prefix clients use when a proxy stands in front of the server;
 *                       replaces the request's own scheme and authority when {@code htu} is compared
 * @param nonce          whether proofs must carry a server nonce (RFC 9449 §8)
 * @param nonceLifetime  how long a nonce is current; the one before it is accepted too
 * @param replayEntries  the most proof ids remembered in memory where no data grid holds them
 * @param issuerModes    by {@code iss}: the mode for that issuer's tokens where it differs from {@code mode}
 */
public record DpopConfig(Mode mode, Set<String> algorithms, Duration proofWindow, Optional<String> publicBaseUrl,
        boolean nonce, Duration nonceLifetime, int replayEntries, Map<String, Mode> issuerModes) {

    /** Asymmetric JWS algorithms a proof may use (never {@code none}, never HMAC: the proof's key is public). */
    public static final Set<String> PROOF_ALGORITHMS = Set.of("ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
            "RS256", "RS384", "RS512", "EdDSA");

    public DpopConfig {
        algorithms = Set.copyOf(algorithms);
        issuerModes = Map.copyOf(issuerModes);
    }

    /** The mode for a token whose {@code iss} is {@code issuer} (null when it has none). */
    public Mode modeFor(String issuer) {
        return issuer == null ? mode : issuerModes.getOrDefault(issuer, mode);
    }

    public enum Mode { OFF, ALLOWED, REQUIRED }

    public boolean enabled() {
        return mode != Mode.OFF;
    }
}
