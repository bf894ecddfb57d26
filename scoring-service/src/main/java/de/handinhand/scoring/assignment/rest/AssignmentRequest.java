package de.handinhand.scoring.assignment.rest;

import de.handinhand.scoring.assignment.Assignment;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"mode": "AUTO", "jurorsPerSubmission": 2, "seed": 123}""")
public record AssignmentRequest(
        Assignment.Mode mode,
        @Schema(description = "MANUAL: the pairs to add") List<Pair> pairs,
        @Schema(description = "AUTO: jurors per entry (k)") Integer jurorsPerSubmission,
        @Schema(description = "AUTO: seed of the random choices; generated and stored when absent") Long seed) {

    public record Pair(String juror, UUID submissionId) {
    }
}
