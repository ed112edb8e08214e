package io.jwtdropin.bench.http;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The HTTP benchmark's application: the same WAR is deployed with and without our jar. A CDI bean with declared
 * roles, which Payara's built-in needs to switch on and to map groups to roles.
 */
@ApplicationScoped
@DeclareRoles("user")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/")
public class BenchApp extends Application {
}
