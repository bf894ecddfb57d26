package de.handinhand.catalogue.taxonomy.api;

import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every code an offer may carry, with its German and English label (API.md, "Code labels"). */
@Schema(name = "Taxonomy", example = """
        {"fields": [{"code": "SPRACHE", "label": {"de": "Sprache", "en": "Language"}}],
         "targetGroups": [{"code": "ERWACHSENE", "label": {"de": "Erwachsene", "en": "Adults"}}],
         "languages": [{"code": "ar", "label": {"de": "Arabisch", "en": "Arabic"}}]}""")
public record Taxonomy(
        @Schema(description = "Fields of action (Handlungsfelder)") List<Term> fields,
        @Schema(description = "Target groups (Zielgruppen)") List<Term> targetGroups,
        @Schema(description = "Languages an offer may be given in (ISO 639-1, else ISO 639-3)") List<Term> languages) {

    public record Term(String code, Label label) {
    }

    public record Label(String de, String en) {
    }

    /** The taxonomy as the code lists define it, in their order. */
    public static Taxonomy current() {
        return new Taxonomy(
                Arrays.stream(FieldOfAction.values())
                        .map(f -> new Term(f.name(), new Label(f.labelDe(), f.labelEn()))).toList(),
                Arrays.stream(TargetGroup.values())
                        .map(g -> new Term(g.name(), new Label(g.labelDe(), g.labelEn()))).toList(),
                Arrays.stream(OfferLanguage.values())
                        .map(l -> new Term(l.code(), new Label(l.labelDe(), l.labelEn()))).toList());
    }
}
