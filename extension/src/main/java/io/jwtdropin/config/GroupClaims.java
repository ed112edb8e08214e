package io.jwtdropin.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a token's groups (the caller's roles) come from: one or more claim paths, whose string values are merged,
 * then an optional mapping of group names. Identity providers put roles in different places — Keycloak in
 * {@code realm_access/roles} and {@code resource_access/<client>/roles}, Entra ID in {@code roles}, Cognito in
 * {@code cognito:groups}, scopes in a space-separated {@code scope} string — so this is configuration, not code.
 *
 * @param paths   claim paths, each a list of JSON object member names from the top of the claims down
 * @param mapping group names replaced by the roles they map to; groups not named here are kept as they are
 */
public record GroupClaims(List<List<String>> paths, Map<String, Set<String>> mapping) {

    /** MP-JWT's own rule: the top-level {@code groups} claim, no mapping. */
    public static final GroupClaims STANDARD = new GroupClaims(List.of(List.of("groups")), Map.of());

    public GroupClaims {
        paths = paths.stream().map(List::copyOf).toList();
        mapping = mapping.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> Set.copyOf(e.getValue())));
    }
}
