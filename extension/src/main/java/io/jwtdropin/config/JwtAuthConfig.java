package io.jwtdropin.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration of jwt-dropin for one application: built and validated once, at deployment, by
 * {@link ConfigReader}. Nothing else in the jar reads configuration keys.
 *
 * @param verificationKey   where the signature verification key(s) come from
 * @param algorithms        signature algorithms accepted (pinned); empty means "the default for each key's type"
 * @param issuer            the required {@code iss}, if configured
 * @param audiences         accepted {@code aud} values; empty means {@code aud} is not checked
 * @param transport         where tokens are read from, and how cookie-borne ones are protected
 * @param clockSkew         tolerance applied to {@code exp}, {@code nbf} and {@code iat}
 * @param maxTokenAge       maximum age since {@code iat}, if configured
 * @param decryptionKey     the JWE decryption key, if configured (then only encrypted tokens are accepted)
 * @param decryptAlgorithms JWE key management algorithms accepted
 * @param maxTokenLength    tokens longer than this (in characters) are refused before any parsing
 * @param minRsaBits        RSA verification keys shorter than this fail deployment
 * @param issuing           how the application mints tokens, if it does
 * @param cacheSize         verified tokens kept (0: no cache)
 * @param cacheTtl          the longest a verified token is kept
 * @param secret            a base64url HMAC secret (HS256/384/512), if configured
 * @param trustedIssuers    the issuers whose tokens are accepted, the standard {@code mp.jwt.*} one first when
 *                          configured; never empty
 * @param remoteKeys        how {@code http(s):} key locations are fetched and kept
 * @param revocation        whether and where revoked tokens are recorded
 * @param requireAtJwt      whether tokens must carry the RFC 9068 header {@code typ: at+jwt}
 * @param logout            the back-channel logout endpoint, if enabled
 * @param dpop              how DPoP-bound tokens and their proofs are handled
 * @param directBridge      whether the mechanism is registered with Jakarta Authentication directly where the
 *                          server's Jakarta Security is Soteria (skipping its per-request look-ups of the mechanism)
 */
public record JwtAuthConfig(
        KeySource verificationKey,
        Set<String> algorithms,
        Optional<String> issuer,
        Set<String> audiences,
        TokenTransport transport,
        Duration clockSkew,
        Optional<Duration> maxTokenAge,
        Optional<KeySource> decryptionKey,
        Set<String> decryptAlgorithms,
        int maxTokenLength,
        int minRsaBits,
        Optional<IssuingConfig> issuing,
        int cacheSize,
        Duration cacheTtl,
        Optional<String> secret,
        List<TrustedIssuerConfig> trustedIssuers,
        RemoteKeyOptions remoteKeys,
        RevocationConfig revocation,
        boolean requireAtJwt,
        Optional<LogoutConfig> logout,
        DpopConfig dpop,
        boolean directBridge) {

    public JwtAuthConfig {
        algorithms = Set.copyOf(algorithms);
        audiences = Set.copyOf(audiences);
        decryptAlgorithms = Set.copyOf(decryptAlgorithms);
        trustedIssuers = List.copyOf(trustedIssuers);
    }

    /**
     * Where key material comes from.
     *
     * @param configKey the configuration key that named it, for error messages
     * @param inline    true when {@code value} is the key material itself, false when it is a location
     * @param value     key material or location (classpath path, {@code file:}, {@code http(s):} URL)
     * @param implicit  true for the built-in default location, which may be absent
     * @param discovery true when {@code value} is an issuer whose OpenID Connect discovery document names the key set
     */
    public record KeySource(String configKey, boolean inline, String value, boolean implicit, boolean discovery) {

        public KeySource(String configKey, boolean inline, String value, boolean implicit) {
            this(configKey, inline, value, implicit, false);
        }

        /** The keys of {@code issuer}, found through its {@code /.well-known/openid-configuration}. */
        public static KeySource discovered(String configKey, String issuer) {
            return new KeySource(configKey, false, issuer, false, true);
        }

        public boolean isRemote() {
            return discovery || (!inline && (value.startsWith("http://") || value.startsWith("https://")));
        }
    }
}
