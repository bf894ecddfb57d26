package de.handinhand.catalogue.offer.api;

import de.handinhand.catalogue.offer.OfferStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offer as the API shows it. {@code title} and {@code description} carry every language;
 * {@code displayTitle} and {@code displayDescription} are the ones in {@code displayLanguage},
 * the language asked for ({@code ?lang=} or Accept-Language) where the offer has it, else German.
 */
public record OfferView(
        UUID id,
        Map<String, String> title,
        Map<String, String> description,
        String displayLanguage,
        String displayTitle,
        String displayDescription,
        String provider,
        String kreisId,
        String municipality,
        List<String> fields,
        List<String> targetGroups,
        List<String> languages,
        boolean free,
        Long costCents,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Map<String, Object>> locations,
        List<Map<String, Object>> contacts,
        String schedule,
        String accessibility,
        String website,
        List<Link> links,
        OfferStatus status,
        @Schema(description = "Why a publisher rejected the proposal (status REJECTED only)") String rejectionReason,
        @Schema(description = "Same as rejectionReason; kept for older clients", deprecated = true) String reviewNote,
        boolean goodPractice,
        boolean awardWinner,
        Origin origin,
        Double distanceKm,
        Instant createdAt,
        Instant updatedAt,
        Instant lastConfirmedAt) {

    /**
     * Where a derived offer comes from: the entry and its 1-based single project, or 0 for a funded
     * project (the entry as a whole).
     */
    public record Origin(UUID submissionId, int project) {
    }
}
