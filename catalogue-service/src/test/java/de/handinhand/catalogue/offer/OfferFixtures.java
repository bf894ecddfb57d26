package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Offers as a publisher writes them, and a helper that creates and publishes one. */
public final class OfferFixtures {

    private OfferFixtures() {
    }

    public static Map<String, Object> offer(String kreisId, String titleDe) {
        Map<String, Object> o = new HashMap<>();
        o.put("title", new HashMap<>(Map.of("de", titleDe)));
        o.put("description", new HashMap<>(Map.of("de", "Ein Angebot für Neuzugewanderte.")));
        o.put("provider", "Caritas");
        o.put("kreisId", kreisId);
        o.put("municipality", "Dachau");
        o.put("fields", new ArrayList<>(List.of("SPRACHE")));
        o.put("targetGroups", new ArrayList<>(List.of("ERWACHSENE")));
        o.put("languages", new ArrayList<>(List.of("de")));
        o.put("free", true);
        o.put("locations", new ArrayList<>(List.of(Map.of("address", "Konrad-Adenauer-Str. 1, 85221 Dachau",
                "lat", 48.26, "lon", 11.43))));
        o.put("contacts", new ArrayList<>(List.of(Map.of("name", "Anna Muster", "email", "anna@example.org"))));
        o.put("schedule", "Mi 15–17 Uhr");
        return o;
    }

    /** Creates and publishes the offer as the given publisher; returns its id. */
    public static String published(String publisher, Map<String, Object> offer) {
        return given().auth().oauth2(publisher).contentType(ContentType.JSON).body(offer)
                .queryParam("publish", "true").post("/api/catalogue/offers")
                .then().statusCode(201).extract().path("id");
    }
}
