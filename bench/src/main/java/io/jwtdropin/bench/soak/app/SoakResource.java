package io.jwtdropin.bench.soak.app;

import io.jwtdropin.revoke.TokenRevocation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The soak's endpoints: who am I (read with the header or the cookie), a state-changing POST (where the cookie needs
 * the CSRF rule), and log-out, which revokes the caller's own token. The answers are built as strings: a JSON-P
 * builder per request would measure the provider look-up, not us.
 */
@Path("/")
@RequestScoped
public class SoakResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    TokenRevocation revocation;

    @GET
    @Path("open")
    @Produces(MediaType.TEXT_PLAIN)
    public String open() {
        return "open";
    }

    @GET
    @Path("me")
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        return "{\"name\":\"" + jwt.getName() + "\",\"groups\":" + jwt.getGroups().size() + "}";
    }

    @POST
    @Path("notes")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String addNote() {
        return "saved for " + jwt.getName();
    }

    @POST
    @Path("logout")
    @RolesAllowed("user")
    public void logout() {
        revocation.revoke(jwt);
    }
}
