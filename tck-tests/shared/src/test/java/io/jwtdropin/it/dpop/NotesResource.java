package io.jwtdropin.it.dpop;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A user endpoint that answers with the caller and the key its token is bound to ({@code cnf.jkt}, or none). */
@Path("/notes")
@RolesAllowed("user")
public class NotesResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    @Claim("cnf")
    JsonObject cnf;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String read() {
        return jwt.getName() + ":" + (cnf == null ? "unbound" : cnf.getString("jkt", "unbound"));
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String write() {
        return "written by " + read();
    }
}
