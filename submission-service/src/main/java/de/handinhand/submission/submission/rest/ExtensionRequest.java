package de.handinhand.submission.submission.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/submissions/{id}/extension}. */
@Schema(example = """
        {"until": "2026-07-07T22:00:00Z", "reason": "Ratsbeschluss erst am 5. Juli"}""")
public record ExtensionRequest(
        @Schema(description = "Until when this entry may still be submitted; before the jury phase ends") Instant until,
        @Schema(maxLength = 500) String reason) {
}
