package io.jwtdropin.config;

import static io.jwtdropin.config.ConfigKeys.*;

import io.jwtdropin.config.JwtAuthConfig.KeySource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the trusted issuers: the standard {@code mp.jwt.*} one, plus those named by {@code jwtdropin.issuers}, each
 * with its own keys, algorithms and audiences. With named issuers every entry must say which {@code iss} it is,
 * because the token's {@code iss} chooses the entry before any key is used.
 */
final class TrustedIssuersReader {

    private static final Pattern NAME_SYNTAX = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final ConfigValues values;

    TrustedIssuersReader(ConfigValues values) {
        this.values = values;
    }

    /**
     * @param standard           the entry built from the {@code mp.jwt.*} keys
     * @param standardConfigured whether a standard key was configured explicitly (not just the default location)
     */
    List<TrustedIssuerConfig> read(TrustedIssuerConfig standard, boolean standardConfigured) {
        Set<String> names = values.list(ISSUERS);
        if (names.isEmpty()) {
            return List.of(standard);
        }
        List<TrustedIssuerConfig> issuers = new ArrayList<>();
        if (standardConfigured) {
            if (standard.issuer().isEmpty()) {
                throw new InvalidConfigException(VERIFY_ISSUER, "must be set when " + ISSUERS
                        + " is set and a standard mp.jwt.verify key is configured, so tokens can be told apart by iss.");
            }
            issuers.add(standard);
        }
        for (String name : names) {
            issuers.add(named(name, standard.groups()));
        }
        Set<String> seen = new HashSet<>();
        for (TrustedIssuerConfig issuer : issuers) {
            if (!seen.add(issuer.issuer().orElseThrow())) {
                throw new InvalidConfigException(issuerKey(ISSUER_ISS, issuer.name()),
                        "repeats the issuer '" + issuer.issuer().get() + "' of another entry; each issuer is listed once.");
            }
        }
        return issuers;
    }

    /** @param standardGroups the {@code jwtdropin.groups.*} rule, which a named issuer keeps unless it sets its own */
    private TrustedIssuerConfig named(String name, GroupClaims standardGroups) {
        if (!NAME_SYNTAX.matcher(name).matches()) {
            throw new InvalidConfigException(ISSUERS, "names '" + name
                    + "'; issuer names are lower-case letters, digits and '-'.");
        }
        String iss = values.string(issuerKey(ISSUER_ISS, name)).orElseThrow(() -> new InvalidConfigException(
                issuerKey(ISSUER_ISS, name), "is not set; every issuer named in " + ISSUERS + " needs its iss."));
        Optional<String> inline = values.string(issuerKey(ISSUER_PUBLICKEY, name));
        Optional<String> location = values.string(issuerKey(ISSUER_PUBLICKEY_LOCATION, name));
        boolean discovery = values.bool(issuerKey(ISSUER_DISCOVERY, name)).orElse(false);
        KeySource keys;
        if (discovery) {
            if (inline.isPresent() || location.isPresent()) {
                throw new InvalidConfigException(issuerKey(ISSUER_DISCOVERY, name), "is true, so the keys come from the"
                        + " issuer's discovery document; remove " + issuerKey(ISSUER_PUBLICKEY_LOCATION, name) + " and "
                        + issuerKey(ISSUER_PUBLICKEY, name) + ".");
            }
            keys = KeySource.discovered(issuerKey(ISSUER_DISCOVERY, name), iss);
        } else if (inline.isPresent() == location.isPresent()) {
            throw new InvalidConfigException(issuerKey(ISSUER_PUBLICKEY_LOCATION, name),
                    inline.isPresent() ? "and " + issuerKey(ISSUER_PUBLICKEY, name) + " are both set; set only one."
                            : "is not set; set it, " + issuerKey(ISSUER_PUBLICKEY, name) + " or "
                                    + issuerKey(ISSUER_DISCOVERY, name) + "=true.");
        } else {
            keys = inline.map(v -> new KeySource(issuerKey(ISSUER_PUBLICKEY, name), true, v, false))
                    .orElseGet(() -> new KeySource(issuerKey(ISSUER_PUBLICKEY_LOCATION, name), false, location.get(), false));
        }
        Optional<String> groupPaths = values.string(issuerKey(ISSUER_GROUPS_PATHS, name));
        Optional<String> groupMap = values.string(issuerKey(ISSUER_GROUPS_MAP, name));
        GroupClaims groups = groupPaths.isPresent() || groupMap.isPresent()
                ? GroupClaimsReader.read(issuerKey(ISSUER_GROUPS_PATHS, name), groupPaths, issuerKey(ISSUER_GROUPS_MAP, name), groupMap)
                : standardGroups;
        return new TrustedIssuerConfig(name, Optional.of(iss), keys,
                values.listOf(issuerKey(ISSUER_PUBLICKEY_ALGORITHM, name), ConfigReader.SIGNATURE_ALGORITHMS),
                values.list(issuerKey(ISSUER_AUDIENCES, name)), groups);
    }
}
