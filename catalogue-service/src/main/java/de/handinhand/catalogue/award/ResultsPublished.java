package de.handinhand.catalogue.award;

import java.util.List;
import java.util.UUID;

/**
 * What the catalogue reads of {@code handinhand.results.published} (topic {@code scoring-events},
 * written by the scoring service): per category the ranked entries and whether each won. Other
 * fields of the event are ignored.
 */
public record ResultsPublished(UUID callId, List<Category> categories) {

    public record Category(String category, List<Entry> entries) {
    }

    public record Entry(UUID submissionId, Integer rank, boolean winner) {
    }
}
