package io.jwtdropin.it.takeover;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Switches on the server's built-in MP-JWT, which our jar must replace. */
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/api")
public class TakeoverApp extends Application {
}
