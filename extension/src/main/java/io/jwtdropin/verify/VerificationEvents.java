package io.jwtdropin.verify;

/**
 * What the verification path reports as it goes, for metrics. Every method has a no-op default, so a sink implements
 * only what it counts; implementations must be thread-safe and cheap (they run on the request path).
 */
public interface VerificationEvents {

    /** Reports nothing. */
    VerificationEvents NONE = new VerificationEvents() {
    };

    default void accepted() {
    }

    default void refused(FailureReason reason) {
    }

    default void cacheHit() {
    }

    default void cacheMiss() {
    }

    default void keysFetched() {
    }

    default void keysFetchFailed() {
    }
}
