package io.jwtdropin.it.takeover;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The class of the caller principal; needs no MP-JWT bean, so it deploys with or without any implementation. */
@Path("/principal")
public class PrincipalResource {

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String principalClass(@Context SecurityContext security) {
        return security.getUserPrincipal().getClass().getName();
    }
}
