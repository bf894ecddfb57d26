package de.handinhand.catalogue.offer.api;

import de.handinhand.catalogue.taxonomy.CodeOf;
import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.common.web.validation.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offer as a publisher or proposer writes it, with every rule that needs neither the database
 * nor the caller; those (the caller's own Kreis, {@code goodPractice} for publishers only, status
 * transitions) are the service's. Status, origin, the award flag and timestamps belong to the
 * server: a body naming them is refused (unknown field), never applied.
 */
@ConsistentOffer
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
        @Schema(description = "Title per language (keys: codes of GET /api/catalogue/taxonomy); German (de) is required",
                maxProperties = LIST_MAX)
        @NotNull @Size(max = LIST_MAX, message = "at most {max} languages")
        Map<@CodeOf(value = OfferLanguage.class, message = TEXT_KEY) String,
                @Size(max = Rules.TITLE_MAX, message = Rules.AT_MOST_CHARACTERS) String> title,
        @Schema(description = "Description per language (keys as for title)", maxProperties = LIST_MAX)
        @Size(max = LIST_MAX, message = "at most {max} languages")
        Map<@CodeOf(value = OfferLanguage.class, message = TEXT_KEY) String,
                @Size(max = DESCRIPTION_MAX, message = Rules.AT_MOST_CHARACTERS) String> description,
        @Size(max = 300, message = Rules.AT_MOST_CHARACTERS) String provider,
        @Schema(description = "AGS key of the Kreis (5 digits)")
        @NotNull @Pattern(regexp = Rules.KREIS_KEY, message = Rules.KREIS_KEY_MESSAGE) String kreisId,
        @Size(max = Rules.NAME_MAX, message = Rules.AT_MOST_CHARACTERS) String municipality,
        @Schema(description = "Field-of-action codes (API.md)", type = SchemaType.ARRAY, implementation = FieldOfAction.class)
        @Size(max = LIST_MAX, message = "at most {max} entries")
        List<@NotNull @CodeOf(value = FieldOfAction.class, message = "must be a field-of-action code such as SPRACHE")
                String> fields,
        @Schema(description = "Target-group codes (API.md)", type = SchemaType.ARRAY, implementation = TargetGroup.class)
        @Size(max = LIST_MAX, message = "at most {max} entries")
        List<@NotNull @CodeOf(value = TargetGroup.class, message = "must be a target-group code such as ERWACHSENE")
                String> targetGroups,
        @Schema(description = "Languages the offer is given in: codes of GET /api/catalogue/taxonomy",
                type = SchemaType.ARRAY, implementation = OfferLanguage.class)
        @Size(max = LIST_MAX, message = "at most {max} entries")
        List<@NotNull @CodeOf(value = OfferLanguage.class, message = LANGUAGE_CODE) String> languages,
        @Schema(description = "Free of charge; left out, an offer without costCents is free")
        Boolean free,
        @Schema(description = "What taking part costs, in euro cents; none for a free offer")
        @PositiveOrZero @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE) Long costCents,
        @Schema(description = "First day of validity, between 1970 and 9999") LocalDate validFrom,
        @Schema(description = "Last day of validity (Europe/Berlin), not before validFrom") LocalDate validUntil,
        @Size(max = LIST_MAX, message = "at most {max} locations") List<@NotNull @Valid Location> locations,
        @Size(max = CONTACTS_MAX, message = "at most {max} contacts") List<@NotNull @Valid Contact> contacts,
        @Size(max = 1_000, message = Rules.AT_MOST_CHARACTERS) String schedule,
        @Size(max = 2_000, message = Rules.AT_MOST_CHARACTERS) String accessibility,
        @Schema(description = "The offer's web page: absolute http or https URL with a full host name", format = "uri")
        @Size(max = WebAddresses.MAX, message = Rules.AT_MOST_CHARACTERS) @WebAddress String website,
        @Schema(description = "Further pages")
        @Size(max = LINKS_MAX, message = "at most {max} links") List<@NotNull @Valid Link> links,
        @Schema(description = "Example of good practice. Only publishers of the offer's Kreis may set it (403 "
                + "naming the field for anyone else); left out, an edit keeps the current value")
        Boolean goodPractice) {

    public static final int LIST_MAX = 20;
    public static final int CONTACTS_MAX = 10;
    public static final int LINKS_MAX = 10;
    public static final int DESCRIPTION_MAX = 10_000;
    static final String LANGUAGE_CODE = "must be a language code of GET /api/catalogue/taxonomy, such as de or ar";
    static final String TEXT_KEY = "keys are language codes of GET /api/catalogue/taxonomy, such as de or en";

    /** A place the offer happens at: an address, coordinates, or both. */
    public record Location(
            @Size(max = 300, message = Rules.AT_MOST_CHARACTERS) String address,
            @Size(max = Rules.NAME_MAX, message = Rules.AT_MOST_CHARACTERS) String municipality,
            @Schema(description = "Latitude (WGS 84); with lon, or neither")
            @DecimalMin(Rules.LAT_MIN) @DecimalMax(Rules.LAT_MAX) Double lat,
            @Schema(description = "Longitude (WGS 84); with lat, or neither")
            @DecimalMin(Rules.LON_MIN) @DecimalMax(Rules.LON_MAX) Double lon) {
    }

    /** Someone to ask: at least a name, an e-mail address or a phone number. */
    public record Contact(
            @Size(max = Rules.NAME_MAX, message = Rules.AT_MOST_CHARACTERS) String name,
            @Size(max = 200, message = Rules.AT_MOST_CHARACTERS) String role,
            @Size(max = 320, message = Rules.AT_MOST_CHARACTERS)
            @Pattern(regexp = EMAIL, message = "is not an e-mail address") String email,
            @Size(max = 50, message = Rules.AT_MOST_CHARACTERS) String phone) {

        /** An address with one @, a domain with a dot; blank counts as none. */
        static final String EMAIL = "\\s*|\\s*[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}\\s*";
    }
}
