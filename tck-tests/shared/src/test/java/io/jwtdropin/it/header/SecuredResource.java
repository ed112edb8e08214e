package io.jwtdropin.it.header;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A public, a user and an admin endpoint. */
@Path("/")
public class SecuredResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("public")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String open() {
        return "public:" + jwt.getName();
    }

    @GET
    @Path("user")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String user() {
        return "user:" + jwt.getName();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return "admin:" + jwt.getName();
    }
}
