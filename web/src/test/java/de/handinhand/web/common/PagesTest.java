package de.handinhand.web.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The pages' frame without Keycloak or the gateway: languages and writing direction, security
 * headers, CSRF refusal, and the error pages (404 for what is not there, 503 when the API is away,
 * never a 500).
 */
@QuarkusTest
class PagesTest {

    @Test
    void theLanguageComesFromTheUrlThenTheCookieThenTheBrowser() {
        given().get("/barrierefreiheit").then().statusCode(200)
                .body(containsString("<html lang=\"de\" dir=\"ltr\">"))
                .body(containsString("Erklärung zur Barrierefreiheit"));
        given().get("/barrierefreiheit?lang=ar").then().statusCode(200)
                .header("Set-Cookie", containsString("lang=ar"))
                .header("Set-Cookie", containsString("SameSite=Lax"))
                .header("Content-Language", "ar")
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("بيان إمكانية الوصول"));
        given().cookie("lang", "uk").get("/barrierefreiheit").then()
                .body(containsString("<html lang=\"uk\" dir=\"ltr\">"));
        given().header("Accept-Language", "fa-IR,fa;q=0.9").get("/barrierefreiheit").then()
                .body(containsString("<html lang=\"fa\" dir=\"rtl\">"));
        given().header("Accept-Language", "xx").get("/barrierefreiheit?lang=zz").then()
                .body(containsString("<html lang=\"de\""));
    }

    @Test
    void theLanguageSwitchLinksToThisVeryPage() {
        given().get("/barrierefreiheit?lang=tr&x=1").then()
                .body(containsString("href=\"/barrierefreiheit?x=1&amp;lang=fa\" lang=\"fa\""))
                .body(containsString("aria-current=\"true\">Türkçe"));
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicyAndTheUsualHeaders() {
        given().get("/barrierefreiheit").then()
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .body(containsString("<script type=\"module\" src=\"/static/bundle/"))
                .body(not(containsString("style=\"")));
        given().get("/angebote/not-an-id").then().header("X-Frame-Options", "DENY");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedBeforeAnythingHappens() {
        given().header("Origin", "https://evil.example").post("/kreis/angebote/x/freigeben").then().statusCode(403)
                .body(containsString("not sent from this site"));
        given().header("Referer", "https://evil.example/page").post("/gemeinde/ausschreibungen/x/beitrag").then()
                .statusCode(403);
        given().post("/abmelden").then().statusCode(403);
        // From our own pages the request goes on (here to the missing sign-in, not to the CSRF refusal).
        given().header("Origin", "http://localhost:" + io.restassured.RestAssured.port).post("/kreis/angebote/x/freigeben")
                .then().statusCode(not(equalTo(403)));
    }

    @Test
    void whatIsNotThereIsThePlain404PageInThePageLanguage() {
        given().get("/angebote/not-an-id?lang=en").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Page not found"));
        given().get("/nirgendwo").then().statusCode(404).body(containsString("Seite nicht gefunden"));
    }

    @Test
    void withTheApiAwayTheSearchSaysSoWithA503() {
        given().get("/?q=Sprachcafe").then().statusCode(503).body(containsString("Gerade nicht erreichbar"));
        given().get("/angebote/7f2b1a3e-1c4d-4e5f-8a9b-0c1d2e3f4a5b").then().statusCode(503);
    }

    @Test
    void theHealthCheckAnswers() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
