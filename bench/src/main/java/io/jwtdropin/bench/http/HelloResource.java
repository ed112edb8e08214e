package io.jwtdropin.bench.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The same tiny answer, open and secured, so the difference is the cost of authentication. */
@Path("/")
public class HelloResource {

    @GET
    @Path("open")
    @Produces(MediaType.TEXT_PLAIN)
    public String open() {
        return "hello";
    }

    @GET
    @Path("secured")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String secured(@Context SecurityContext security) {
        return "hello " + security.getUserPrincipal().getName();
    }
}
