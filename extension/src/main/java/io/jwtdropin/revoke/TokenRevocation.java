package io.jwtdropin.revoke;

import io.jwtdropin.config.JwtAuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Revokes tokens before they expire — one token by its {@code jti}, or every token of a subject issued until an
 * instant ("log out everywhere"). Every request checks revocations, cache hits included; on a server with a JCache
 * data grid (a Payara Micro cluster) a revocation made on one node is seen by all.
 * <pre>{@code
 * @Inject TokenRevocation revocation;
 * @Inject JsonWebToken caller;
 * revocation.revoke(caller);                      // this token only
 * revocation.revokeSubject(caller.getSubject());  // all of the subject's tokens issued until now
 * revocation.revokeSession(caller.getClaim("sid")); // all tokens of the identity provider's session
 * }</pre>
 */
@ApplicationScoped
public class TokenRevocation {

    @Inject
    JwtAuthConfig config;

    /** Injected when this bean is first used; its producer says which key to set when revocation is off. */
    @Inject
    RevocationStore store;

    /** Revokes {@code token} by its {@code jti} until its {@code exp}. */
    public void revoke(JsonWebToken token) {
        if (token.getTokenID() == null) {
            throw new IllegalArgumentException("the token has no jti, so it cannot be revoked alone; revoke its subject");
        }
        revokeToken(token.getTokenID(), Instant.ofEpochSecond(token.getExpirationTime()));
    }

    /** Revokes the token with this {@code jti}; the entry is kept until {@code expiresAt}. */
    public void revokeToken(String jti, Instant expiresAt) {
        store.revokeToken(jti, expiresAt.getEpochSecond());
    }

    /** Revokes every token of {@code subject} issued until now (same second included). */
    public void revokeSubject(String subject) {
        revokeSubject(subject, Clock.systemUTC().instant());
    }

    /** Revokes every token of {@code subject} whose {@code iat} is at or before {@code issuedUntil}. */
    public void revokeSubject(String subject, Instant issuedUntil) {
        long before = issuedUntil.getEpochSecond();
        store.revokeSubject(subject, before, before + config.revocation().retention().toSeconds());
    }

    /**
     * Revokes every token of the identity provider's session {@code sid} (the {@code sid} claim, as Keycloak and
     * OpenID Connect back-channel logout use it), whenever issued.
     */
    public void revokeSession(String sid) {
        store.revokeSession(sid, Clock.systemUTC().instant().getEpochSecond() + config.revocation().retention().toSeconds());
    }

    /** Whether revocations reach every node (a JCache data grid), or this node only. */
    public boolean isClusterWide() {
        return store.clustered();
    }
}
