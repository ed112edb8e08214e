package io.jwtdropin.logout;

/** Why a logout token was refused (the endpoint answers 400); each with a stable message id for the log. */
public enum LogoutFailure {
    NOT_A_FORM("JWTD-140", "the request is not a POST of application/x-www-form-urlencoded with one logout_token"),
    INVALID_TOKEN("JWTD-141", "the logout token's form, typ, issuer or signature is not valid"),
    BAD_AUDIENCE("JWTD-142", "the logout token's aud names none of jwtdropin.logout.audiences"),
    BAD_TIMES("JWTD-143", "the logout token's iat is missing or in the future, or its exp has passed"),
    NO_LOGOUT_EVENT("JWTD-144", "the logout token's events claim has no back-channel logout event object"),
    NO_SUBJECT_OR_SESSION("JWTD-145", "the logout token names neither sid nor sub"),
    HAS_NONCE("JWTD-146", "the logout token carries a nonce, which logout tokens must not"),
    REPLAYED("JWTD-147", "the logout token's jti is missing, or was seen before");

    private final String id;
    private final String text;

    LogoutFailure(String id, String text) {
        this.id = id;
        this.text = text;
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }
}
