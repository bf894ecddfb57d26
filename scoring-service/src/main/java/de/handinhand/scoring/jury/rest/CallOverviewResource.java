package de.handinhand.scoring.jury.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.jury.api.CallOverview;
import de.handinhand.scoring.jury.service.JuryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/calls/{callId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "A call's jurors and the jurors' conflicts of interest")
public class CallOverviewResource {

    private final JuryService jury;

    public CallOverviewResource(JuryService jury) {
        this.jury = jury;
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.JUROR})
    @Operation(operationId = "getJuryCall",
            summary = "Read a call as the jury sees it", description = "Its phase (from the call's dates: SUBMISSION "
            + "until the deadline, JURY until the jury phase ends, then CLOSED), jurors, entries and publication state.")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "403", description = "A juror not on this call's jury")
    @APIResponse(responseCode = "404", description = "No such call")
    public CallOverview call(@PathParam("callId") UUID callId) {
        return jury.overview(callId);
    }

}
