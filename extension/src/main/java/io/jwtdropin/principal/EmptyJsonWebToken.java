package io.jwtdropin.principal;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link JsonWebToken} of a request that carried no (valid) token: every accessor answers null. */
public final class EmptyJsonWebToken implements JsonWebToken {

    public static final EmptyJsonWebToken INSTANCE = new EmptyJsonWebToken();

    private EmptyJsonWebToken() {
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return null;
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }
}
