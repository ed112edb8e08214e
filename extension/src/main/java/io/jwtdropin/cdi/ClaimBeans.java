package io.jwtdropin.cdi;

import io.jwtdropin.principal.ClaimConversion;
import io.jwtdropin.principal.JwtPrincipal;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Provider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The logic of the synthetic {@code @Claim} beans: which type a bean serves and what value it produces. */
final class ClaimBeans {

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(long.class, Long.class, boolean.class,
            Boolean.class, int.class, Integer.class, double.class, Double.class);

    /**
     * The types MP-JWT names for {@code @Claim} injection, served whether or not a scanned bean injects them: a JAX-RS
     * resource without a bean-defining annotation is no CDI bean (an empty {@code beans.xml} means "annotated" since
     * CDI 4), so no extension sees its fields, yet the JAX-RS runtime injects them through CDI.
     */
    static final List<Type> STANDARD_TYPES = List.of(String.class, Long.class, Boolean.class,
            jakarta.json.JsonValue.class, jakarta.json.JsonString.class, jakarta.json.JsonNumber.class,
            jakarta.json.JsonArray.class, jakarta.json.JsonObject.class, ClaimValue.class,
            new TypeLiteral<Set<String>>() { }.getType(),
            new TypeLiteral<Optional<String>>() { }.getType(),
            new TypeLiteral<Optional<Long>>() { }.getType(),
            new TypeLiteral<Optional<Boolean>>() { }.getType(),
            new TypeLiteral<Optional<Set<String>>>() { }.getType(),
            new TypeLiteral<Optional<jakarta.json.JsonValue>>() { }.getType(),
            new TypeLiteral<ClaimValue<String>>() { }.getType(),
            new TypeLiteral<ClaimValue<Long>>() { }.getType(),
            new TypeLiteral<ClaimValue<Boolean>>() { }.getType(),
            new TypeLiteral<ClaimValue<Set<String>>>() { }.getType(),
            new TypeLiteral<ClaimValue<Optional<String>>>() { }.getType(),
            new TypeLiteral<ClaimValue<Optional<Long>>>() { }.getType(),
            new TypeLiteral<ClaimValue<jakarta.json.JsonValue>>() { }.getType());

    private ClaimBeans() {
    }

    /** The bean type an injection point needs: {@code Provider<T>}/{@code Instance<T>} unwrapped, primitives boxed. */
    static Type beanType(Type injected) {
        if (injected instanceof ParameterizedType p
                && (p.getRawType() == Provider.class || p.getRawType() == Instance.class)) {
            return beanType(p.getActualTypeArguments()[0]);
        }
        return injected instanceof Class<?> c && c.isPrimitive() ? WRAPPERS.get(c) : injected;
    }

    /** The claim an injection point names; a {@code value} and a {@code standard} that disagree is an error. */
    static String claimName(Claim claim) {
        String value = claim.value();
        Claims standard = claim.standard();
        if (!value.isEmpty() && standard != Claims.UNKNOWN && !value.equals(standard.name())) {
            throw new DeploymentException("jwt-dropin: @Claim(value=\"" + value + "\", standard=" + standard
                    + ") names two different claims.");
        }
        return value.isEmpty() ? standard.name() : value;
    }

    static Object produce(InjectionPoint ip, Type beanType, HttpServletRequest request) {
        Supplier<JsonWebToken> tokens = () -> JsonWebTokenProducer.current(request);
        String name = claimName(ip.getQualifiers().stream().filter(Claim.class::isInstance).map(Claim.class::cast)
                .findFirst().orElseThrow());
        if (beanType instanceof ParameterizedType p && p.getRawType() == ClaimValue.class) {
            return new CurrentClaimValue<>(name, p.getActualTypeArguments()[0], tokens);
        }
        if (beanType == ClaimValue.class) {
            return new CurrentClaimValue<>(name, Object.class, tokens);
        }
        return value(tokens.get(), name, beanType);
    }

    static Object value(JsonWebToken token, String name, Type type) {
        if (token instanceof JwtPrincipal principal) {
            if (type == Object.class) {
                return principal.getClaim(name);
            }
            return ClaimConversion.forType(principal.jsonClaim(name), type);
        }
        return ClaimConversion.forType(null, type);
    }
}
