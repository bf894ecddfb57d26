package de.handinhand.catalogue.offer.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offer as a publisher or proposer writes it. Status, origin, the award flag and timestamps
 * belong to the server: a body naming them is refused (unknown field), never applied.
 * {@code goodPractice} is the publishers' to set, for offers of their own Kreis.
 */
@Schema(name = "OfferRequest", example = """
        {"title": {"de": "Sprachcafé", "en": "Language café"}, "description": {"de": "Jeden Mittwoch ..."},
         "provider": "Caritas Dachau", "kreisId": "09174", "municipality": "Dachau",
         "fields": ["SPRACHE"], "targetGroups": ["ERWACHSENE"], "languages": ["de", "ar"],
         "free": true, "costCents": null, "validFrom": null, "validUntil": null,
         "locations": [{"address": "Konrad-Adenauer-Str. 1, 85221 Dachau", "lat": 48.26, "lon": 11.43}],
         "contacts": [{"name": "Anna Muster", "email": "anna.muster@example.org", "phone": "08131 0000"}],
         "schedule": "Mi 15–17 Uhr", "accessibility": "Barrierefreier Zugang",
         "website": "https://www.example.org/sprachcafe",
         "links": [{"label": "Flyer (PDF)", "url": "https://www.example.org/sprachcafe/flyer.pdf"}]}""")
public record OfferRequest(
        @Schema(description = "Title per language (codes of GET /api/catalogue/taxonomy); German (de) is required")
        Map<String, String> title,
        @Schema(description = "Description per language") Map<String, String> description,
        String provider,
        @Schema(description = "AGS key of the Kreis (5 digits)") String kreisId,
        String municipality,
        @Schema(description = "Field-of-action codes (API.md)") List<String> fields,
        @Schema(description = "Target-group codes (API.md)") List<String> targetGroups,
        @Schema(description = "Languages the offer is given in: codes of GET /api/catalogue/taxonomy") List<String> languages,
        Boolean free,
        Long costCents,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Location> locations,
        List<Contact> contacts,
        String schedule,
        String accessibility,
        @Schema(description = "The offer's web page: absolute http or https URL, at most 500 characters")
        String website,
        @Schema(description = "Further pages, at most 10") List<Link> links,
        @Schema(description = "Example of good practice. Only publishers of the offer's Kreis may set it (403 "
                + "naming the field for anyone else); left out, an edit keeps the current value")
        Boolean goodPractice) {

    public record Location(String address, String municipality, Double lat, Double lon) {
    }

    public record Contact(String name, String role, String email, String phone) {
    }
}
