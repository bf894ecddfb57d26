package de.handinhand.scoring.ranking.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A call's ranking per category. {@code rankedBy} names the score that ranks ({@code normalized});
 * mean, median and spread are on the 0–100 scale. The pre-check is shown beside, never mixed in.
 */
@Schema(example = """
        {"callId": "5b0e…", "rankedBy": "normalized", "published": false, "disagreementSpread": 25.0,
         "categories": [{"category": "LANDKREIS", "entries": [{"rank": 1, "submissionId": "…",
         "municipalityId": "08125", "mean": 71.0, "median": 70.0, "normalized": 0.8, "spread": 12.0,
         "disagreement": false, "jurorCount": 2}]}]}""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankingView(UUID callId, String rankedBy, boolean published, Instant publishedAt,
        double disagreementSpread, List<Category> categories) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(String category, List<Entry> entries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Integer rank, UUID submissionId, UUID caseId, String municipalityId, String municipalityName,
            String title, Double mean, Double median, Double normalized, Double spread, boolean disagreement,
            int jurorCount, int entryVersion, List<Integer> scoredVersions, Precheck precheck,
            @Schema(description = "Organizers only: each counted juror's total") List<JurorTotal> jurors) {
    }

    public record Precheck(int met, int partial, int notMet, int notAnswered, int total) {
    }

    public record JurorTotal(String juror, double total, int entryVersion) {
    }
}
