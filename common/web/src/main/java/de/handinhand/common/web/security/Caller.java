package de.handinhand.common.web.security;

import de.handinhand.common.web.problem.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: user name, roles and the tenant claims ({@code municipality_id} for submitters
 * and applicants, {@code organisation} for applicants, {@code kreis_id} for publishers and for
 * organizers of a Kreis) that Keycloak's protocol mappers put into the access token.
 * Services make their tenant decisions from this, never from request bodies.
 */
@RequestScoped
public class Caller {

    public static final String MUNICIPALITY_CLAIM = "municipality_id";
    public static final String KREIS_CLAIM = "kreis_id";
    public static final String ORGANISATION_CLAIM = "organisation";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String username() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The token's subject ({@code sub}): stable for the account, unlike a user name that may be renamed. */
    public Optional<String> subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                && !jwt.getSubject().isBlank()) {
            return Optional.of(jwt.getSubject());
        }
        return Optional.empty();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> municipalityId() {
        return claim(MUNICIPALITY_CLAIM);
    }

    public Optional<String> kreisId() {
        return claim(KREIS_CLAIM);
    }

    /** The applicant's organisation (an initiative or association), as the administrator named it. */
    public Optional<String> organisation() {
        return claim(ORGANISATION_CLAIM);
    }

    /** The applicant's organisation; an applicant token without one is misconfigured and may do nothing. */
    public String requireOrganisation() {
        return organisation().orElseThrow(
                () -> new ForbiddenException("Your token carries no " + ORGANISATION_CLAIM + "; ask an administrator"));
    }

    /** The submitter's municipality; a submitter token without one is misconfigured and may do nothing. */
    public String requireMunicipality() {
        return municipalityId().orElseThrow(
                () -> new ForbiddenException("Your token carries no " + MUNICIPALITY_CLAIM + "; ask an administrator"));
    }

    /** The publisher's Kreis; a publisher token without one may do nothing. */
    public String requireKreis() {
        return kreisId().orElseThrow(
                () -> new ForbiddenException("Your token carries no " + KREIS_CLAIM + "; ask an administrator"));
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                // A JSON string's own value: an organisation's name may contain quotes ("Brücken bauen" e.V.).
                String text = value instanceof jakarta.json.JsonString json ? json.getString().trim()
                        : value.toString().replace("\"", "").trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
