package io.jwtdropin.cdi;

import io.jwtdropin.issue.TokenCookies;
import io.jwtdropin.issue.TokenIssuer;
import io.jwtdropin.mechanism.DiscoveredRoles;
import io.jwtdropin.mechanism.JwtAuthenticationMechanism;
import io.jwtdropin.metrics.MetricsSupport;
import io.jwtdropin.revoke.RevocationSupport;
import io.jwtdropin.revoke.TokenRevocation;
import io.jwtdropin.runtime.ActiveRuntime;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedCallable;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.jwt.Claim;

/**
 * The CDI portable extension that installs jwt-dropin in an application:
 * <ol>
 * <li>takes {@code @LoginConfig} off the application's classes before the server's built-in MP-JWT looks for it
 * (built-ins add their beans in {@code ProcessBean}/{@code AfterBeanDiscovery} only when they saw it);</li>
 * <li>collects the roles the application names, for {@code ServletContext.declareRoles};</li>
 * <li>vetoes the beans a server's SmallRye JWT adds by extension (WildFly), so ours are the only ones;</li>
 * <li>adds one {@code @Claim} bean per injected type and per type MP-JWT names, as an enabled alternative.</li>
 * </ol>
 * The runtime itself (configuration, keys, verifier) is built later, when the web application starts: see
 * {@link io.jwtdropin.runtime.ActiveRuntime}.
 */
public class JwtDropinExtension implements Extension {

    static final int PRIORITY = Interceptor.Priority.LIBRARY_AFTER + 100;
    private static final String SMALLRYE_JWT = "io.smallrye.jwt.";
    private static final Logger LOG = Logger.getLogger(JwtDropinExtension.class.getName());

    private static final List<Class<?>> BEANS = List.of(ActiveRuntime.class, RuntimeProducers.class,
            JsonWebTokenProducer.class, JwtAuthenticationMechanism.class, TokenIssuer.class, TokenCookies.class,
            TokenRevocation.class);

    private final Map<String, Type> claimTypes = new ConcurrentHashMap<>();
    private final List<DeploymentException> definitionErrors = new CopyOnWriteArrayList<>();
    private final List<String> vetoed = new CopyOnWriteArrayList<>();
    private volatile LoginConfig loginConfig;

    /**
     * Our beans, added here rather than discovered: the jar carries no {@code beans.xml}, so it is no bean archive
     * (an archive with a portable extension and no {@code beans.xml} never is) and no server scans its 570 classes
     * for beans. It also keeps GlassFish from holding the jar open after undeployment, as it does any library jar
     * whose {@code beans.xml} it has read, and then reading that old jar's {@code META-INF} when a jar of the same
     * path is deployed again.
     */
    void addBeans(@Observes BeforeBeanDiscovery bbd, BeanManager beans) {
        for (Class<?> bean : BEANS) {
            bbd.addAnnotatedType(beans.createAnnotatedType(bean), bean.getName());
        }
        MetricsSupport.registerBeans(bbd, beans, JwtDropinExtension.class.getClassLoader());
        RevocationSupport.registerBeans(bbd, beans, JwtDropinExtension.class.getClassLoader());
    }

    <T> void takeOverLoginConfig(@Observes @WithAnnotations(LoginConfig.class) ProcessAnnotatedType<T> pat) {
        LoginConfig config = pat.getAnnotatedType().getAnnotation(LoginConfig.class);
        if (config != null) {
            loginConfig = config;
            pat.configureAnnotatedType().remove(LoginConfig.class::isInstance);
        }
    }

    /**
     * WildFly switches its SmallRye-based MP-JWT on from {@code @LoginConfig} before CDI runs (which also gives the
     * deployment the security domain that lets any verified caller in), then its CDI extension adds SmallRye's
     * producers and mechanism with {@code BeforeBeanDiscovery.addAnnotatedType}. Vetoing exactly those keeps the
     * activation and leaves our beans the only ones; types a server adds this way arrive here, and only those.
     */
    <T> void keepOutSmallRye(@Observes ProcessSyntheticAnnotatedType<T> psat) {
        String name = psat.getAnnotatedType().getJavaClass().getName();
        if (name.startsWith(SMALLRYE_JWT)) {
            psat.veto();
            vetoed.add(name);
        }
    }

