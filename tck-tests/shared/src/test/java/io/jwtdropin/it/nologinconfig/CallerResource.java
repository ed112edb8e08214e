package io.jwtdropin.it.nologinconfig;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's principal class and the injected token's name, for a role. */
@Path("/caller")
@RequestScoped
public class CallerResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String caller(@Context SecurityContext security) {
        return security.getUserPrincipal().getClass().getName() + " " + jwt.getName();
    }
}
