package de.handinhand.deploy;

import static io.restassured.RestAssured.given;

/** Real access tokens from the stack's Keycloak (password grant of handinhand-cli, as scripts do). */
final class Keycloak {

    private final String realmUrl;

    Keycloak(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    String token(String user) {
        return given().baseUri(realmUrl)
                .formParam("client_id", "handinhand-cli")
                .formParam("grant_type", "password")
                .formParam("username", user)
                .formParam("password", "demo")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
