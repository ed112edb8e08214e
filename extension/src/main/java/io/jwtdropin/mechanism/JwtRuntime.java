package io.jwtdropin.mechanism;

import io.jwtdropin.config.JwtAuthConfig;
import io.jwtdropin.issue.TokenSigner;
import io.jwtdropin.token.CsrfGuard;
import io.jwtdropin.token.TokenExtractor;
import io.jwtdropin.verify.TokenVerifier;
import java.util.Optional;

/** What the request path (and the issuing API) needs, built once per application at deployment. */
public record JwtRuntime(JwtAuthConfig config, TokenExtractor extractor, CsrfGuard csrf, TokenVerifier verifier,
        Optional<TokenSigner> signer, BackgroundExecutor background) {

    /** Stops background work: at undeployment. */
    public void close() {
        verifier.close();
        background.shutdown();
    }
}
