package de.handinhand.common.web.security;

import de.handinhand.common.web.problem.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Refuses machine clients on {@link PeopleOnly} operations; runs after authentication, before the body. */
@Provider
@PeopleOnly
@Priority(Priorities.AUTHORIZATION)
public class PeopleOnlyFilter implements ContainerRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!identity.isAnonymous() && identity.hasRole(Roles.PORTAL)) {
            throw new ForbiddenException("A portal client reads the public API; this operation is for signed-in people");
        }
    }
}
