package io.jwtdropin.it.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The protected resource every attack is aimed at. */
@Path("/target")
public class AttackTarget {

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String target(@Context SecurityContext security) {
        return "reached by " + security.getUserPrincipal().getName();
    }
}
