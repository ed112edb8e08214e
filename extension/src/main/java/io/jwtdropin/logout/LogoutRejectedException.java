package io.jwtdropin.logout;

/** A logout token refused, with the typed reason. */
public final class LogoutRejectedException extends Exception {

    private static final long serialVersionUID = 1L;
    private final LogoutFailure reason;

    public LogoutRejectedException(LogoutFailure reason) {
        super(reason.id() + " " + reason.text(), null, false, false);
        this.reason = reason;
    }

    public LogoutFailure reason() {
        return reason;
    }
}
