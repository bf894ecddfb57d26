package de.handinhand.scoring.jury.api;

import de.handinhand.common.web.validation.Rules;
import de.handinhand.scoring.validation.CrossFieldChecks;
import de.handinhand.scoring.validation.Lengths;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A juror's conflicts of interest; a code given twice counts once. */
@Schema(example = """
        {"municipalities": ["08125"], "kreise": [], "bundeslaender": ["BY"]}""")
public record ConflictsRequest(
        @Schema(description = "Official municipality keys (AGS)")
        @Size(max = MAX_CONFLICTS)
        List<@NotNull @Size(max = Lengths.AGS) @Pattern(regexp = Rules.AGS, message = Rules.AGS_MESSAGE) String> municipalities,
        @Schema(description = "Kreis keys (AGS, 5 digits)")
        @Size(max = MAX_CONFLICTS)
        List<@NotNull @Size(max = Lengths.KREIS_KEY) @Pattern(regexp = Rules.KREIS_KEY, message = Rules.KREIS_KEY_MESSAGE)
                String> kreise,
        @Schema(description = "Bundesland codes such as BY, NW")
        @Size(max = MAX_CONFLICTS)
        List<@NotNull @Size(max = 2) @Pattern(regexp = LAND, message = "must be a Bundesland code such as BY")
                String> bundeslaender)
        implements CrossFieldChecks {

    /** Conflicts of one juror at most, all kinds together. */
    public static final int MAX_CONFLICTS = 500;
    /** The sixteen Länder by their usual two-letter codes. */
    public static final String LAND = "BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH";

    @Override
    public void checkFields(Broken broken) {
        int total = size(municipalities) + size(kreise) + size(bundeslaender);
        if (total > MAX_CONFLICTS) {
            broken.rule(null, "at most " + MAX_CONFLICTS + " conflicts");
        }
    }

    private static int size(List<String> codes) {
        return codes == null ? 0 : codes.size();
    }
}
