package io.jwtdropin.it.takeover;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reports which implementation authenticated the caller, which beans the application sees, and which Jakarta
 * Authentication provider the container calls for this application.
 */
@Path("/whoami")
@RequestScoped
public class WhoAmIResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    @Claim("upn")
    String upn;

    @Inject
    ClaimsByInjection byInjection;

    @Inject
    BeanManager beans;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami(@Context SecurityContext security, @Context HttpServletRequest request) {
        ServletContext servlet = request.getServletContext();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        AuthConfigProvider provider = factory == null ? null : factory.getConfigProvider("HttpServlet",
                servlet.getVirtualServerName() + " " + servlet.getContextPath(), null);
        return Json.createObjectBuilder()
                .add("authProvider", provider == null ? "none" : provider.getClass().getName())
                .add("principalClass", security.getUserPrincipal().getClass().getName())
                .add("name", security.getUserPrincipal().getName())
                .add("injectedName", String.valueOf(jwt.getName()))
                .add("claimUpn", String.valueOf(upn))
                .add("constructorGroups", String.valueOf(new TreeSet<>(byInjection.groups())))
                .add("initializerIatSet", byInjection.issuedAt() != null && byInjection.issuedAt() > 0)
                .add("mechanisms", beans.getBeans(HttpAuthenticationMechanism.class).size())
                .add("mechanismClass", beans.resolve(beans.getBeans(HttpAuthenticationMechanism.class))
                        .getBeanClass().getName())
                .add("jsonWebTokenBeans", beans.getBeans(JsonWebToken.class).size())
                .build();
    }
}
