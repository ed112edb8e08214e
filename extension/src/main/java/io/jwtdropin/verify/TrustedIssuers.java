package io.jwtdropin.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the issuer entry for a token by its {@code iss} <em>before</em> any key is used, so a token can only be
 * verified with the keys of the issuer it claims: issuer A's key never validates a token claiming issuer B.
 */
final class TrustedIssuers implements AutoCloseable {

    private final List<TrustedIssuer> all;
    private final Map<String, TrustedIssuer> byIssuer = new HashMap<>();

    TrustedIssuers(List<TrustedIssuer> all) {
        this.all = List.copyOf(all);
        for (TrustedIssuer issuer : all) {
            issuer.issuer().ifPresent(iss -> byIssuer.put(iss, issuer));
        }
    }

    TrustedIssuer select(JsonObject claims) throws TokenRejectedException {
        if (all.size() == 1) {
            return all.get(0); // the standard single-issuer case: its own rules check iss, as MP-JWT says
        }
        TrustedIssuer selected = claims.get("iss") instanceof JsonString iss ? byIssuer.get(iss.getString()) : null;
        if (selected == null) {
            throw new TokenRejectedException(FailureReason.BAD_ISSUER, "iss names no trusted issuer");
        }
        return selected;
    }

    @Override
    public void close() {
        all.forEach(issuer -> issuer.keys().close());
    }
}
