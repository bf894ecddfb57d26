package de.handinhand.scoring.cases.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.cases.api.CaseDetail;
import de.handinhand.scoring.cases.api.CaseSummary;
import de.handinhand.scoring.cases.service.CaseService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "The jury's cases, one per submitted entry")
public class CaseResource {

    private final CaseService cases;

    public CaseResource(CaseService cases) {
        this.cases = cases;
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.JUROR})
    @Operation(operationId = "listCases",
            summary = "List cases", description = "Organizers see all cases (of a call with callId), each with "
            + "how its jurors' sheets stand (sheets); a juror sees exactly the cases assigned to them and not covered by "
            + "their conflicts, the ones GET /cases/{id} opens, each with the state of their own sheet (sheet: NONE, "
            + "DRAFT, FINAL, or OUTDATED when it scored an older version of the entry). By category, municipality, id.")
    @APIResponse(responseCode = "200", description = "A page of cases")
    @APIResponse(responseCode = "400", description = "Bad callId, page or size")
    public Page<CaseSummary> list(@Parameter(description = "Only this call's cases") @QueryParam("callId") UUID callId,
            @Valid @BeanParam PageParams paging) {
        return cases.list(callId, paging.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.JUROR})
    @Operation(operationId = "getCase",
            summary = "Read a case", description = "With the entry's full text and answers, and for an imported "
            + "entry the lines of its text that could not be placed (unplaced).")
    @APIResponseSchema(value = CaseDetail.class, responseCode = "200", responseDescription = "The case")
    @APIResponse(responseCode = "404", description = "No such case, or not assigned to the caller")
    public CaseDetail get(@PathParam("id") UUID id) {
        return cases.get(id);
    }
}
