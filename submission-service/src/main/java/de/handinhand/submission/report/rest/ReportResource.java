package de.handinhand.submission.report.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.report.api.ReportRequest;
import de.handinhand.submission.report.api.ReportView;
import de.handinhand.submission.report.service.ReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/submissions/{id}/report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Final reports", description = "The final report of a funded project (form PROJEKTBERICHT)")
public class ReportResource {

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER})
    @Operation(operationId = "getSubmissionReport", summary = "Read an entry's final report", description = "Its "
            + "writer (the organisation or municipality that entered) reads the draft too; the organizers of the call "
            + "(of a Kreis: its Kreis's calls) read a submitted report. Another's entry is a 404.")
    @APIResponseSchema(value = ReportView.class, responseCode = "200", responseDescription = "The report")
    @APIResponse(responseCode = "404", description = "No such entry, not the caller's, or no (submitted) report yet")
    public ReportView get(@PathParam("id") UUID id) {
        return reports.get(id);
    }

    @PUT
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveSubmissionReport", summary = "Write the final report as a draft", description = "By "
            + "the organisation (or municipality) that entered, for an entry of a PROJEKTFOERDERUNG call that the "
            + "latest published results fund, after the project's end date (P41, a day in Europe/Berlin). Creates "
            + "the draft or replaces its answers; each answer is checked against the PROJEKTBERICHT form "
            + "(GET /api/calls/{id}/report-form).")
    @APIResponseSchema(value = ReportView.class, responseCode = "200", responseDescription = "The draft report")
    @APIResponse(responseCode = "404", description = "No such entry, or not the caller's")
    @APIResponse(responseCode = "409", description = "No final report for this call's form (no-final-report), the "
            + "entry not funded (not-funded), the project not ended yet (project-running), or the report submitted "
            + "already (report-submitted)")
    @APIResponse(responseCode = "422", description = "Answers that do not fit the form, each listed in errors")
    public ReportView save(@PathParam("id") UUID id, @Valid @NotNull ReportRequest request) {
        return reports.save(id, request);
    }

    @POST
    @Path("/submit")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Operation(operationId = "submitSubmissionReport", summary = "Submit the final report", description = "Checks "
            + "that the report is complete and its rules hold (spent lines R30–R36 add up to R38; participants with "
            + "own experience of flight R21 at most R20; R37 when other costs R36 were spent); then it is final.")
    @APIResponseSchema(value = ReportView.class, responseCode = "200", responseDescription = "Submitted")
    @APIResponse(responseCode = "404", description = "No such entry, or not the caller's")
    @APIResponse(responseCode = "409", description = "As for writing it, or no report written yet (no-report)")
    @APIResponse(responseCode = "422", description = "Incomplete or invalid; every failing question code is listed")
    public ReportView submit(@PathParam("id") UUID id) {
        return reports.submit(id);
    }
}
