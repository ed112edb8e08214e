package io.jwtdropin.dpop;

import io.jwtdropin.revoke.JCacheRevocationStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * Proof ids in the data grid's JCache (Payara's Hazelcast, or the application's own provider) beside the revocations: {@code putIfAbsent} is atomic
 * across the cluster, so of two nodes receiving the same proof exactly one accepts it. Entries expire with the proof
 * window. The nonce secret lives in the same cache, written once by whichever node starts first. Loaded by name
 * ({@link DpopSupport}), so JCache classes are linked only where they exist.
 */
public final class JCacheProofReplay implements ProofReplay {

    private static final Logger LOG = Logger.getLogger(JCacheProofReplay.class.getName());
    static final String CACHE = "jwtdropin-dpop-proofs";
    private static final String SECRET = "nonce-secret";

    private final Cache<String, String> ids;
    private final Cache<String, String> secrets;

    private JCacheProofReplay(CacheManager manager, Duration retention) {
        this.ids = JCacheRevocationStore.cache(manager, CACHE, retention);
        this.secrets = JCacheRevocationStore.cache(manager, CACHE + "-secret", Duration.ofDays(3650));
    }

    /** Called by name with the grid's {@code CacheManager}. */
    public static ProofReplay create(Object manager, Duration retention) {
        return new JCacheProofReplay((CacheManager) manager, retention);
    }

    @Override
    public Use record(String id, long now, long expiresAt) {
        try {
            return ids.putIfAbsent(id, Long.toString(expiresAt)) ? Use.FIRST : Use.REPLAYED;
        } catch (RuntimeException e) { // the grid is unreachable (a client offline, a member lost)
            LOG.log(Level.FINE, "JWTD-166 the DPoP proof-id cache did not answer: {0}", String.valueOf(e));
            return Use.UNAVAILABLE;
        }
    }

    @Override
    public byte[] nonceSecret() {
        byte[] mine = new byte[32];
        new SecureRandom().nextBytes(mine);
        secrets.putIfAbsent(SECRET, Base64.getEncoder().encodeToString(mine));
        return Base64.getDecoder().decode(secrets.get(SECRET));
    }

    @Override
    public boolean clustered() {
        return true;
    }
}
