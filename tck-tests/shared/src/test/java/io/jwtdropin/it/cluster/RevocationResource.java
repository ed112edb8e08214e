package io.jwtdropin.it.cluster;

import io.jwtdropin.revoke.TokenRevocation;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, "revoke my token", "revoke this subject" (admins), and whether revocation is cluster-wide. */
@Path("/")
public class RevocationResource {

    @Inject
    JsonWebToken caller;

    @Inject
    TokenRevocation revocation;

    @GET
    @Path("me")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String me() {
        return caller.getName();
    }

    @GET
    @Path("public")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String clusterWide() {
        return "cluster-wide:" + revocation.isClusterWide();
    }

    @POST
    @Path("revoke/me")
    @RolesAllowed("user")
    public void revokeMine() {
        revocation.revoke(caller);
    }

    @POST
    @Path("revoke/subject/{subject}")
    @RolesAllowed("admin")
    public void revokeSubject(@PathParam("subject") String subject) {
        revocation.revokeSubject(subject);
    }
}
