package de.handinhand.scoring.changes.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.changes.api.ChangeCursor;
import de.handinhand.scoring.changes.api.ChangesView;
import de.handinhand.scoring.changes.service.ChangeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "What changed since a cursor, for jury tools")
public class ChangeResource {

    static final String SIZE_MESSAGE = "must be between 1 and " + Page.MAX_SIZE;

    private final ChangeService changes;

    public ChangeResource(ChangeService changes) {
        this.changes = changes;
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.JUROR})
    @Operation(operationId = "listChanges",
            summary = "Read the change feed", description = "Changes after the opaque cursor since (from the start "
            + "without it), oldest first; pass the answer's next as since to continue. A juror sees only changes of "
            + "their own entries and calls.")
    @APIResponse(responseCode = "200", description = "A page of changes and the next cursor")
    @APIResponse(responseCode = "400", description = "A cursor this feed did not hand out, bad callId or size")
    public ChangesView changes(
            @Parameter(description = "The next of an earlier answer; from the start without it")
            @QueryParam("since") ChangeCursor since,
            @Parameter(description = "Only this call's changes") @QueryParam("callId") UUID callId,
            @Parameter(description = "Changes per answer at most")
            @QueryParam("size") @DefaultValue("100") @Min(value = 1, message = SIZE_MESSAGE)
            @Max(value = Page.MAX_SIZE, message = SIZE_MESSAGE) Integer size) {
        return changes.changes(since == null ? ChangeCursor.START : since, callId, size);
    }
}
