package io.jwtdropin.verify;

/**
 * Why a token was refused. Each reason has a stable message id for logs and monitoring; ids never change meaning.
 * Every reason maps to HTTP 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
public enum FailureReason {
    TOO_LARGE("JWTD-101", "token is longer than the configured maximum"),
    MALFORMED("JWTD-102", "token is not a well-formed compact JWS or JWE"),
    ALGORITHM_NOT_ALLOWED("JWTD-103", "token algorithm is not one pinned for the verification keys"),
    NO_MATCHING_KEY("JWTD-104", "no verification key matches the token's kid and algorithm"),
    BAD_SIGNATURE("JWTD-105", "signature does not verify"),
    ENCRYPTION_REQUIRED("JWTD-106", "a decryption key is configured, so only encrypted tokens are accepted"),
    DECRYPTION_FAILED("JWTD-107", "encrypted token could not be decrypted"),
    NOT_NESTED("JWTD-108", "encrypted token does not carry a signed JWT (cty: JWT)"),
    KEYS_UNAVAILABLE("JWTD-109", "verification keys could not be loaded"),
    MISSING_EXP("JWTD-110", "token has no exp claim"),
    EXPIRED("JWTD-111", "token has expired"),
    NOT_YET_VALID("JWTD-112", "token nbf is in the future"),
    MISSING_IAT("JWTD-113", "token has no iat claim"),
    ISSUED_IN_FUTURE("JWTD-114", "token iat is in the future"),
    IAT_AFTER_EXP("JWTD-115", "token iat is after its exp"),
    TOO_OLD("JWTD-116", "token is older than mp.jwt.verify.token.age"),
    BAD_ISSUER("JWTD-120", "token iss is missing or not the configured issuer"),
    BAD_AUDIENCE("JWTD-121", "token aud is missing or matches no configured audience"),
    NO_CALLER_NAME("JWTD-122", "token has none of upn, preferred_username, sub"),
    BAD_NUMERIC_DATE("JWTD-117", "exp, iat or nbf is not a number from 0 to year 9999"),
    CRITICAL_HEADER("JWTD-118", "token header has crit parameters, which are not supported"),
    TOO_DEEP("JWTD-119", "token JSON is nested deeper than allowed"),
    REVOKED("JWTD-123", "token has been revoked (by its jti, or all its subject's tokens issued until then)"),
    MISSING_JTI("JWTD-124", "token has no jti, which jwtdropin.revocation.require-jti requires"),
    WRONG_TYPE("JWTD-125", "token header typ is not JWT or at+jwt (a logout or DPoP proof token is no access token),"
            + " or not at+jwt where jwtdropin.verify.require-at-jwt requires it");

    private final String id;
    private final String text;

    FailureReason(String id, String text) {
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
