package io.jwtdropin.it.jwks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Answers with the caller and the issuer that vouched for them. */
@Path("/whoami")
public class IssuerResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String whoami() {
        return jwt.getName() + "@" + jwt.getIssuer();
    }
}
