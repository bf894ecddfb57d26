package de.handinhand.common.messaging.events;

/** The entering municipality as it was registered when the event was written. */
public record MunicipalityRef(
        String id,
        String name,
        String type,
        String bundesland,
        String kreisId,
        Integer population) {
}
