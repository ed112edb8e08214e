package io.jwtdropin.verify;

/** Refuses a verified token that has since been revoked; runs on every use, cache hits included. */
@FunctionalInterface
public interface RevocationCheck {

    /** Revokes nothing. */
    RevocationCheck NONE = token -> { };

    void check(VerifiedToken token) throws TokenRejectedException;
}
