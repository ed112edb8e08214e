package io.jwtdropin.it.keycloak;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** One endpoint per kind of Keycloak role: a realm role, a client role of the API, a role nobody in the test has. */
@Path("/kc")
@Produces(MediaType.TEXT_PLAIN)
public class RolesResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("/realm-role")
    @RolesAllowed("user")
    public String realmRole() {
        return jwt.getName() + " " + new TreeSet<>(jwt.getGroups());
    }

    @GET
    @Path("/client-role")
    @RolesAllowed("api-reader")
    public String clientRole() {
        return jwt.getName();
    }

    @GET
    @Path("/writer")
    @RolesAllowed("api-writer")
    public String writer() {
        return jwt.getName();
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return jwt.getName();
    }
}
