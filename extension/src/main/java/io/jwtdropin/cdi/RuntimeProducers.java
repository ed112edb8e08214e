package io.jwtdropin.cdi;

import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.issue.TokenSigner;
import io.jwtdropin.revoke.RevocationStore;
import io.jwtdropin.runtime.ActiveRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Hands the parts of the started runtime to the application-facing beans ({@code TokenIssuer}, {@code TokenCookies},
 * {@code TokenRevocation}), so those depend on what they use and not on how the runtime is built. Those beans are
 * application scoped, so the parts are injected when one is first used: after the application started.
 */
@ApplicationScoped
public class RuntimeProducers {

    @Inject
    ActiveRuntime active;

    @Produces
    @Dependent
    JwtAuthConfig config() {
        return active.get().config();
    }

    @Produces
    @Dependent
    TokenSigner signer() {
        return active.get().signer().orElseThrow(() -> new IllegalStateException(
                "jwt-dropin: set jwtdropin.issue.key.location to issue tokens."));
    }

    @Produces
    @Dependent
    RevocationStore revocationStore() {
        return active.get().revocations().orElseThrow(() -> new IllegalStateException(
                "jwt-dropin: revocation is off (jwtdropin.revocation.store=off)."));
    }
}
