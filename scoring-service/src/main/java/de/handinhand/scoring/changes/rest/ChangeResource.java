package de.handinhand.scoring.changes.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.changes.service.ChangeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "What changed since a cursor, for jury tools")
public class ChangeResource {

    private final ChangeService changes;

    public ChangeResource(ChangeService changes) {
        this.changes = changes;
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.JUROR})
    @Operation(summary = "Read the change feed", description = "Changes after the opaque cursor since (from the start "
            + "without it), oldest first; pass the answer's next as since to continue. A juror sees only changes of "
            + "their own entries and calls.")
    @APIResponse(responseCode = "200", description = "A page of changes and the next cursor")
    @APIResponse(responseCode = "400", description = "A cursor this feed did not hand out, bad callId or size")
    public ChangesView changes(@QueryParam("since") String since, @QueryParam("callId") String callId,
            @QueryParam("size") String size) {
        return changes.changes(since, callId, size);
    }
}
