package de.handinhand.submission.report.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.report.api.ReportSummary;
import de.handinhand.submission.report.service.ReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/calls/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Final reports")
public class CallReportsResource {

    private final ReportService reports;

    public CallReportsResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    // No @APIResponse here: any would replace the Page schema generated from the return type.
    @Operation(operationId = "listCallReports", summary = "The funded projects of a call and their final reports",
            description = "Organizers who run the call (of a Kreis: its Kreis's calls; another Kreis's call is a "
                    + "403, an unknown call a 404). Every entry the latest published results fund, with its grant, "
                    + "its project's end and its report's state (RUNNING, DUE, DRAFT, SUBMITTED), by organisation "
                    + "name; paginated (a page or size out of range is a 400). Read a submitted report with "
                    + "GET /api/submissions/{id}/report.")
    public Page<ReportSummary> list(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        return reports.list(id, paging.request());
    }
}
