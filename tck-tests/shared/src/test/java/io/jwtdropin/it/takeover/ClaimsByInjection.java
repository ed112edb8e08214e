package io.jwtdropin.it.takeover;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

/**
 * {@code @Claim} on a constructor parameter and on an initializer parameter, with types no field in this deployment
 * injects: the claim beans for them exist only if those injection points were found.
 */
@Dependent
public class ClaimsByInjection {

    private final Set<String> groups;
    private Long issuedAt;

    @Inject
    public ClaimsByInjection(@Claim(standard = Claims.groups) Set<String> groups) {
        this.groups = groups;
    }

    @Inject
    void init(@Claim("iat") Long issuedAt) {
        this.issuedAt = issuedAt;
    }

    public Set<String> groups() {
        return groups;
    }

    public Long issuedAt() {
        return issuedAt;
    }
}
