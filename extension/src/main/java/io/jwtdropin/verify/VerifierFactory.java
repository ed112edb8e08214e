package io.jwtdropin.verify;

import io.jwtdropin.config.InvalidConfigException;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.config.TrustedIssuerConfig;
import io.jwtdropin.keys.KeyLoader;
import jakarta.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds a {@link TokenVerifier} from configuration: per trusted issuer its keys ({@link KeyLoader}) and claim rules,
 * the JWE decryptor, the verified-token cache. Problems are reported as {@link InvalidConfigException}s naming the
 * key, so deployment fails with one clear sentence.
 */
public final class VerifierFactory {

    private VerifierFactory() {
    }

    /** As below, with a daemon thread of its own for background key refreshes (started only if needed). */
    public static TokenVerifier create(JwtAuthConfig config, ClassLoader loader, Clock clock) {
        return create(config, loader, clock, KeyLoader.daemonScheduler(), VerificationEvents.NONE, RevocationCheck.NONE);
    }

    /**
     * @param scheduler runs background key refreshes for remote key sets (a managed executor in the container)
     * @param events    where outcomes, cache use and key fetches are reported (metrics)
     * @param revoked   refuses revoked tokens, on every use
     */
    public static TokenVerifier create(JwtAuthConfig config, ClassLoader loader, Clock clock,
            ScheduledExecutorService scheduler, VerificationEvents events, RevocationCheck revoked) {
        List<TrustedIssuer> issuers = new ArrayList<>();
        for (TrustedIssuerConfig trusted : config.trustedIssuers()) {
            issuers.add(trustedIssuer(trusted, config, loader, clock, scheduler, events));
        }
        Optional<JweDecryptor> decryptor = config.decryptionKey()
                .map(source -> new JweDecryptor(KeyLoader.decryptionKeys(source, loader), config.decryptAlgorithms()));
        Optional<VerifiedTokenCache> cache = config.cacheSize() == 0 ? Optional.empty()
                : Optional.of(new VerifiedTokenCache(config.cacheSize(), config.cacheTtl(), clock));
        return new TokenVerifier(config.maxTokenLength(), new TrustedIssuers(issuers), decryptor,
                Json.createReaderFactory(Map.of()), cache, events, revoked, config.requireAtJwt());
    }

    /** One configured issuer's keys, claim rules and groups claim; also used by {@code bench}'s stage timings. */
    static TrustedIssuer trustedIssuer(TrustedIssuerConfig trusted, JwtAuthConfig config, ClassLoader loader,
            Clock clock, ScheduledExecutorService scheduler, VerificationEvents events) {
        ClaimsValidator claims = new ClaimsValidator(trusted.issuer(), trusted.audiences(), config.clockSkew(),
                config.maxTokenAge(), clock);
        return new TrustedIssuer(trusted.issuer(), KeyLoader.forIssuer(trusted, config, loader, clock, scheduler,
                events), claims, new GroupsReader(trusted.groups()));
    }
}
