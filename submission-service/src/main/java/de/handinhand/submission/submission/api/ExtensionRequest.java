package de.handinhand.submission.submission.api;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/submissions/{id}/extension}. */
@Schema(example = """
        {"until": "2026-07-07T22:00:00Z", "reason": "Ratsbeschluss erst am 5. Juli"}""")
public record ExtensionRequest(
        @NotNull @Schema(description = "Until when this entry may still be submitted: in the future, after the call's "
                + "deadline and not after the jury phase ends") Instant until,
        @Size(max = 500, message = Rules.AT_MOST_CHARACTERS) String reason) {
}
