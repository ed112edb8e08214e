package io.jwtdropin.bench.soak;

/**
 * Every kind of request the soak sends, with the one answer it must get. Valid tokens are served (header or cookie);
 * a cookie without proof of the same origin on a POST is refused with 403 (CSRF); every bad token gets 401 with the
 * RFC 6750 challenge; log-out revokes the token, which is refused from then on.
 */
enum Kind {
    REUSED(200, 560), FRESH(200, 100), COOKIE(200, 80), COOKIE_POST(200, 40), CROSS_SITE_POST(403, 30),
    HEADER_POST(200, 20), BAD_SIGNATURE(401, 30), EXPIRED(401, 25), UNKNOWN_KID(401, 25), MALFORMED(401, 25),
    OVERSIZED(401, 15), WRONG_ISSUER(401, 10), UNSIGNED(401, 10), RETIRED_KEY(401, 20),
    /** A scenario of three requests: a fresh token served, then log-out (204), then the same token ({@link #REVOKED}). */
    LOGOUT(204, 10),
    REVOKED(401, 0);

    /** The status the answer must have. */
    final int status;
    /** Share of the traffic, per thousand scenarios. */
    final int perMille;

    Kind(int status, int perMille) {
        this.status = status;
        this.perMille = perMille;
    }

    /** The kind of scenario for a number from 0 to 999. */
    static Kind pick(int roll) {
        int sum = 0;
        for (Kind kind : values()) {
            sum += kind.perMille;
            if (roll < sum) {
                return kind;
            }
        }
        return REUSED;
    }
}
