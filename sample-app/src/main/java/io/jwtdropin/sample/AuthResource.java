package io.jwtdropin.sample;

import io.jwtdropin.issue.IssuedToken;
import io.jwtdropin.issue.TokenCookies;
import io.jwtdropin.issue.TokenIssuer;
import io.jwtdropin.revoke.TokenRevocation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Browser login sets the HttpOnly token cookie; API clients get the token in JSON; logout revokes the token and
 * clears the cookie.
 * Wrong credentials get the same answer whether or not the user exists.
 */
@Path("/")
@RequestScoped
public class AuthResource {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenCookies cookies;

    @Inject
    TokenRevocation revocation;

    @Inject
    JsonWebToken caller;

    @Context
    HttpServletResponse servletResponse;

    @Context
    HttpServletRequest servletRequest;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password) {
        Optional<IssuedToken> token = authenticate(username, password);
        if (token.isEmpty()) {
            return Response.seeOther(page("login.html?failed")).build();
        }
        cookies.write(servletResponse, token.get());
        return Response.seeOther(page("me.html")).build();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(JsonObject login) {
        Optional<IssuedToken> token = authenticate(login.getString("username", null), login.getString("password", null));
        if (token.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Json.createObjectBuilder().add("error", "invalid_grant").build()).build();
        }
        return Response.ok(Json.createObjectBuilder()
                .add("access_token", token.get().token())
                .add("token_type", "Bearer")
                .add("expires_in", token.get().lifetime().getSeconds())
                .build()).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        // The token itself stops working (on every node of a cluster), not just the browser's copy of it.
        if (caller.getTokenID() != null) {
            revocation.revoke(caller);
        }
        cookies.clear(servletResponse);
        return Response.seeOther(page("login.html")).build();
    }

    /**
     * A page of this application as an absolute URI: JAX-RS implementations resolve a relative redirect differently
     * (Jersey against the server root, RESTEasy against the JAX-RS application's path).
     */
    private URI page(String page) {
        return uriInfo.getBaseUri().resolve(servletRequest.getContextPath() + "/" + page);
    }

    private Optional<IssuedToken> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return Optional.empty();
        }
        return Optional.of(issuer.forSubject(result.getCallerPrincipal().getName())
                .groups(result.getCallerGroups())
                .claim("email", username + "@example.com")
                .issue());
    }
}
