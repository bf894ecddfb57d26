package de.handinhand.common.web.security;

/** The realm roles of SPEC §3, as they appear in {@code realm_access.roles} of a Keycloak access token. */
public final class Roles {

    public static final String SUBMITTER = "submitter";
    public static final String PUBLISHER = "publisher";
    public static final String JUROR = "juror";
    public static final String ORGANIZER = "organizer";
    public static final String PORTAL = "portal";
    /** Local initiatives and associations entering a funding call for their organisation (claims municipality_id, organisation). */
    public static final String APPLICANT = "applicant";

    private Roles() {
    }
}
