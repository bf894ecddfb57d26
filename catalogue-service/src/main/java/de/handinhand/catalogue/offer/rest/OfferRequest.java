package de.handinhand.catalogue.offer.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offer as a publisher or proposer writes it. Status, origin, flags and timestamps belong to
 * the server: a body naming them is refused (unknown field), never applied.
 */
@Schema(name = "OfferRequest", example = """
        {"title": {"de": "Sprachcafé", "en": "Language café"}, "description": {"de": "Jeden Mittwoch ..."},
         "provider": "Caritas Dachau", "kreisId": "09174", "municipality": "Dachau",
         "fields": ["SPRACHE"], "targetGroups": ["ERWACHSENE"], "languages": ["de", "ar"],
         "free": true, "costCents": null, "validFrom": null, "validUntil": null,
         "locations": [{"address": "Konrad-Adenauer-Str. 1, 85221 Dachau", "lat": 48.26, "lon": 11.43}],
         "contacts": [{"name": "Anna Muster", "email": "anna.muster@example.org", "phone": "08131 0000"}],
         "schedule": "Mi 15–17 Uhr", "accessibility": "Barrierefreier Zugang"}""")
public record OfferRequest(
        @Schema(description = "Title per language (ISO 639-1); German (de) is required") Map<String, String> title,
        @Schema(description = "Description per language") Map<String, String> description,
        String provider,
        @Schema(description = "AGS key of the Kreis (5 digits)") String kreisId,
        String municipality,
        @Schema(description = "Field-of-action codes (API.md)") List<String> fields,
        @Schema(description = "Target-group codes (API.md)") List<String> targetGroups,
        @Schema(description = "Languages the offer is given in (ISO 639-1)") List<String> languages,
        Boolean free,
        Long costCents,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Location> locations,
        List<Contact> contacts,
        String schedule,
        String accessibility) {

    public record Location(String address, String municipality, Double lat, Double lon) {
    }

    public record Contact(String name, String role, String email, String phone) {
    }
}
