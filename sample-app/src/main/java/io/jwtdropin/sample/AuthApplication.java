package io.jwtdropin.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Login, token and logout endpoints under {@code /auth}. */
@ApplicationPath("/auth")
public class AuthApplication extends Application {

    @Override
    public java.util.Set<Class<?>> getClasses() {
        return java.util.Set.of(AuthResource.class);
    }
}
