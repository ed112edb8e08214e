package io.jwtdropin.mechanism;

import io.jwtdropin.runtime.RuntimeStarter;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.HttpMethodConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Installs jwt-dropin in the web application. Declares to the servlet container every role the application names, so that {@code isUserInRole} and
 * {@code @RolesAllowed} map the token's groups to roles with no {@code web.xml} in the application. Roles come from
 * the annotated classes the container hands us and from what the CDI extension saw. Also installs the
 * {@link RefusalFilter}, the {@link RuntimeStarter}, the {@link DirectRegistration} and,
 * where the server has none, the {@link CallerSubjectHandler}.
 */
@HandlesTypes({RolesAllowed.class, DeclareRoles.class, ServletSecurity.class})
public class DropinInitializer implements ServletContainerInitializer {

    private static final String MP_JWT_API = "org.eclipse.microprofile.jwt.JsonWebToken";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        requireMicroProfileJwtApi(context.getClassLoader());
        Set<String> roles = new TreeSet<>(DiscoveredRoles.snapshot());
        if (classes != null) {
            classes.forEach(type -> roles.addAll(rolesOf(type)));
        }
        roles.remove("**");
        if (!roles.isEmpty()) {
            context.declareRoles(roles.toArray(String[]::new));
        }
        context.addFilter("jwt-dropin-logout", LogoutFilter.class)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addFilter("jwt-dropin-refusals", RefusalFilter.class)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        installCallerSubjectHandler(context.getClassLoader());
        context.addListener(RuntimeStarter.class);
        // after RuntimeStarter: it reads the configuration the runtime was built from
        context.addListener(new DirectRegistration(context.getVirtualServerName() + " " + context.getContextPath()));
    }

    /**
     * Fails the deployment with one sentence where the server does not give the application the MP-JWT API (Open
     * Liberty without its {@code mpJwt} feature), instead of a class-loading error on the first request.
     */
    static void requireMicroProfileJwtApi(ClassLoader loader) {
        try {
            Class.forName(MP_JWT_API, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("JWTD-005 jwt-dropin needs the MicroProfile JWT API, which this server does"
                    + " not provide to the application: add org.eclipse.microprofile.jwt:microprofile-jwt-auth-api to"
                    + " WEB-INF/lib (a compile-scope dependency), as on Open Liberty without its mpJwt feature.", e);
        }
    }

    /** Where the server lacks Jakarta Authorization altogether (Liberty without it), there is nothing to answer. */
    private static void installCallerSubjectHandler(ClassLoader loader) {
        try {
            CallerSubjectHandler.installWhereMissing(loader);
        } catch (LinkageError e) {
            // no jakarta.security.jacc on this server: no application can ask for the subject
        }
    }

    static Set<String> rolesOf(Class<?> type) {
        Set<String> roles = new TreeSet<>();
        try {
            add(roles, type.getAnnotation(RolesAllowed.class));
            DeclareRoles declared = type.getAnnotation(DeclareRoles.class);
            if (declared != null) {
                roles.addAll(Arrays.asList(declared.value()));
            }
            ServletSecurity security = type.getAnnotation(ServletSecurity.class);
            if (security != null) {
                addConstraint(roles, security.value());
                for (HttpMethodConstraint method : security.httpMethodConstraints()) {
                    roles.addAll(Arrays.asList(method.rolesAllowed()));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                add(roles, method.getAnnotation(RolesAllowed.class));
            }
        } catch (LinkageError e) {
            // a class whose dependencies are missing names no roles we could use
        }
        return roles;
    }

    private static void add(Set<String> roles, RolesAllowed rolesAllowed) {
        if (rolesAllowed != null) {
            roles.addAll(Arrays.asList(rolesAllowed.value()));
        }
    }

    private static void addConstraint(Set<String> roles, HttpConstraint constraint) {
        roles.addAll(Arrays.asList(constraint.rolesAllowed()));
    }
}