    <T> void collectRoles(@Observes @WithAnnotations({RolesAllowed.class, DeclareRoles.class})
            ProcessAnnotatedType<T> pat) {
        AnnotatedType<T> type = pat.getAnnotatedType();
        RolesAllowed onType = type.getAnnotation(RolesAllowed.class);
        if (onType != null) {
            DiscoveredRoles.add(onType.value());
        }
        DeclareRoles declared = type.getAnnotation(DeclareRoles.class);
        if (declared != null) {
            DiscoveredRoles.add(declared.value());
        }
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
            if (onMethod != null) {
                DiscoveredRoles.add(onMethod.value());
            }
        }
    }

    /**
     * Finds the {@code @Claim} injection points in the types that use the annotation at all: fields, and parameters
     * of constructors, initializers and producers. Only those types are looked at (the server pre-filters them by
     * annotation); observing every {@code ProcessInjectionPoint} of the deployment instead cost start-up time.
     */
    <T> void collectClaimInjection(@Observes @WithAnnotations(Claim.class) ProcessAnnotatedType<T> pat) {
        AnnotatedType<T> type = pat.getAnnotatedType();
        for (AnnotatedField<? super T> field : type.getFields()) {
            if (field.isAnnotationPresent(Inject.class)) {
                addClaimType(field.getAnnotation(Claim.class), field.getBaseType());
            }
        }
        List<AnnotatedCallable<? super T>> callables = new ArrayList<>(type.getConstructors());
        callables.addAll(type.getMethods());
        for (AnnotatedCallable<? super T> callable : callables) {
            if (callable.isAnnotationPresent(Inject.class) || callable.isAnnotationPresent(Produces.class)) {
                for (AnnotatedParameter<? super T> parameter : callable.getParameters()) {
                    addClaimType(parameter.getAnnotation(Claim.class), parameter.getBaseType());
                }
            }
        }
    }

    private void addClaimType(Claim claim, Type injected) {
        if (claim == null) {
            return;
        }
        try {
            ClaimBeans.claimName(claim);
            Type type = ClaimBeans.beanType(injected);
            claimTypes.putIfAbsent(type.getTypeName(), type);
        } catch (DeploymentException e) {
            definitionErrors.add(e);
        }
    }

    void addClaimBeans(@Observes AfterBeanDiscovery abd) {
        definitionErrors.forEach(abd::addDefinitionError);
        ClaimBeans.STANDARD_TYPES.forEach(type -> claimTypes.putIfAbsent(type.getTypeName(), type));
        for (Type type : claimTypes.values()) {
            abd.addBean()
                    .beanClass(JwtDropinExtension.class)
                    .types(type, Object.class)
                    .qualifiers(ClaimLiteral.INSTANCE)
                    .scope(Dependent.class)
                    .alternative(true)
                    .priority(PRIORITY)
                    .produceWith(instance -> ClaimBeans.produce(instance.select(InjectionPoint.class).get(), type,
                            instance.select(HttpServletRequest.class).get()));
        }
    }

    /** Says, once the deployment is valid, that our mechanism replaces the built-in one the annotation named. */
    void reportTakeOver(@Observes AfterDeploymentValidation adv) {
        LoginConfig config = loginConfig;
        if (config != null) {
            LOG.info(() -> "JWTD-002 jwt-dropin took over @LoginConfig(authMethod=\"" + config.authMethod() + "\")"
                    + (vetoed.isEmpty() ? "" : "; the server's SmallRye JWT beans were kept out: " + vetoed.size() + " types"));
        }
    }
}
