package io.jwtdropin.runtime;

import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.dpop.DpopVerifier;
import io.jwtdropin.issue.TokenSigner;
import io.jwtdropin.logout.BackChannelLogout;
import io.jwtdropin.revoke.RevocationStore;
import io.jwtdropin.token.CsrfGuard;
import io.jwtdropin.token.TokenExtractor;
import io.jwtdropin.verify.TokenVerifier;
import java.util.Optional;

/** What the request path (and the issuing API) needs, built once per application at deployment. */
public record JwtRuntime(JwtAuthConfig config, TokenExtractor extractor, CsrfGuard csrf, TokenVerifier verifier,
        Optional<DpopVerifier> dpop, Optional<TokenSigner> signer, BackgroundExecutor background, Optional<RevocationStore> revocations,
        Optional<BackChannelLogout> logout) {

    /** Stops background work: at undeployment. */
    public void close() {
        verifier.close();
        revocations.ifPresent(RevocationStore::close);
        background.shutdown();
    }
}
