package io.jwtdropin.verify;

import io.jwtdropin.keys.KeyFetchEvents;

/**
 * What the verification path reports as it goes, for metrics (key fetches included). Every method has a no-op default, so a sink implements
 * only what it counts; implementations must be thread-safe and cheap (they run on the request path).
 */
public interface VerificationEvents extends KeyFetchEvents {

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

}
