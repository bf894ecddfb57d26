package de.handinhand.web.common;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * "Sign in": a page that needs a login, so Keycloak's login form comes first; afterwards each
 * person lands where their work is.
 */
@Path("/start")
@Authenticated
public class StartResource {

    private final SecurityIdentity identity;

    public StartResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Response start() {
        String target = "/";
        if (identity.hasRole("organizer")) {
            target = "/orga";
        } else if (identity.hasRole("publisher")) {
            target = "/kreis";
        } else if (identity.hasRole("juror")) {
            target = "/jury";
        } else if (identity.hasRole("submitter") || identity.hasRole("applicant")) {
            target = "/gemeinde";
        }
        return Response.seeOther(URI.create(target)).build();
    }
}
