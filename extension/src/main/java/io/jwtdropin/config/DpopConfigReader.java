package io.jwtdropin.config;

import static io.jwtdropin.config.ConfigKeys.*;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code jwtdropin.dpop.*} keys into a {@link DpopConfig}. */
final class DpopConfigReader {

    static final long DEFAULT_PROOF_WINDOW_SECONDS = 60;
    static final long DEFAULT_NONCE_LIFETIME_SECONDS = 300;
    static final long DEFAULT_REPLAY_ENTRIES = 100_000;

    private DpopConfigReader() {
    }

    /** @param issuers the trusted issuers, whose entries may set their own mode */
    static DpopConfig read(ConfigValues values, List<TrustedIssuerConfig> issuers) {
        DpopConfig.Mode global = mode(values, DPOP_MODE, Set.of("off", "allowed", "required")).orElse(DpopConfig.Mode.ALLOWED);
        Map<String, DpopConfig.Mode> issuerModes = new HashMap<>();
        for (TrustedIssuerConfig issuer : issuers) {
            String key = issuerKey(ISSUER_DPOP_MODE, issuer.name());
            Optional<DpopConfig.Mode> own = issuer.name().equals("mp.jwt") ? Optional.empty()
                    : mode(values, key, Set.of("allowed", "required"));
            if (own.isPresent() && global == DpopConfig.Mode.OFF) {
                throw new InvalidConfigException(key, "is set, but " + DPOP_MODE + " is off: DPoP must be on for an"
                        + " issuer to require or allow it.");
            }
            own.ifPresent(mode -> issuerModes.put(issuer.issuer().orElseThrow(), mode));
        }
        Set<String> algorithms = values.listOf(DPOP_ALGORITHMS, DpopConfig.PROOF_ALGORITHMS);
        return new DpopConfig(global,
                algorithms.isEmpty() ? DpopConfig.PROOF_ALGORITHMS : algorithms,
                Duration.ofSeconds(values.positive(DPOP_PROOF_WINDOW).orElse(DEFAULT_PROOF_WINDOW_SECONDS)),
                publicBaseUrl(values.string(DPOP_PUBLIC_BASE_URL)),
                values.bool(DPOP_NONCE).orElse(false),
                Duration.ofSeconds(values.positive(DPOP_NONCE_LIFETIME).orElse(DEFAULT_NONCE_LIFETIME_SECONDS)),
                values.positive(DPOP_REPLAY_MAX_ENTRIES).orElse(DEFAULT_REPLAY_ENTRIES).intValue(),
                issuerModes);
    }

    private static Optional<DpopConfig.Mode> mode(ConfigValues values, String key, Set<String> allowed) {
        return values.listOf(key, allowed).stream().findFirst()
                .map(mode -> DpopConfig.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
    }

    /** An absolute http(s) URL without query or fragment; a trailing slash is dropped (the request path follows). */
    private static Optional<String> publicBaseUrl(Optional<String> value) {
        if (value.isEmpty()) {
            return value;
        }
        try {
            URI uri = new URI(value.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException();
            }
            String text = uri.toString();
            return Optional.of(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new InvalidConfigException(DPOP_PUBLIC_BASE_URL, "must be an absolute http(s) URL such as"
                    + " https://api.example.com (optionally with a path prefix), without query, not '" + value.get() + "'.");
        }
    }
}
