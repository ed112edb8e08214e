package io.jwtdropin.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The JAX-RS application. {@code @LoginConfig} is what switches MP-JWT on; jwt-dropin answers it. */
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/api")
public class SampleApplication extends Application {
}
