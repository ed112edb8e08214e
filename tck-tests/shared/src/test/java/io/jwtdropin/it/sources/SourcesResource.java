package io.jwtdropin.it.sources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Who is calling, on a safe and an unsafe method. */
@Path("/who")
public class SourcesResource {

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String get(@Context SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    @POST
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String post(@Context SecurityContext security) {
        return "changed by " + security.getUserPrincipal().getName();
    }
}
