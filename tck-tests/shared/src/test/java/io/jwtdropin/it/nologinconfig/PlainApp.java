package io.jwtdropin.it.nologinconfig;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A JAX-RS application with no {@code @LoginConfig}: plain Jakarta Security, which our jar's mechanism serves. */
@ApplicationPath("/api")
public class PlainApp extends Application {
}
