package de.handinhand.common.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like the ones Keycloak issues for the handinhand realm (realm roles under
 * {@code realm_access.roles}, {@code municipality_id}/{@code kreis_id}/{@code organisation} claims, the
 * API audience),
 * signed with the key whose public half the test OIDC server (OidcWiremockTestResource) publishes.
 * The services validate them exactly as they validate Keycloak's.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "handinhand-api";
    private static final String KEY = "privateKey.jwk";

    private TestTokens() {
    }

    public static String organizer() {
        return token("orga", List.of("organizer"), Map.of());
    }

    /** An organizer of one Kreis's own calls (a Landratsamt): {@code kreis_id} set. */
    public static String kreisOrganizer(String user, String kreisId) {
        return token(user, List.of("organizer"), Map.of("kreis_id", kreisId));
    }

    /** A local initiative or association: the Gemeinde it works in and its organisation. */
    public static String applicant(String user, String municipalityId, String organisation) {
        return token(user, List.of("applicant"), Map.of("municipality_id", municipalityId, "organisation", organisation));
    }

    public static String submitter(String user, String municipalityId) {
        return token(user, List.of("submitter"), Map.of("municipality_id", municipalityId));
    }

    public static String publisher(String user, String kreisId) {
        return token(user, List.of("publisher"), Map.of("kreis_id", kreisId));
    }

    public static String juror(String user) {
        return token(user, List.of("juror"), Map.of());
    }

    public static String portal() {
        return token("service-account-external-portal", List.of("portal"), Map.of());
    }

    public static String token(String user, List<String> roles, Map<String, Object> claims) {
        return sign(builder(user, roles, claims));
    }

    /** A builder pre-filled like {@link #token}, for tests that need to break one property of it. */
    public static JwtClaimsBuilder builder(String user, List<String> roles, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .preferredUserName(user)
                .audience(AUDIENCE)
                .claim("typ", "Bearer")
                .claim("azp", "handinhand-cli")
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(300);
        claims.forEach(builder::claim);
        return builder;
    }

    /** Signs a prepared builder with the test OIDC server's key (kid "1"). */
    public static String sign(JwtClaimsBuilder builder) {
        return builder.jws().keyId("1").sign(KEY);
    }
}
