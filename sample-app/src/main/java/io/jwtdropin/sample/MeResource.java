package io.jwtdropin.sample;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who am I: the caller's name, groups and a few claims, all injected. */
@Path("/me")
@RequestScoped
public class MeResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    @Claim(standard = Claims.iss)
    String issuer;

    @Inject
    @Claim(standard = Claims.exp)
    long expiresAt;

    @Inject
    @Claim("email")
    Optional<String> email;

    @GET
    @RolesAllowed({"user", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return Json.createObjectBuilder()
                .add("name", jwt.getName())
                .add("groups", Json.createArrayBuilder(jwt.getGroups()))
                .add("issuer", issuer)
                .add("expiresAt", expiresAt)
                .add("email", email.orElse(""))
                .build();
    }
}
