package de.handinhand.scoring.jury.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"municipalities": ["08125"], "kreise": [], "bundeslaender": ["BY"]}""")
public record ConflictsRequest(
        @Schema(description = "Official municipality keys (AGS)") List<String> municipalities,
        @Schema(description = "Kreis keys (AGS, 5 digits)") List<String> kreise,
        @Schema(description = "Bundesland codes such as BY, NW") List<String> bundeslaender) {
}
