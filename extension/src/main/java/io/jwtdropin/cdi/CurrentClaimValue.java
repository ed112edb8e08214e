package io.jwtdropin.cdi;

import java.lang.reflect.Type;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A {@link ClaimValue} that reads the claim from the current request's token on every call, so that it stays
 * right when injected into an {@code @ApplicationScoped} bean.
 */
final class CurrentClaimValue<T> implements ClaimValue<T> {

    private final String name;
    private final Type valueType;
    private final Supplier<JsonWebToken> currentToken;

    CurrentClaimValue(String name, Type valueType, Supplier<JsonWebToken> currentToken) {
        this.name = name;
        this.valueType = valueType;
        this.currentToken = currentToken;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getValue() {
        return (T) ClaimBeans.value(currentToken.get(), name, valueType);
    }

    @Override
    public String toString() {
        return "ClaimValue[" + name + "]";
    }
}
