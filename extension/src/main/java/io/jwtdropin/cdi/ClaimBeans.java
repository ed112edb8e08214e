package io.jwtdropin.cdi;

import io.jwtdropin.principal.ClaimConversion;
import io.jwtdropin.principal.JwtPrincipal;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
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
