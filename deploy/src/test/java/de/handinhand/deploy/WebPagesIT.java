package de.handinhand.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * The web pages in a real browser against the real local stack (the launcher's, on free ports):
 * each person's job, step by step, and axe-core on every page shown (WCAG 2.1 A and AA, no
 * violation allowed). Skipped, with a message, where no Chromium is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(WebPagesIT.ShowPages.class)
class WebPagesIT {

    /** On a failure, what every open browser shows, so the report says what the person saw. */
    static class ShowPages implements org.junit.jupiter.api.extension.TestWatcher {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            for (String seen : Browser.LAST_SEEN) {
                System.out.println("=== " + context.getDisplayName() + " failed; a browser of the test showed:\n" + seen);
            }
            for (Browser b : Browser.OPEN) {
                System.out.println("=== " + context.getDisplayName() + " failed; an open browser shows:\n" + b.describe());
            }
        }
    }

    static final List<String> LANGUAGES = List.of("de", "en", "ar", "fa", "uk", "tr");

    LocalStack stack;
    StackConfig config;
    Keycloak keycloak;
    String web;
    Browser browser;

    @BeforeAll
    void startStackAndBrowser() throws Exception {
        Assumptions.assumeTrue(Browser.available(), Browser.missing());
        Path home = StackConfig.findHome(System.getenv());
        Path data = Files.createDirectories(home.resolve("deploy/target/it-web-stack"));
        config = StackConfig.forTests(home, data);
        stack = new LocalStack(config);
        stack.start();
        keycloak = new Keycloak(config.realmUrl());
        web = config.webUrl();
        browser = new Browser(true);
        System.out.println("Stack with web pages ready: " + stack.readyAfter());
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierPages() {
        Browser.LAST_SEEN.clear();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
        System.out.println("axe-core (WCAG 2.1 A/AA) violations per page: " + Browser.AXE);
    }

    // --- the public Integrationsnavigator ------------------------------------------------------

    @Test
    @Order(1)
    void aNewcomerFindsAnOfferByWordAndByPlaceInArabicAndOpensIt() {
        browser.open(web + "/?lang=ar");
        assertEquals("ar", browser.find("html").getDomAttribute("lang"));
        assertEquals("rtl", browser.find("html").getDomAttribute("dir"));
        assertNoViolations("search (ar)");

        // By word: the catalogue's German stemming and folding ("Sprachcafe" finds "Sprachcafé").
        browser.type("#q", "Sprachcafe");
        browser.click("form.search button[type=submit]");
        browser.awaitUrl("q=Sprachcafe");
        List<WebElement> byWord = browser.all("li.card h3 a");
        assertFalse(byWord.isEmpty(), "no offer found by word");
        assertTrue(byWord.get(0).getText().startsWith("Sprachcafé"), byWord.get(0).getText());
        // The demo offers have no Arabic text: German, marked as such, with lang="de" for screen readers.
        assertEquals("de", byWord.get(0).getDomAttribute("lang"));
        assertFalse(browser.all("li.card .note").isEmpty(), "no note that the text is German");

        // By place: a postcode of Recklinghausen, the distance shown in the list.
        browser.type("#ort", "45657");
        browser.click("form.search button[type=submit]");
        browser.awaitUrl("ort=45657");
        browser.find("li.card .distance");
        String first = browser.text("li.card h3 a");
        assertTrue(first.contains("Recklinghausen") || browser.text("li.card .meta").contains("Recklinghausen"), first);
        assertTrue(browser.text("li.card .distance").contains("كم"), browser.text("li.card .distance"));
        assertTrue(browser.text(".near").contains("Recklinghausen"));
        assertEquals("rtl", browser.find("html").getDomAttribute("dir"));
        assertNoViolations("search by word and place (ar)");

        browser.click("li.card h3 a");
        browser.awaitUrl("/angebote/");
        assertEquals(first, browser.text("h1"));
        assertEquals("de", browser.find("h1").getDomAttribute("lang"));
        assertEquals("rtl", browser.find("html").getDomAttribute("dir"));
        browser.find(".note.translation");
        assertTrue(browser.find("a[href^='tel:']").getDomProperty("href").matches("tel:\\+?[0-9]+"));
        assertNoViolations("offer (ar)");

        browser.click("a[href*='ansicht=druck']");
        browser.awaitUrl("ansicht=druck");
        assertTrue(browser.find("body").getDomAttribute("class").contains("print-view"));
        assertNoViolations("offer print view (ar)");
    }

    @Test
    @Order(2)
    void theSearchWorksWithJavaScriptSwitchedOff() throws Exception {
        try (Browser plain = new Browser(false)) {
            plain.open(web + "/?lang=de");
            plain.type("#ort", "Dachau");
            plain.click("form.search button[type=submit]");
            plain.awaitUrl("ort=Dachau");
            String heading = plain.text("#results-h");
            assertTrue(heading.endsWith("Angebote gefunden"), heading);
            assertFalse(plain.all("li.card .distance").isEmpty(), "no distances without JavaScript");
            // The map needs JavaScript and stays hidden; the list holds every offer anyway.
            assertTrue(plain.all(".map-section:not([hidden])").isEmpty());

            // A facet is a plain link to the narrowed search: the URL says what is chosen.
            WebElement facet = plain.find("#facet-field + ul a");
            String chosen = facet.getText().replaceAll("\\s*\\(\\d+\\)$", "");
            String expectedCount = facet.getText().replaceAll(".*\\((\\d+)\\)$", "$1");
            facet.click();
            plain.awaitUrl("field=");
            assertTrue(plain.url().contains("ort=Dachau"), plain.url());
            assertEquals(expectedCount + " Angebote gefunden", plain.text("#results-h"));
            assertTrue(plain.text("#facet-field + ul a[aria-current='true']").startsWith(chosen));
            // The address can be shared: opened afresh, it shows the same.
            String shared = plain.url();
            plain.open(shared);
            assertEquals(expectedCount + " Angebote gefunden", plain.text("#results-h"));

            // An unknown place is said next to the field, and what was typed stays.
            plain.type("#ort", "Atlantis");
            plain.click("form.search button[type=submit]");
            plain.awaitUrl("ort=Atlantis");
            assertEquals("Atlantis", plain.find("#ort").getDomProperty("value"));
            plain.find("#ort[aria-invalid='true']");
            assertTrue(plain.find("#ort").getDomAttribute("aria-describedby").contains("ort-error"));
            assertTrue(plain.text("#ort-error").contains("Atlantis"));

            // Paging without JavaScript.
            plain.open(web + "/?lang=de");
            plain.click("a[rel='next']");
            plain.awaitUrl("page=1");
            assertTrue(plain.text(".pages p").startsWith("Seite 2"));
        }
    }

    @Test
    @Order(3)
    void everyPublicPageInEveryLanguageHasNoAccessibilityViolations() {
        for (String lang : LANGUAGES) {
            browser.open(web + "/?lang=" + lang + "&q=Sprache");
            assertEquals(lang, browser.find("html").getDomAttribute("lang"));
            assertNoViolations("search (" + lang + ")");
            browser.click("li.card h3 a");
            browser.awaitUrl("/angebote/");
            assertNoViolations("offer (" + lang + ")");
            browser.open(web + "/barrierefreiheit?lang=" + lang);
            assertTrue(browser.find("a[href^='mailto:']").getDomProperty("href").contains("@"));
            assertNoViolations("accessibility statement (" + lang + ")");
            browser.open(web + "/angebote/" + UUID.randomUUID() + "?lang=" + lang);
            assertNoViolations("404 (" + lang + ")");
        }
        // The language switch keeps the page: from the Arabic search to the same search in Farsi.
        browser.open(web + "/?lang=ar&q=Sprache");
        browser.click("nav.langs a[lang='fa']");
        browser.awaitUrl("lang=fa");
        assertTrue(browser.url().contains("q=Sprache"));
        assertEquals("rtl", browser.find("html").getDomAttribute("dir"));
        browser.click("nav.langs a[lang='uk']");
        browser.awaitUrl("lang=uk");
        assertEquals("ltr", browser.find("html").getDomAttribute("dir"));
    }

    @Test
    @Order(4)
    void pagesCarryTheSecurityHeadersAndForeignFormsAreRefused() {
        Response page = given().get(web + "/");
        assertEquals(200, page.statusCode());
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        // No inline script or style anywhere: every script comes from the bundle.
        assertFalse(page.body().asString().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "inline script");
        assertFalse(page.body().asString().contains(" style=\""), "inline style");

        // What may not be seen, or does not exist, is the same plain 404 page.
        assertEquals(404, given().get(web + "/angebote/" + UUID.randomUUID()).statusCode());
        assertEquals(404, given().get(web + "/angebote/not-an-id").statusCode());
        assertEquals(404, given().get(web + "/nirgendwo").statusCode());

        // A form posted from another site is refused before anything happens (CSRF).
        assertEquals(403, given().redirects().follow(false).header("Origin", "https://evil.example")
                .post(web + "/abmelden").statusCode());
        assertEquals(403, given().redirects().follow(false).post(web + "/abmelden").statusCode());
    }

    // --- the Kreis office ------------------------------------------------------------------------

    @Test
    @Order(10)
    void aKreisOfficeApprovesADerivedProposalAndFindsItOnThePublicPage() throws Exception {
        String marker = "Quokka" + letters(8);
        String approved = marker + " Sprachpatenschaft";
        String rejected = marker + " Zweitprojekt";
        String call = newCall("Web E2E Kreis " + marker, Duration.ofDays(30));
        submit("dachau", call, "Dachau " + marker, List.of(approved, rejected));
        try (Browser office = new Browser(true)) {
            office.signIn(web, "dah-office");
            office.awaitUrl("/kreis");
            // The entry's single projects arrive as proposals through Kafka.
            office.reloadUntil(web + "/kreis", "li.proposal h2", rejected);
            assertTrue(office.containing("li.proposal", approved).getText().contains("Wettbewerbsbeitrag"));
            assertNoViolations(office, "Kreis: proposals");

            // Rejecting needs a reason: the API's 422 shows at the reason of that proposal.
            office.containing("li.proposal", rejected).findElement(org.openqa.selenium.By.cssSelector(
                    "form.reject button")).click();
            WebElement reason = office.find("textarea[aria-invalid='true']");
            assertFalse(office.text("#" + reason.getDomAttribute("aria-describedby")).isBlank());
            office.find(".error-summary");
            assertNoViolations(office, "Kreis: rejection without a reason");
            reason.sendKeys("Das Projekt ist beendet.");
            office.containing("li.proposal", rejected).findElement(org.openqa.selenium.By.cssSelector(
                    "form.reject button")).click();
            office.awaitUrl("erledigt=abgelehnt");
            assertFalse(office.source().contains(rejected), "the rejected proposal is still in the queue");

            office.containing("li.proposal", approved).findElement(org.openqa.selenium.By.cssSelector(
                    "form[action$='/freigeben'] button")).click();
            office.awaitUrl("erledigt=freigegeben");
            office.find(".success");
            assertFalse(office.source().contains(approved), "the approved proposal is still in the queue");
        }
        // The newcomer finds it, marked as a good example from the competition.
        browser.open(web + "/?lang=de&q=" + marker);
        browser.awaitText("#results-h", "1 Angebote gefunden");
        browser.click("li.card h3 a");
        assertEquals(approved, browser.text("h1"));
        assertTrue(browser.text(".marks").contains("Gutes Beispiel"));
    }

    @Test
    @Order(11)
    void aKreisOfficeEditsAnOfferAndSeesTheApisErrorsAtTheFields() throws Exception {
        try (Browser office = new Browser(true)) {
            office.signIn(web, "dah-office");
            office.open(web + "/kreis/angebote/neu");
            assertNoViolations(office, "Kreis: new offer");
            String title = "Webtest Nähcafé " + letters(6);
            office.type("#f-title-de", title);
            office.type("#f-provider", "Caritas Dachau");
            office.type("#f-contacts-0-email", "kein-mail");
            office.type("#f-cost", "zwölf");
            office.click("form button.primary");
            // The page's own check first (cost), with what was typed kept.
            office.find("#f-cost[aria-invalid='true']");
            assertEquals(title, office.find("#f-title-de").getDomProperty("value"));
            office.type("#f-cost", "");
            office.click("form button.primary");
            // Then the API's: the e-mail address, next to its field.
            WebElement email = office.find("#f-contacts-0-email[aria-invalid='true']");
            assertTrue(office.text("#f-contacts-0-email-error").contains("e-mail"));
            assertEquals("kein-mail", email.getDomProperty("value"));
            assertEquals(title, office.find("#f-title-de").getDomProperty("value"));
            assertTrue(office.find("a[href='#f-contacts-0-email']").isDisplayed());
            assertNoViolations(office, "Kreis: offer form with the API's errors");
            office.type("#f-contacts-0-email", "naehcafe@example.org");
            office.click("#publish");
            office.click("form button.primary");
            office.awaitUrl("erledigt=gespeichert");
            assertEquals(title, office.text("h1"));
            assertTrue(office.text(".status").contains("Veröffentlicht"));
            assertNoViolations(office, "Kreis: offer with history");
            String offerPage = office.url().replaceAll("\\?.*", "");

            // Edit: the German title is required.
            office.open(offerPage + "/bearbeiten");
            office.type("#f-title-de", "");
            office.click("form button.primary");
            office.find("#f-title-de[aria-invalid='true']");
            office.find("#f-title-de-error");
            office.type("#f-title-de", title + " (neu)");
            office.click("form button.primary");
            office.awaitUrl("erledigt=gespeichert");
            assertTrue(office.source().contains("title.de") || office.text("table").contains("UPDATED")
                    || office.all("tbody tr").size() >= 2, "no history of the edit");

            // Still valid, and archive.
            office.click("form[action$='/bestaetigen'] button");
            office.awaitUrl("erledigt=bestaetigt");
            office.click("form[action$='/archivieren'] button");
            office.awaitUrl("erledigt=archiviert");
            assertTrue(office.text(".status").contains("Archiviert"));

            office.open(web + "/kreis/ungeprueft");
            assertNoViolations(office, "Kreis: not confirmed for 12 months");
            office.open(web + "/kreis/angebote");
            assertNoViolations(office, "Kreis: all offers");
            // Another Kreis' offer that is not published: the plain 404 page.
            office.open(web + "/kreis/angebote/" + UUID.randomUUID());
            assertEquals("Seite nicht gefunden", office.text("h1"));

            // The pages' session expires (its cookies are gone): through Keycloak and back to the same page.
            office.driver.manage().getCookies().stream().filter(c -> c.getName().startsWith("q_session"))
                    .forEach(c -> office.driver.manage().deleteCookie(c));
            office.open(web + "/kreis/ungeprueft");
            new org.openqa.selenium.support.ui.WebDriverWait(office.driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(web + "/kreis/ungeprueft"));
            assertTrue(office.text("h1").startsWith("Lange nicht geprüft"), office.text("h1"));
        }
    }

    // --- the jury ------------------------------------------------------------------------------

    @Test
    @Order(20)
    void aJurorScoresAndFinalisesACase() throws Exception {
        String marker = letters(6);
        // A short jury phase (two and a half minutes), so the organizer can publish the results afterwards.
        String call = newCall("Web E2E Jury " + marker, Duration.ofSeconds(25), Duration.ofSeconds(150));
        juryCall = call;
        String entry = submit("recklinghausen", call, "Recklinghausen Jury " + marker, List.of("Stadtteilmütter"));
        String orga = keycloak.token("orga");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> "JURY".equals(
                given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("orga"))
                        .get("/api/scoring/calls/" + call).jsonPath().getString("phase")));
        given().baseUri(config.gatewayUrl()).auth().oauth2(orga).contentType(ContentType.JSON)
                .body(List.of("juror1", "juror2")).put("/api/scoring/calls/" + call + "/jurors").then().statusCode(200);
        given().baseUri(config.gatewayUrl()).auth().oauth2(orga).contentType(ContentType.JSON)
                .body(Map.of("mode", "MANUAL", "pairs", List.of(Map.of("juror", "juror1", "submissionId", entry),
                        Map.of("juror", "juror2", "submissionId", entry))))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        String caseId = given().baseUri(config.gatewayUrl()).auth().oauth2(orga).queryParam("callId", call)
                .get("/api/scoring/cases").then().statusCode(200).extract().path("items[0].id");
        List<String> criteria = given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("juror2"))
                .get("/api/scoring/cases/" + caseId + "/scores").then().statusCode(200).extract()
                .path("criteria.code");
        given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("juror2")).contentType(ContentType.JSON)
                .body(Map.of("scores", criteria.stream().map(c -> Map.of("criterion", c, "points", 6,
                        "comment", "Solide")).toList(), "final", true))
                .put("/api/scoring/cases/" + caseId + "/scores").then().statusCode(200);

        try (Browser juror = new Browser(true)) {
            juror.signIn(web, "juror1");
            juror.awaitUrl("/jury");
            assertNoViolations(juror, "jury: my cases");
            String casePage = web + "/jury/faelle/" + caseId;
            juror.open(casePage);
            assertTrue(juror.text("h1").contains("Recklinghausen Jury " + marker));
            assertTrue(juror.text("section.entry").contains("Stadtteilmütter"), "the single project is shown");
            assertFalse(juror.all("section.precheck tbody tr").isEmpty(), "no pre-check");
            assertTrue(juror.text("section.others").contains("abgeschlossen"), juror.text("section.others"));
            assertNoViolations(juror, "jury: case with the score sheet");

            // A draft: points for all but the last criterion, that one not applicable, a comment.
            for (int i = 0; i < criteria.size() - 1; i++) {
                juror.type("#f-points-" + criteria.get(i), Integer.toString(5 + i % 4));
            }
            juror.click("#na-" + criteria.get(criteria.size() - 1));
            juror.type("#f-comment-" + criteria.get(0), "Gründliche Bedarfsanalyse");
            juror.click("button[name='final'][value='false']");
            juror.awaitUrl("erledigt=gespeichert");
            assertEquals("5", juror.find("#f-points-" + criteria.get(0)).getDomProperty("value"));
            assertEquals("Gründliche Bedarfsanalyse", juror.find("#f-comment-" + criteria.get(0)).getDomProperty("value"));

            // Finalising with a criterion left empty: the API names it, the page marks it.
            juror.type("#f-points-" + criteria.get(1), "");
            juror.click("button[name='final'][value='true']");
            WebElement missing = juror.find("#f-points-" + criteria.get(1) + "[aria-invalid='true']");
            assertTrue(missing.getDomAttribute("aria-describedby").contains("-error"));
            juror.find(".error-summary a[href='#f-points-" + criteria.get(1) + "']");
            assertNoViolations(juror, "jury: sheet with a missing criterion");

            juror.type("#f-points-" + criteria.get(1), "7");
            juror.click("button[name='final'][value='true']");
            juror.awaitUrl("erledigt=abgeschlossen");
            assertTrue(juror.text("section.sheet .success").contains("abgeschlossen"));
            // Now the colleague's sheet shows.
            assertTrue(juror.text("section.others").contains("juror2"), juror.text("section.others"));
            assertTrue(juror.text("section.others").contains("Solide"));
            assertNoViolations(juror, "jury: finalised sheet with the colleague's");

            // A case not assigned to this juror is the plain 404 page.
            juror.open(web + "/jury/faelle/" + UUID.randomUUID());
            assertEquals("Seite nicht gefunden", juror.text("h1"));

            // My cases per call with the sheet state (GET /api/scoring/cases for jurors: scoring11).
            juror.open(web + "/jury");
            assertTrue(juror.containing("tr", "Recklinghausen Jury " + marker).getText().contains("abgeschlossen"));
        }
    }

    String juryCall;

    // --- municipalities ------------------------------------------------------------------------

    @Test
    @Order(30)
    void aMunicipalityFillsInSavesAndSubmitsTheFormAndSeesAFailingQuestionMarked() throws Exception {
        String marker = letters(6);
        String callTitle = "Web E2E Gemeinde " + marker;
        newCall(callTitle, Duration.ofDays(30));
        Path pdf = Files.createTempFile("konzept", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        try (Browser town = new Browser(true)) {
            town.signIn(web, "heilbronn");
            town.awaitUrl("/gemeinde");
            assertNoViolations(town, "municipality: calls and entries");
            // Starting needs a title (the API's minimum for a draft): without one, said at the field.
            town.containing("li.row", callTitle).findElement(org.openqa.selenium.By.cssSelector("button")).click();
            town.find("#f-title[aria-invalid='true']");
            assertNoViolations(town, "municipality: start without a title");
            town.type("#f-title", "Heilbronn " + marker);
            town.containing("li.row", callTitle).findElement(org.openqa.selenium.By.cssSelector("button")).click();
            town.awaitUrl("/gemeinde/beitraege/");
            String entryPage = town.url().replaceAll("\\?.*", "");
            // Read-only answers come from the registry.
            assertTrue(town.text(".readonly").contains("Landkreis Heilbronn"), town.text(".readonly"));
            // A follow-up shows only when its answer applies.
            WebElement followUp = town.find("[data-when-name='answers.C25']");
            assertFalse(followUp.isDisplayed(), "C25a shows although C25 is not 'Weitere'");
            town.click("input[name='answers.C25'][value='WEITERE']");
            assertTrue(followUp.isDisplayed(), "C25a hidden although C25 is 'Weitere'");
            town.click("input[name='answers.C25'][value='WEITERE']");
            assertNoViolations(town, "municipality: empty entry form");

            // Only the title, then submit: the 422 names every failing question, marked at each.
            assertEquals("Heilbronn " + marker, town.find("#f-title").getDomProperty("value"));
            town.click("button[name='aktion'][value='submit']");
            // (the summary first: it is only on the answer, so the old page is gone by then)
            town.find(".error-summary a[href='#f-answers-C10']");
            WebElement c10 = town.find("#f-answers-C10");
            assertTrue(c10.getDomAttribute("aria-describedby").contains("f-answers-C10-error"));
            assertTrue(town.text("#f-answers-C10-error").contains("required"), town.text("#f-answers-C10-error"));
            assertEquals("Heilbronn " + marker, town.find("#f-title").getDomProperty("value"));
            town.find(".notice");
            assertNoViolations(town, "municipality: entry with failing questions");

            // The whole questionnaire, one project, saved as a draft.
            fill(town, "summary", "Kurzfassung " + marker);
            fill(town, "description", "Beschreibung " + marker);
            de.handinhand.common.testing.EntryFixtures.answers().forEach((code, value) -> fill(town, "answers." + code,
                    value));
            de.handinhand.common.testing.EntryFixtures.project("Sprachcafé " + marker, "Jeden Mittwoch im Rathaus.")
                    .forEach((code, value) -> fill(town, "projects[0].answers." + code, value));
            town.click("button[name='aktion'][value='save']");
            town.awaitUrl("erledigt=gespeichert");
            assertEquals("Sprachcafé " + marker, town.find("#f-projects-0-answers-D10").getDomProperty("value"));
            assertTrue(town.find("input[name='answers.C23'][value='ERWACHSENE']").isSelected());

            // An attachment.
            town.find("#f-datei").sendKeys(pdf.toString());
            town.click("form[enctype='multipart/form-data'] button");
            town.awaitUrl("erledigt=hochgeladen");
            assertTrue(town.text("#anlagen").contains(pdf.getFileName().toString()));

            town.click("button[name='aktion'][value='submit']");
            town.awaitUrl("erledigt=eingereicht");
            assertTrue(town.text(".status").contains("eingereicht"), town.text(".status"));
            assertNoViolations(town, "municipality: submitted entry");
            town.click("a[href$='/fassungen']");
            town.awaitUrl("/fassungen");
            assertTrue(town.text("tbody").contains("Fassung 1"));
            assertNoViolations(town, "municipality: versions");
            town.click("tbody a");
            town.awaitUrl("/fassungen/1");
            assertTrue(town.text("main").contains("Sprachcafé " + marker), town.text("main"));
            assertTrue(town.text("main").contains("Heilbronn " + marker));
            assertNoViolations(town, "municipality: version 1");
            // Someone else's entry is the plain 404 page.
            town.open(web + "/gemeinde/beitraege/" + UUID.randomUUID());
            assertEquals("Seite nicht gefunden", town.text("h1"));
            town.open(entryPage);
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    // --- organizers ----------------------------------------------------------------------------

    @Test
    @Order(40)
    void anOrganizerSeesThePhasesImportsAnEntryAndDownloadsTheRanking() throws Exception {
        String marker = letters(6);
        String importCall = newCall("Web E2E Import " + marker, Duration.ofDays(30));
        Path text = Files.createTempFile("altbestand", ".txt");
        Files.writeString(text, """
                Name der Stadt/der Gemeinde/des Landkreises:\s
                Landkreis Dachau
                Ansprechpartner/in:\s
                Daniel Dachauer
                Titel des Wettbewerbsbeitrags
                Integration mit Augenmaß %s
                Kurzfassung des Wettbewerbsbeitrags
                Das Projekt IMA fördert Integrationsideen im ganzen Landkreis.
                """.formatted(marker));
        try (Browser orga = new Browser(true)) {
            orga.signIn(web, "orga");
            orga.awaitUrl("/orga");
            assertTrue(orga.text("table").contains("Web E2E Import " + marker));
            assertNoViolations(orga, "organizer: calls");
            orga.open(web + "/orga/ausschreibungen/" + importCall);
            assertTrue(orga.text(".phases").contains("Einsendeschluss"));
            assertNoViolations(orga, "organizer: call");
            // No file: said at the field.
            orga.click("form[action$='/import'] button");
            orga.find("#f-datei[aria-invalid='true']");
            orga.find("#f-datei").sendKeys(text.toString());
            orga.click("form[action$='/import'] button");
            orga.containing("p.success", "Integration mit Augenmaß " + marker);
            assertNoViolations(orga, "organizer: import done");

            // Publishing results before the jury has finished: the API's refusal, on the page.
            orga.click("form[action$='/ergebnisse'] button");
            orga.find(".error-summary");

            if (juryCall != null) {
                // Once the jury phase is over, the results are published from the call's page.
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(3)).until(() -> "CLOSED".equals(
                        given().baseUri(config.gatewayUrl()).get("/api/calls/" + juryCall).jsonPath()
                                .getString("phase")));
                orga.open(web + "/orga/ausschreibungen/" + juryCall);
                orga.find("#ranking-h");
                assertFalse(orga.all("section[aria-labelledby='ranking-h'] tbody tr").isEmpty(), "no ranking rows");
                assertNoViolations(orga, "organizer: ranking");
                String csvHref = orga.find("a[href$='rangliste.csv']").getDomProperty("href");
                Response csv = given().cookies(orga.cookies()).redirects().follow(false).get(csvHref);
                assertEquals(200, csv.statusCode());
                assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
                assertTrue(csv.header("Content-Disposition").startsWith("attachment"));
                assertTrue(csv.body().asString().lines().count() >= 2, csv.body().asString());

                orga.type("#f-winnersPerCategory", "1");
                orga.click("form[action$='/ergebnisse'] button");
                orga.awaitUrl("erledigt=veroeffentlicht");
                assertTrue(orga.text("section[aria-labelledby='results-h'] tbody").contains("Recklinghausen"),
                        orga.text("section[aria-labelledby='results-h']"));
                assertNoViolations(orga, "organizer: published results");
            }
        } finally {
            Files.deleteIfExists(text);
        }
    }

    @Test
    @Order(50)
    void signingOutEndsTheSessionAndTheNextVisitNeedsALoginAgain() throws Exception {
        try (Browser someone = new Browser(true)) {
            someone.signIn(web, "re-office");
            someone.awaitUrl("/kreis");
            someone.click("form[action='/abmelden'] button");
            // Back from Keycloak's logout on the public pages, signed out: the sign-in link is there again.
            someone.find("a[href='/start']");
            someone.open(web + "/kreis");
            someone.find("#username");
            // A role that does not fit: the plain 403 page, not the data.
            someone.type("#username", "juror1");
            someone.type("#password", "demo");
            someone.click("#kc-login");
            someone.awaitUrl(web);
            assertEquals("Kein Zugriff", someone.text("h1"));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Types or ticks an answer into the entry form the way a person would, by the control's kind. */
    void fill(Browser b, String name, Object value) {
        List<WebElement> controls = b.all("[name='" + name + "']");
        if (controls.isEmpty()) {
            return;
        }
        WebElement first = controls.get(0);
        String type = first.getDomAttribute("type");
        List<String> values = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
        if ("checkbox".equals(type) || "radio".equals(type)) {
            for (WebElement c : controls) {
                boolean wanted = values.contains(c.getDomProperty("value"));
                if (wanted != c.isSelected() && (wanted || "checkbox".equals(type))) {
                    ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("arguments[0].click()", c);
                }
            }
        } else if ("select".equals(first.getTagName())) {
            new org.openqa.selenium.support.ui.Select(first).selectByValue(values.get(0));
        } else if (first.isDisplayed()) {
            first.clear();
            first.sendKeys(values.get(0));
        }
    }

    private String newCall(String title, Duration deadlineIn) {
        return newCall(title, deadlineIn, Duration.ofDays(30));
    }

    private String newCall(String title, Duration deadlineIn, Duration juryFor) {
        Instant now = Instant.now();
        return given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("orga")).contentType(ContentType.JSON)
                .body(Map.of("title", title, "kind", "COMPETITION", "formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND",
                        "opensAt", now.minus(Duration.ofDays(1)).toString(),
                        "deadline", now.plus(deadlineIn).toString(),
                        "juryEndsAt", now.plus(deadlineIn).plus(juryFor).toString(),
                        "categories", List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN")))
                .post("/api/calls").then().statusCode(201).extract().path("id");
    }

    private String submit(String user, String call, String title, List<String> projects) {
        String token = keycloak.token(user);
        String id = given().baseUri(config.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(de.handinhand.common.testing.EntryFixtures.entry(call, title, projects.stream()
                        .map(p -> de.handinhand.common.testing.EntryFixtures.project(p, "Beschreibung " + p)).toList()))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
        given().baseUri(config.gatewayUrl()).auth().oauth2(token).post("/api/submissions/" + id + "/submit")
                .then().statusCode(200);
        return id;
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    void assertNoViolations(String page) {
        assertNoViolations(browser, page);
    }

    void assertNoViolations(Browser b, String page) {
        List<String> violations = b.axeViolations(page);
        assertTrue(violations.isEmpty(), page + ": " + String.join("\n", violations));
    }
}
