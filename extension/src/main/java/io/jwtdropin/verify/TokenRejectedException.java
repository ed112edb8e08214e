package io.jwtdropin.verify;

/**
 * A token was refused. Carries the typed reason and, for the log, a detail that never contains the token itself.
 * No stack trace is filled in: refusals are routine, and the reason says all there is to say.
 */
public final class TokenRejectedException extends Exception {

    private final FailureReason reason;

    public TokenRejectedException(FailureReason reason) {
        this(reason, null);
    }

    public TokenRejectedException(FailureReason reason, String detail) {
        super(reason.id() + " " + reason.text() + (detail == null ? "" : " (" + detail + ")"), null, false, false);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
