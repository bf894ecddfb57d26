package de.handinhand.common.messaging.events;

import jakarta.validation.constraints.NotBlank;

/** The entering municipality as it was registered when the event was written. */
public record MunicipalityRef(
        @NotBlank String id,
        String name,
        String type,
        @NotBlank String bundesland,
        @NotBlank String kreisId,
        Integer population) {
}
