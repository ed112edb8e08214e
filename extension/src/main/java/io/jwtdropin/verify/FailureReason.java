package io.jwtdropin.verify;

/**
 * Why a token was refused. Each reason has a stable message id for logs and monitoring; ids never change meaning.
 * Every reason maps to HTTP 401 with an RFC 6750 / RFC 9449 challenge whose {@code error} is {@link #error()}:
 * {@code invalid_token} for the token itself, {@code invalid_dpop_proof} for its DPoP proof, {@code use_dpop_nonce}
 * when the proof lacks the server's current nonce.
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
            + " or not at+jwt where jwtdropin.verify.require-at-jwt requires it"),
    DPOP_BOUND_AS_BEARER("JWTD-150", "a DPoP-bound token (cnf.jkt) came as a bearer token or cookie; it needs the"
            + " DPoP scheme and a proof"),
    DPOP_PROOF_MULTIPLE("JWTD-151", "more than one DPoP proof header", Error.INVALID_PROOF),
    DPOP_PROOF_MALFORMED("JWTD-152", "DPoP proof is not a signed JWT with typ dpop+jwt, a jwk header and the"
            + " jti, htm, htu, iat and ath claims", Error.INVALID_PROOF),
    DPOP_PROOF_ALGORITHM("JWTD-153", "DPoP proof alg is not one of jwtdropin.dpop.algorithms, or does not fit"
            + " its jwk", Error.INVALID_PROOF),
    DPOP_PROOF_PRIVATE_KEY("JWTD-154", "DPoP proof jwk is not a public key", Error.INVALID_PROOF),
    DPOP_PROOF_SIGNATURE("JWTD-155", "DPoP proof signature does not verify with its jwk", Error.INVALID_PROOF),
    DPOP_PROOF_METHOD("JWTD-156", "DPoP proof htm is not the request method", Error.INVALID_PROOF),
    DPOP_PROOF_URI("JWTD-157", "DPoP proof htu is not the request URL (without query and fragment)",
            Error.INVALID_PROOF),
    DPOP_PROOF_STALE("JWTD-158", "DPoP proof iat is outside jwtdropin.dpop.proof.window", Error.INVALID_PROOF),
    DPOP_PROOF_REPLAYED("JWTD-159", "DPoP proof jti was used before", Error.INVALID_PROOF),
    DPOP_PROOF_ATH("JWTD-160", "DPoP proof ath is missing or not the hash of the access token", Error.INVALID_PROOF),
    DPOP_PROOF_KEY("JWTD-161", "DPoP proof key is not the one the token is bound to (cnf.jkt)", Error.INVALID_PROOF),
    DPOP_TOKEN_NOT_BOUND("JWTD-162", "token is not DPoP-bound (no cnf.jkt) but was sent with the DPoP scheme, or"
            + " jwtdropin.dpop.mode is required"),
    DPOP_NONCE("JWTD-163", "DPoP proof lacks the server's current nonce", Error.USE_NONCE),
    DPOP_REPLAY_FULL("JWTD-164", "DPoP proof refused: the replay cache is full (jwtdropin.dpop.replay.max-entries)",
            Error.INVALID_PROOF),
    DPOP_PROOF_MISSING("JWTD-165", "a token came with the DPoP scheme but without a DPoP proof header",
            Error.INVALID_PROOF),
    DPOP_REPLAY_UNAVAILABLE("JWTD-166", "DPoP proof refused: the data grid that holds proof ids does not answer, so"
            + " a replay on another node could not be told apart", Error.INVALID_PROOF);

    /** The {@code error} of the challenge a refusal carries. */
    public enum Error {
        INVALID_TOKEN("invalid_token"), INVALID_PROOF("invalid_dpop_proof"), USE_NONCE("use_dpop_nonce");

        private final String code;

        Error(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final String id;
    private final String text;
    private final Error error;

    FailureReason(String id, String text) {
        this(id, text, Error.INVALID_TOKEN);
    }

    FailureReason(String id, String text, Error error) {
        this.id = id;
        this.text = text;
        this.error = error;
    }

    public Error error() {
        return error;
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }
}
