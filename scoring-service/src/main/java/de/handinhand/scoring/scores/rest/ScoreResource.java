package de.handinhand.scoring.scores.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.scores.api.ScoreRequest;
import de.handinhand.scoring.scores.api.ScoreSheetView;
import de.handinhand.scoring.scores.service.ScoreService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/cases/{id}/scores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Jurors' score sheets")
public class ScoreResource {

    private final ScoreService scores;

    public ScoreResource(ScoreService scores) {
        this.scores = scores;
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.JUROR})
    @Operation(operationId = "getScoreSheet",
            summary = "Read an entry's score sheet", description = "A juror sees their own sheet, and the other "
            + "jurors' sheets and the entry's result only after finalising their own; organizers see everything. The "
            + "formal pre-check is shown beside the scores.")
    @APIResponse(responseCode = "200", description = "The score sheet")
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller")
    public ScoreSheetView get(@PathParam("id") UUID id) {
        return scores.sheet(id);
    }

    @PUT
    @RolesAllowed(Roles.JUROR)
    @Operation(operationId = "saveScoreSheet",
            summary = "Score an entry", description = "Replaces the caller's marks for this entry. \"final\": true "
            + "submits the sheet (every criterion scored or marked not applicable); it is then locked until the entry "
            + "is resubmitted.")
    @APIResponse(responseCode = "200", description = "The score sheet as the juror now sees it (without the entry's "
            + "call-wide result, which GET gives)")
    @APIResponse(responseCode = "400", description = "Malformed JSON or a value of the wrong type")
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller")
    @APIResponse(responseCode = "409", description = "Not in the jury phase, entry withdrawn, or sheet already final")
    @APIResponse(responseCode = "422", description = "Unknown criterion, points outside the scale, incomplete final "
            + "sheet; each listed")
    public ScoreSheetView put(@PathParam("id") UUID id, @Valid @NotNull ScoreRequest request) {
        return scores.save(id, request);
    }
}
