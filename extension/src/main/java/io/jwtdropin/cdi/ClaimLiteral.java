package io.jwtdropin.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/** {@code @Claim} as a qualifier instance; its members are non-binding, so one bean serves every claim name. */
final class ClaimLiteral extends AnnotationLiteral<Claim> implements Claim {

    static final ClaimLiteral INSTANCE = new ClaimLiteral();
    private static final long serialVersionUID = 1L;

    @Override
    public String value() {
        return "";
    }

    @Override
    public Claims standard() {
        return Claims.UNKNOWN;
    }
}
