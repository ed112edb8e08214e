package io.jwtdropin.config;

/** Every configuration key the jar reads: the MicroProfile JWT ones, then ours under {@link #PREFIX}. */
public final class ConfigKeys {

    public static final String VERIFY_PUBLICKEY = "mp.jwt.verify.publickey";
    public static final String VERIFY_PUBLICKEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String VERIFY_PUBLICKEY_ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    public static final String VERIFY_ISSUER = "mp.jwt.verify.issuer";
    public static final String VERIFY_AUDIENCES = "mp.jwt.verify.audiences";
    public static final String VERIFY_CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    public static final String VERIFY_TOKEN_AGE = "mp.jwt.verify.token.age";
    public static final String TOKEN_HEADER = "mp.jwt.token.header";
    public static final String TOKEN_COOKIE = "mp.jwt.token.cookie";
    public static final String DECRYPT_KEY_LOCATION = "mp.jwt.decrypt.key.location";
    public static final String DECRYPT_KEY_ALGORITHM = "mp.jwt.decrypt.key.algorithm";

    /** The one prefix for jwt-dropin's own keys. */
    public static final String PREFIX = "jwtdropin.";
    public static final String TOKEN_MAX_LENGTH = PREFIX + "token.max-length";
    public static final String RSA_MIN_BITS = PREFIX + "verify.rsa.min-bits";
    public static final String VERIFY_SECRET = PREFIX + "verify.secret";
    public static final String VERIFY_DISCOVERY = PREFIX + "verify.discovery";
    public static final String VERIFY_REQUIRE_AT_JWT = PREFIX + "verify.require-at-jwt";
    public static final String GROUPS_PATHS = PREFIX + "groups.paths";
    public static final String GROUPS_MAP = PREFIX + "groups.map";
    public static final String LOGOUT_PATH = PREFIX + "logout.path";
    public static final String LOGOUT_AUDIENCES = PREFIX + "logout.audiences";
    public static final String CACHE_SIZE = PREFIX + "cache.size";
    public static final String MECHANISM_DIRECT = PREFIX + "mechanism.direct";
    public static final String CACHE_TTL = PREFIX + "cache.ttl";
    public static final String TOKEN_SOURCES = PREFIX + "token.sources";
    public static final String COOKIE_SAME_SITE = PREFIX + "cookie.same-site";
    public static final String CSRF_ENABLED = PREFIX + "csrf.enabled";
    public static final String CSRF_ALLOWED_ORIGINS = PREFIX + "csrf.allowed-origins";
    public static final String ISSUE_KEY_LOCATION = PREFIX + "issue.key.location";
    public static final String ISSUE_ALGORITHM = PREFIX + "issue.algorithm";
    public static final String ISSUE_ISSUER = PREFIX + "issue.issuer";
    public static final String ISSUE_AUDIENCE = PREFIX + "issue.audience";
    public static final String ISSUE_LIFETIME = PREFIX + "issue.lifetime";
    public static final String ISSUE_KEY_ID = PREFIX + "issue.key-id";

    /** Names of further trusted issuers; each has the {@code jwtdropin.issuer.<name>.*} keys below. */
    public static final String ISSUERS = PREFIX + "issuers";
    /** Placeholder in the per-issuer keys, replaced by {@link #issuerKey}. */
    public static final String NAME = "<name>";
    public static final String ISSUER_ISS = PREFIX + "issuer." + NAME + ".issuer";
    public static final String ISSUER_PUBLICKEY = PREFIX + "issuer." + NAME + ".publickey";
    public static final String ISSUER_PUBLICKEY_LOCATION = PREFIX + "issuer." + NAME + ".publickey.location";
    public static final String ISSUER_PUBLICKEY_ALGORITHM = PREFIX + "issuer." + NAME + ".publickey.algorithm";
    public static final String ISSUER_AUDIENCES = PREFIX + "issuer." + NAME + ".audiences";
    public static final String ISSUER_DISCOVERY = PREFIX + "issuer." + NAME + ".discovery";
    public static final String ISSUER_GROUPS_PATHS = PREFIX + "issuer." + NAME + ".groups.paths";
    public static final String ISSUER_GROUPS_MAP = PREFIX + "issuer." + NAME + ".groups.map";
    public static final String ISSUER_DPOP_MODE = PREFIX + "issuer." + NAME + ".dpop.mode";

    public static final String JWKS_CONNECT_TIMEOUT = PREFIX + "jwks.connect-timeout-ms";
    public static final String JWKS_READ_TIMEOUT = PREFIX + "jwks.read-timeout-ms";
    public static final String JWKS_MAX_SIZE = PREFIX + "jwks.max-size";
    public static final String JWKS_LIFETIME = PREFIX + "jwks.lifetime";
    public static final String JWKS_LIFETIME_MIN = PREFIX + "jwks.lifetime.min";
    public static final String JWKS_LIFETIME_MAX = PREFIX + "jwks.lifetime.max";
    public static final String JWKS_REFRESH_MIN_INTERVAL = PREFIX + "jwks.refresh.min-interval";
    public static final String JWKS_MAX_STALE = PREFIX + "jwks.max-stale";
    public static final String JWKS_TRUSTSTORE = PREFIX + "jwks.truststore.location";
    public static final String JWKS_TRUSTSTORE_PASSWORD = PREFIX + "jwks.truststore.password";
    public static final String JWKS_TRUSTSTORE_TYPE = PREFIX + "jwks.truststore.type";

    public static final String REVOCATION_STORE = PREFIX + "revocation.store";
    public static final String REVOCATION_REQUIRE_JTI = PREFIX + "revocation.require-jti";
    public static final String REVOCATION_RETENTION = PREFIX + "revocation.retention";
    public static final String REVOCATION_MAX_ENTRIES = PREFIX + "revocation.max-entries";
    public static final String REVOCATION_JCACHE_PROVIDER = PREFIX + "revocation.jcache.provider";
    public static final String REVOCATION_JCACHE_URI = PREFIX + "revocation.jcache.uri";
    public static final String REVOCATION_JCACHE_UNREACHABLE = PREFIX + "revocation.jcache.unreachable";
    public static final String REVOCATION_JCACHE_CONNECT_TIMEOUT = PREFIX + "revocation.jcache.connect-timeout";
    public static final String REVOCATION_JCACHE_RESYNC = PREFIX + "revocation.jcache.resync-interval";

    public static final String DPOP_MODE = PREFIX + "dpop.mode";
    public static final String DPOP_ALGORITHMS = PREFIX + "dpop.algorithms";
    public static final String DPOP_PROOF_WINDOW = PREFIX + "dpop.proof.window";
    public static final String DPOP_PUBLIC_BASE_URL = PREFIX + "dpop.public-base-url";
    public static final String DPOP_NONCE = PREFIX + "dpop.nonce";
    public static final String DPOP_NONCE_LIFETIME = PREFIX + "dpop.nonce.lifetime";
    public static final String DPOP_REPLAY_MAX_ENTRIES = PREFIX + "dpop.replay.max-entries";

    private ConfigKeys() {
    }

    /** A per-issuer key for the issuer called {@code name}, e.g. {@code jwtdropin.issuer.corp.issuer}. */
    public static String issuerKey(String pattern, String name) {
        return pattern.replace(NAME, name);
    }
}
