package de.handinhand.catalogue.offer.api;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a publisher turns a proposal down; the proposer reads it as {@code rejectionReason}. */
public record Rejection(
        @Schema(example = "Gibt es bereits als Angebot der Stadtbibliothek")
        @NotBlank @Size(max = 1_000, message = Rules.AT_MOST_CHARACTERS) String reason) {
}
