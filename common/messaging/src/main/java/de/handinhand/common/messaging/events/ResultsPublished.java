package de.handinhand.common.messaging.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code handinhand.results.published} on topic {@code scoring-events} (key: the call id),
 * written by the scoring service. Every active entry of every category is listed with its rank
 * (null if unscored) and a {@code winner} flag: true for ranks 1..{@code winnersPerCategory}
 * (entries tied at the last winning rank all win). The catalogue marks winners' offers from
 * {@code submissionId}; a later publication of the same call replaces an earlier one.
 */
public record ResultsPublished(
        @NotNull UUID callId,
        String title,
        String kind,
        Instant publishedAt,
        String rankedBy,
        int winnersPerCategory,
        @NotNull List<@NotNull @Valid Category> categories) {

    public record Category(String category, @NotNull List<@NotNull @Valid Entry> entries) {
    }

    public record Entry(@NotNull UUID submissionId, String municipalityId, String municipalityName, String title,
            Integer rank, Double normalized, Double mean, int jurorCount, boolean winner) {
    }
}
