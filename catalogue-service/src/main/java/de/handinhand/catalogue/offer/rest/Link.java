package de.handinhand.catalogue.offer.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A further web page of an offer, such as a flyer or a registration form. */
@Schema(name = "OfferLink")
public record Link(
        @Schema(description = "What the page is, at most 200 characters", example = "Anmeldeformular") String label,
        @Schema(description = "Absolute http or https URL, at most 500 characters",
                example = "https://www.example.org/anmeldung") String url) {
}
