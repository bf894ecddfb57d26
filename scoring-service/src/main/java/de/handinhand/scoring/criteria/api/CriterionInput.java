package de.handinhand.scoring.criteria.api;

import de.handinhand.common.web.validation.Rules;
import de.handinhand.scoring.criteria.DefaultCriteria;
import de.handinhand.scoring.validation.CrossFieldChecks;
import de.handinhand.scoring.validation.Lengths;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CriterionInput(
        @Schema(description = "Upper-case code, e.g. BEDARFSANALYSE")
        @NotNull @Size(max = Lengths.CODE) @Pattern(regexp = Rules.CODE, message = Rules.CODE_MESSAGE) String code,
        @Schema(description = "German label; required unless the code is a default one, whose built-in label it "
                + "then defaults to")
        @Size(max = 300, message = Rules.AT_MOST_CHARACTERS) String label,
        @Schema(description = "Weight greater than 0, at most 100; default 1")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double weight,
        @Schema(description = "Lowest points; default 0")
        @Min(0) @Max(SCALE_LIMIT) Integer scaleMin,
        @Schema(description = "Highest points, greater than scaleMin; default 10")
        @Min(1) @Max(SCALE_LIMIT) Integer scaleMax) implements CrossFieldChecks {

    /** No scale reaches above this many points. */
    public static final int SCALE_LIMIT = 1000;

    public static final double DEFAULT_WEIGHT = 1;
    public static final int DEFAULT_SCALE_MIN = 0;
    public static final int DEFAULT_SCALE_MAX = 10;

    /** The label as stored: the given one, stripped, or a default code's built-in label. */
    public String effectiveLabel() {
        return label != null ? label.strip() : DefaultCriteria.label(code);
    }

    public double effectiveWeight() {
        return weight == null ? DEFAULT_WEIGHT : weight;
    }

    public int effectiveScaleMin() {
        return scaleMin == null ? DEFAULT_SCALE_MIN : scaleMin;
    }

    public int effectiveScaleMax() {
        return scaleMax == null ? DEFAULT_SCALE_MAX : scaleMax;
    }

    @Override
    public void checkFields(Broken broken) {
        String effective = effectiveLabel();
        if (effective == null || effective.isBlank()) {
            broken.rule("label", "is required for a criterion that is not a default one");
        }
        if (effectiveScaleMax() <= effectiveScaleMin()) {
            broken.rule("scaleMax", "must be greater than scaleMin");
        }
    }
}
