package de.handinhand.scoring.changes.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.handinhand.scoring.changes.ChangeKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of the change feed: pass {@code next} as {@code since} to continue; {@code hasMore} says
 * whether another page is ready now. Items name what changed; read it through the usual endpoints.
 */
public record ChangesView(List<Change> items, String next, boolean hasMore) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(ChangeKind kind, UUID callId, UUID caseId, UUID submissionId, String juror, Instant at) {
    }
}
