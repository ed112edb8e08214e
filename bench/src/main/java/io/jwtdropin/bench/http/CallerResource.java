package io.jwtdropin.bench.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What an MP-JWT application does on each request: a request-scoped resource that injects the caller's
 * {@link JsonWebToken} and answers with its name and groups. The JSON is written by hand on purpose:
 * {@code Json.createObjectBuilder()} looks the JSON-P provider up through {@code ServiceLoader} on every call, which
 * would measure the class path instead of authentication (it was 42 % of a server's samples in one run).
 */
@Path("/caller")
@RequestScoped
public class CallerResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public String caller() {
        StringBuilder json = new StringBuilder(96).append("{\"name\":\"").append(jwt.getName()).append("\",\"groups\":[");
        String separator = "";
        for (String group : new TreeSet<>(jwt.getGroups())) { // the bench's tokens hold plain ASCII names and groups
            json.append(separator).append('"').append(group).append('"');
            separator = ",";
        }
        return json.append("]}").toString();
    }
}
