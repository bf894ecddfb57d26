package de.handinhand.catalogue.offer.api;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A further web page of an offer, such as a flyer or a registration form. */
@Schema(name = "OfferLink")
public record Link(
        @Schema(description = "What the page is", example = "Anmeldeformular")
        @NotBlank @Size(max = 200, message = Rules.AT_MOST_CHARACTERS) String label,
        @Schema(description = "Absolute http or https URL", format = "uri", example = "https://www.example.org/anmeldung")
        @NotBlank @Size(max = WebAddresses.MAX, message = Rules.AT_MOST_CHARACTERS) @WebAddress String url) {
}
