package de.handinhand.deploy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/**
 * The local stack's Keycloak admin API as {@code admin}/{@code admin} (local only): users made for
 * a test, like an administrator would make them in the console.
 */
final class KeycloakAdmin {

    private final String keycloakUrl;
    private String token;
    private long tokenAt;

    KeycloakAdmin(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /**
     * A submitter of {@code municipalityId} with password {@code demo}, like the demo users; an
     * existing user of that name is left as it is.
     */
    void submitter(String username, String municipalityId) {
        String realm = keycloakUrl + "/admin/realms/handinhand";
        int created = admin().contentType(ContentType.JSON).body(Map.of(
                "username", username,
                "enabled", true,
                "email", username + "@faults.handinhand.invalid",
                "emailVerified", true,
                "firstName", "Fault",
                "lastName", username,
                "attributes", Map.of("municipality_id", List.of(municipalityId)),
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                .post(realm + "/users").then().extract().statusCode();
        if (created == 409) {
            return;
        }
        if (created != 201) {
            throw new IllegalStateException("Keycloak did not create user " + username + ": " + created);
        }
        String id = admin().queryParam("username", username).queryParam("exact", true).get(realm + "/users")
                .then().statusCode(200).extract().path("[0].id");
        Map<String, Object> role = admin().get(realm + "/roles/submitter").then().statusCode(200).extract().as(Map.class);
        admin().contentType(ContentType.JSON).body(List.of(role)).post(realm + "/users/" + id + "/role-mappings/realm")
                .then().statusCode(204);
    }

    private io.restassured.specification.RequestSpecification admin() {
        // The master realm's tokens live 60 s.
        if (token == null || System.nanoTime() - tokenAt > java.util.concurrent.TimeUnit.SECONDS.toNanos(40)) {
            tokenAt = System.nanoTime();
            token = given().formParam("client_id", "admin-cli").formParam("grant_type", "password")
                    .formParam("username", "admin").formParam("password", "admin")
                    .post(keycloakUrl + "/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
        }
        return given().auth().oauth2(token);
    }
}
