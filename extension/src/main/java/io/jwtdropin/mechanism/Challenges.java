package io.jwtdropin.mechanism;

import io.jwtdropin.config.DpopConfig;
import io.jwtdropin.verify.FailureReason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code WWW-Authenticate} values of a 401 (RFC 6750 §3, RFC 9449 §7.1), built once per configuration. The scheme
 * the client used carries the error; where DPoP is on, the other accepted scheme follows without one, and the DPoP
 * challenge names the proof algorithms accepted. With DPoP off every challenge is {@code Bearer}, as before.
 */
final class Challenges {

    static final String BARE = "Bearer";
    static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    static final String INVALID_REQUEST = "Bearer error=\"invalid_request\"";

    /** The outcome of a request that brought no token, with the challenges a 401 for it carries. */
    record NoToken(List<String> challenges) {
    }

    private final DpopConfig dpop;
    private final NoToken noToken;
    private final List<String> bearerRefused;
    private final Map<FailureReason.Error, List<String>> dpopRefused = new EnumMap<>(FailureReason.Error.class);

    Challenges(DpopConfig dpop) {
        this.dpop = dpop;
        String algs = "algs=\"" + dpop.algorithms().stream().sorted().collect(Collectors.joining(" ")) + "\"";
        String bareDpop = "DPoP " + algs;
        this.noToken = new NoToken(switch (dpop.mode()) {
            case OFF -> List.of(BARE);
            case ALLOWED -> List.of(BARE, bareDpop);
            case REQUIRED -> List.of(bareDpop);
        });
        this.bearerRefused = dpop.mode() == DpopConfig.Mode.OFF ? List.of(INVALID_TOKEN) : List.of(INVALID_TOKEN, bareDpop);
        for (FailureReason.Error error : FailureReason.Error.values()) {
            String challenge = "DPoP error=\"" + error.code() + "\", " + algs;
            dpopRefused.put(error, dpop.mode() == DpopConfig.Mode.ALLOWED ? List.of(challenge, BARE) : List.of(challenge));
        }
    }

    DpopConfig dpop() {
        return dpop;
    }

    NoToken noToken() {
        return noToken;
    }

    /** @param dpopScheme whether the token came with the DPoP scheme */
    List<String> refused(FailureReason reason, boolean dpopScheme) {
        boolean dpopAnswer = dpop.mode() == DpopConfig.Mode.REQUIRED || dpop.mode() == DpopConfig.Mode.ALLOWED
                && (dpopScheme || reason.error() != FailureReason.Error.INVALID_TOKEN);
        return dpopAnswer ? dpopRefused.get(reason.error()) : bearerRefused;
    }
}
