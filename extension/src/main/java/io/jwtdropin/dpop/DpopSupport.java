package io.jwtdropin.dpop;

import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.revoke.RevocationStore;
import io.jwtdropin.verify.VerificationEvents;
import jakarta.json.JsonReaderFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the {@link DpopVerifier}: proof ids go where revocations go — the data grid when the revocation store is
 * one (Payara's, or the application's own through {@code jwtdropin.revocation.jcache.provider}), else this node's memory, with a warning that a proof could then be replayed on another node.
 */
public final class DpopSupport {

    private static final Logger LOG = Logger.getLogger(DpopSupport.class.getName());
    private static final String JCACHE_REPLAY = "io.jwtdropin.dpop.JCacheProofReplay";

    private DpopSupport() {
    }

    /** The verifier, or empty when {@code jwtdropin.dpop.mode} is off. */
    public static Optional<DpopVerifier> create(JwtAuthConfig config, Optional<RevocationStore> revocations,
            ClassLoader loader, JsonReaderFactory json, Clock clock, VerificationEvents events) {
        if (!config.dpop().enabled()) {
            return Optional.empty();
        }
        Duration retention = config.dpop().proofWindow().multipliedBy(2);
        ProofReplay replay = revocations.flatMap(RevocationStore::grid)
                .flatMap(grid -> jcache(grid, retention, loader))
                .orElseGet(() -> new MemoryProofReplay(config.dpop().replayEntries()));
        return Optional.of(new DpopVerifier(config.dpop(), config.minRsaBits(), json, replay, clock, events));
    }

    /** The grid's replay cache, or empty (logged) when the grid refuses it: the caller falls back to memory. */
    private static Optional<ProofReplay> jcache(Object grid, Duration retention, ClassLoader loader) {
        try {
            return Optional.of((ProofReplay) Class.forName(JCACHE_REPLAY, true, loader)
                    .getMethod("create", Object.class, Duration.class).invoke(null, grid, retention));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.WARNING, "JWTD-304 DPoP proof ids are node-local: the data grid refused their cache ({0})",
                    String.valueOf(e));
            return Optional.empty();
        }
    }
}
