package io.jwtdropin.it.subject;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.jacc.PolicyContext;
import jakarta.security.jacc.PolicyContextException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import javax.security.auth.Subject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The container's Subject for the caller: which instance it is, and the token its JsonWebToken principal holds. */
@Path("/")
public class SubjectResource {

    private static final String JAKARTA_KEY = "jakarta.security.auth.Subject.container";
    private static final String JAVAX_KEY = "javax.security.auth.Subject.container";

    @GET
    @Path("subject")
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject subject() throws PolicyContextException {
        // Jakarta Authorization 3.0 renamed the key; the servers answer to one or both
        String key = PolicyContext.getHandlerKeys().contains(JAKARTA_KEY) ? JAKARTA_KEY : JAVAX_KEY;
        Subject subject = PolicyContext.getContext(key);
        Set<JsonWebToken> tokens = subject.getPrincipals(JsonWebToken.class);
        return Json.createObjectBuilder()
                .add("identity", System.identityHashCode(subject))
                .add("tokens", tokens.size())
                .add("jti", tokens.isEmpty() ? "" : tokens.iterator().next().getTokenID())
                .build();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin";
    }
}
