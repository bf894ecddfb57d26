package de.handinhand.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may call an operation at all, read from its OpenAPI security requirements as the services
 * generate them from their annotations: {@code @PermitAll} → no requirement ({@code open}: no token
 * needed); {@code @Authenticated} → a requirement without names (any signed-in caller);
 * {@code @RolesAllowed} → the realm roles, any one of which suffices. This is the first line of defence
 * only: the service checks the token, the role and the tenant again.
 */
public record Access(boolean open, Set<String> roles) {

    public static final Access PUBLIC = new Access(true, Set.of());
    public static final Access SIGNED_IN = new Access(false, Set.of());

    public Access {
        roles = Set.copyOf(roles);
    }

    /**
     * The access an operation's {@code security} states; without one, the document's top-level
     * {@code security}; without either, public (OpenAPI: no requirement, no authentication). A requirement
     * list that contains an empty requirement ({@code {}}) makes authentication optional: public too.
     * Every role named in any requirement is sufficient on its own, which is what {@code @RolesAllowed}
     * means and what the services enforce.
     */
    public static Access of(JsonNode operationSecurity, JsonNode documentSecurity) {
        JsonNode security = operationSecurity != null && !operationSecurity.isMissingNode() && !operationSecurity.isNull()
                ? operationSecurity : documentSecurity;
        if (security == null || security.isMissingNode() || security.isNull()
                || security.isArray() && security.isEmpty()) {
            return PUBLIC;
        }
        if (!security.isArray()) {
            // Not a requirement list: unreadable, so the safe reading is that a token is needed.
            return SIGNED_IN;
        }
        Set<String> roles = new TreeSet<>();
        boolean anyToken = false;
        for (JsonNode requirement : security) {
            if (requirement.isObject() && requirement.isEmpty()) {
                return PUBLIC;
            }
            Set<String> named = new TreeSet<>();
            requirement.forEach(scopes -> scopes.forEach(role -> {
                if (role.isTextual() && !role.asText().isBlank()) {
                    named.add(role.asText());
                }
            }));
            anyToken |= named.isEmpty();
            roles.addAll(named);
        }
        return anyToken ? SIGNED_IN : new Access(false, roles);
    }

    /** Whether a caller with a valid token and these roles passes. */
    public boolean admits(java.util.function.Predicate<String> hasRole) {
        return open || roles.isEmpty() || roles.stream().anyMatch(hasRole);
    }
}
