package io.jwtdropin.it.takeover;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Switches on the server's built-in MP-JWT, which our jar must replace. A CDI bean ({@code @ApplicationScoped}): Payara's
 * built-in only sees {@code @LoginConfig} on a bean, and the control test needs the built-in really switched on
 * ({@code @DeclareRoles} too: the built-in maps groups to roles only for declared roles; our jar needs neither).
 */
@ApplicationScoped
@DeclareRoles("user")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/api")
public class TakeoverApp extends Application {
}
