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
 * {@link BearerChallengeFilter} and the {@link RuntimeStarter}.
 */
@HandlesTypes({RolesAllowed.class, DeclareRoles.class, ServletSecurity.class})
public class DropinInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Set<String> roles = new TreeSet<>(DiscoveredRoles.snapshot());
        if (classes != null) {
            classes.forEach(type -> roles.addAll(rolesOf(type)));
        }
        roles.remove("**");
        if (!roles.isEmpty()) {
            context.declareRoles(roles.toArray(String[]::new));
        }
        context.addFilter("jwt-dropin-bearer-challenge", BearerChallengeFilter.class)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addListener(RuntimeStarter.class);
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
