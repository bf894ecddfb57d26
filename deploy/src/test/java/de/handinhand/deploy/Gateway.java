package de.handinhand.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Requests through the stack's gateway, the way the API's clients make them: anonymously, as a
 * demo user with a real Keycloak token, or as the portal client with its client-credentials
 * token; every answer is checked against the API description ({@link Conformance}). Plus polling
 * for what travels through Kafka: {@link #eventually} waits with a deadline, never sleeps.
 */
final class Gateway {

    /** How long an event may take from one service to another on a busy 2-core machine. */
    static final Duration EVENTUAL = Duration.ofSeconds(30);

    private final String url;
    private final Keycloak keycloak;
    private final Conformance conformance;

    Gateway(String url, Keycloak keycloak) {
        this.url = url;
        this.keycloak = keycloak;
        this.conformance = new Conformance(url);
    }

    String url() {
        return url;
    }

    Keycloak keycloak() {
        return keycloak;
    }

    /** Every answer is checked against the merged OpenAPI document ({@link Conformance}). */
    RequestSpecification anonymous() {
        return given().baseUri(url).filter(conformance);
    }

    /** The merged OpenAPI document the answers are checked against. */
    ApiDocument document() {
        return conformance.document();
    }

    /** As a demo user (password grant of {@code handinhand-cli}). */
    RequestSpecification as(String user) {
        return anonymous().auth().oauth2(keycloak.token(user));
    }

    /** As the {@code external-portal} client (client-credentials grant, role {@code portal}). */
    RequestSpecification asPortal() {
        return anonymous().auth().oauth2(keycloak.portalToken());
    }

    /**
     * Polls {@code what} until {@code until} holds, at most {@link #EVENTUAL}; returns the value that
     * did. {@code description} names what is awaited, for the message when it never comes.
     */
    static <T> T eventually(String description, Callable<T> what, Predicate<? super T> until) {
        return eventually(description, EVENTUAL, what, until);
    }

    static <T> T eventually(String description, Duration within, Callable<T> what, Predicate<? super T> until) {
        return await(description).atMost(within).pollInterval(Duration.ofMillis(250)).until(what, until::test);
    }
}
