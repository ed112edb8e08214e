package io.jwtdropin.sample;

import io.jwtdropin.revoke.TokenRevocation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** For admins only (a user-only token gets 403): a greeting, and "log this user out everywhere". */
@Path("/admin")
public class AdminResource {

    @Inject
    TokenRevocation revocation;

    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin(@Context SecurityContext security) {
        return "hello, admin " + security.getUserPrincipal().getName();
    }

    /** Revokes every token of {@code subject} issued until now, on every node. */
    @POST
    @Path("revoke/{subject}")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String revokeSubject(@PathParam("subject") String subject) {
        revocation.revokeSubject(subject);
        return "revoked every token of " + subject + " issued until now"
                + (revocation.isClusterWide() ? ", on every node" : " (this node only)");
    }
}
