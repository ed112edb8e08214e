package io.jwtdropin.principal;

import io.jwtdropin.verify.VerifiedToken;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a request authenticated by jwt-dropin: an immutable view of a verified token. */
public final class JwtPrincipal implements JsonWebToken {

    private final VerifiedToken token;

    public JwtPrincipal(VerifiedToken token) {
        this.token = token;
    }

    @Override
    public String getName() {
        return token.name();
    }

    @Override
    public Set<String> getGroups() {
        return token.groups();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(token.claims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    /** The token as received, without the JSON-P detour of {@code getClaim("raw_token")}. */
    @Override
    public String getRawToken() {
        return token.rawToken();
    }

    /** Standard claims in the types of {@link Claims}; other claims as String, Long, Double, Boolean or JSON-P. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) ClaimConversion.forGetClaim(claimName, jsonClaim(claimName));
    }

    /** The claim as JSON-P, {@code raw_token} included; null when absent. */
    public JsonValue jsonClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return ClaimConversion.jsonString(token.rawToken());
        }
        return token.claims().get(claimName);
    }

    public JsonObject claims() {
        return token.claims();
    }

    @Override
    public String toString() {
        return "JwtPrincipal[" + token.name() + "]";
    }
}
