package de.handinhand.scoring.assignment.api;

import de.handinhand.scoring.assignment.Assignment;
import de.handinhand.scoring.jury.api.JurorNames;
import de.handinhand.scoring.validation.CrossFieldChecks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * MANUAL pairs or an AUTO run. Whether a juror is on the call's jury, an entry active in the call,
 * a pair free of conflicts, and k at most the jury's size is checked by the service.
 */
@Schema(example = """
        {"mode": "AUTO", "jurorsPerSubmission": 2, "seed": 123}""")
public record AssignmentRequest(
        @NotNull Assignment.Mode mode,
        @Schema(description = "MANUAL: the pairs to add")
        @Size(max = MAX_PAIRS) List<@NotNull @Valid Pair> pairs,
        @Schema(description = "AUTO: jurors per entry (k)")
        @Min(1) @Max(JurorNames.MAX_JURORS) Integer jurorsPerSubmission,
        @Schema(description = "AUTO: seed of the random choices; generated and stored when absent") Long seed)
        implements CrossFieldChecks {

    /** Pairs of one MANUAL request at most. */
    public static final int MAX_PAIRS = 5000;

    public record Pair(
            @NotNull @Size(max = JurorNames.MAX_LENGTH) @Pattern(regexp = JurorNames.PATTERN, message = JurorNames.MESSAGE)
            String juror,
            @NotNull UUID submissionId) {
    }

    @Override
    public void checkFields(Broken broken) {
        if (mode == Assignment.Mode.MANUAL) {
            if (jurorsPerSubmission != null) {
                broken.rule("jurorsPerSubmission", "only for mode AUTO");
            }
            if (seed != null) {
                broken.rule("seed", "only for mode AUTO");
            }
            if (pairs == null || pairs.isEmpty()) {
                broken.rule("pairs", "at least one pair is required for mode MANUAL");
            }
        } else if (mode == Assignment.Mode.AUTO) {
            if (pairs != null) {
                broken.rule("pairs", "only for mode MANUAL");
            }
            if (jurorsPerSubmission == null) {
                broken.rule("jurorsPerSubmission", "is required for mode AUTO");
            }
        }
    }
}
