package io.jwtdropin.runtime;

import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.dpop.DpopSupport;
import io.jwtdropin.dpop.DpopVerifier;
import io.jwtdropin.issue.TokenSigner;
import io.jwtdropin.keys.KeyLoader;
import io.jwtdropin.logout.BackChannelLogout;
import io.jwtdropin.metrics.MetricsSupport;
import io.jwtdropin.revoke.RevocationStore;
import io.jwtdropin.revoke.RevocationSupport;
import io.jwtdropin.revoke.RevokedTokens;
import io.jwtdropin.token.CsrfGuard;
import io.jwtdropin.token.TokenExtractor;
import io.jwtdropin.verify.RevocationCheck;
import io.jwtdropin.verify.TokenVerifier;
import io.jwtdropin.verify.VerificationEvents;
import io.jwtdropin.verify.VerifierFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the configuration once and wires the parts of the request path and of the issuing and revocation API. */
final class RuntimeAssembly {

    private static final Logger LOG = Logger.getLogger(RuntimeAssembly.class.getName());

    private RuntimeAssembly() {
    }

    /** @param loader the application's class loader (this jar sits in its {@code WEB-INF/lib}) */
    static JwtRuntime build(ClassLoader loader) {
        long started = System.nanoTime();
        Config mpConfig = ConfigProvider.getConfig(loader);
        JwtAuthConfig config = ConfigReader.read(key -> mpConfig.getOptionalValue(key, String.class));
        Clock clock = Clock.systemUTC();
        BackgroundExecutor background = BackgroundExecutor.find();
        Optional<RevocationStore> revocations = RevocationSupport.create(config.revocation(), loader, clock);
        revocations.ifPresent(store -> background.every(Duration.ofMinutes(1), store.list()::prune));
        RevocationCheck revocationCheck = revocations.<RevocationCheck>map(store -> new RevokedTokens(store.list(),
                config.revocation().requireJti())).orElse(RevocationCheck.NONE);
        VerificationEvents events = MetricsSupport.find(loader);
        TokenVerifier verifier = VerifierFactory.create(config, loader, clock, background.executor(), events,
                revocationCheck);
        Optional<DpopVerifier> dpop = DpopSupport.create(config, revocations, loader,
                jakarta.json.Json.createReaderFactory(java.util.Map.of()), clock, events);
        Optional<TokenSigner> signer = config.issuing().map(issuing -> new TokenSigner(issuing,
                KeyLoader.signingKey(issuing.signingKey(), loader), clock));
        // ConfigReader makes sure revocation is on where the logout endpoint is.
        Optional<BackChannelLogout> logout = config.logout().map(endpoint -> new BackChannelLogout(endpoint, verifier,
                revocations.orElseThrow(), config.clockSkew(), config.revocation().retention(), clock));
        JwtRuntime runtime = new JwtRuntime(config, new TokenExtractor(config.transport(), dpop.isPresent()),
                new CsrfGuard(config.transport()), verifier, dpop, signer, background, revocations, logout);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "JWTD-001 jwt-dropin active (started in " + tookMs + " ms); tokens from "
                + config.transport().sources() + ", DPoP " + config.dpop().mode().name().toLowerCase(java.util.Locale.ROOT)
                + dpop.map(d -> d.replayClustered() ? " (proof ids in the data grid)" : " (proof ids in memory)").orElse(""));
        return runtime;
    }
}
