package io.jwtdropin.bench.soak.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The soak's application: what an MP-JWT service looks like, secured by annotations only. */
@ApplicationScoped
@DeclareRoles("user")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/api")
public class SoakApp extends Application {
}
