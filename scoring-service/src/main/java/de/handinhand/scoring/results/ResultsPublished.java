package de.handinhand.scoring.results;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code handinhand.results.published} on topic {@code scoring-events} (key: the call id).
 * Every active entry of every category is listed with its rank (null if unscored) and a
 * {@code winner} flag: true for ranks 1..{@code winnersPerCategory} (entries tied at the last
 * winning rank all win). The catalogue marks winners' offers from {@code submissionId}.
 */
public record ResultsPublished(UUID callId, String title, String kind, Instant publishedAt, String rankedBy,
        int winnersPerCategory, List<Category> categories) {

    public record Category(String category, List<Entry> entries) {
    }

    public record Entry(UUID submissionId, String municipalityId, String municipalityName, String title, Integer rank,
            Double normalized, Double mean, int jurorCount, boolean winner) {
    }
}
