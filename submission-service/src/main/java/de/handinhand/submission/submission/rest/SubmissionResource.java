package de.handinhand.submission.submission.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.submission.api.ExtensionRequest;
import de.handinhand.submission.submission.api.SubmissionRequest;
import de.handinhand.submission.submission.api.SubmissionSummary;
import de.handinhand.submission.submission.api.SubmissionUpdateRequest;
import de.handinhand.submission.submission.api.SubmissionView;
import de.handinhand.submission.submission.api.VersionSummary;
import de.handinhand.submission.submission.api.VersionView;
import de.handinhand.submission.submission.service.DeadlineExtensions;
import de.handinhand.submission.submission.service.ImportedEntries;
import de.handinhand.submission.submission.service.SubmissionService;
import de.handinhand.submission.submission.service.SubmissionVersions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "Entries (Wettbewerbsbeiträge, Anträge) of municipalities and of "
        + "applicant organisations")
public class SubmissionResource {

    private final SubmissionService submissions;
    private final SubmissionVersions versions;
    private final DeadlineExtensions extensions;
    private final ImportedEntries imported;
    private final Caller caller;

    public SubmissionResource(SubmissionService submissions, SubmissionVersions versions, DeadlineExtensions extensions,
            ImportedEntries imported, Caller caller) {
        this.submissions = submissions;
        this.versions = versions;
        this.extensions = extensions;
        this.imported = imported;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubmission", summary = "Start a draft", description = "For the municipality "
            + "named in the caller's token, or for an applicant's organisation (claim organisation) working in the "
            + "Gemeinde of its token; one entry per municipality (or organisation) and call, and only while the call "
            + "is open. A call a Kreis runs (kreisId) takes entries only from municipalities in that Kreis and from "
            + "applicants working in them; applicants enter calls of the PROJEKTFOERDERUNG form only.")
    @APIResponseSchema(value = SubmissionView.class, responseCode = "201", responseDescription = "Draft created")
    @APIResponse(responseCode = "403", description = "The token's municipality is not registered or lies outside the "
            + "Kreis that runs the call (type outside-kreis), or an applicant and a call of another form (type "
            + "not-for-applicants)")
    @APIResponse(responseCode = "409", description = "The call is not open, or the municipality (organisation) "
            + "already has an entry")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed in errors")
    public Response create(@Valid @NotNull SubmissionRequest request, @Context UriInfo uri) {
        SubmissionView created = submissions.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER})
    @Operation(operationId = "listSubmissions", summary = "List entries", description = "A submitter sees its "
            + "municipality's own entries, an applicant its organisation's, an organizer those of the calls it runs "
            + "(with kreis_id: its Kreis's calls; naming another Kreis's call is a 403); filter by call. Newest change "
            + "first, paginated (an invalid callId, page or size is a 400).")
    public Page<SubmissionSummary> list(@QueryParam("callId") UUID callId, @Valid @BeanParam PageParams paging) {
        return submissions.list(callId, paging.request());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER})
    @Operation(operationId = "getSubmission", summary = "Read an entry",
            description = "Another municipality's or organisation's entry answers 404, as does, for an organizer of "
                    + "a Kreis, an entry of another Kreis's call.")
    @APIResponseSchema(value = SubmissionView.class, responseCode = "200", responseDescription = "The entry")
    @APIResponse(responseCode = "404", description = "No such entry, or not the caller's")
    public SubmissionView get(@PathParam("id") UUID id) {
        return submissions.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSubmission", summary = "Replace a draft's content, or correct an imported entry",
            description = "A submitter (applicant) replaces its own draft's content. An organizer corrects an entry the legacy "
                    + "import made (also its `municipalityId`; the category is derived again): the whole body must be "
                    + "a complete entry, as for a submit; the correction becomes the next numbered version, "
                    + "recording who corrected it and when, and publishes handinhand.submission.submitted again. "
                    + "Organizers cannot change a municipality's own entries (403), nor a withdrawn or reopened "
                    + "imported entry, nor any entry once the call is closed (409).")
    @APIResponseSchema(value = SubmissionView.class, responseCode = "200", responseDescription = "Replaced or corrected")
    @APIResponse(responseCode = "400", description = "municipalityId from a submitter, or unknown fields")
    @APIResponse(responseCode = "403", description = "An organizer and an entry that was not imported")
    @APIResponse(responseCode = "404", description = "No such entry, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not a draft (submitter); withdrawn, reopened or call closed "
            + "(organizer); the new municipality already has an entry for the call")
    @APIResponse(responseCode = "422", description = "Invalid fields or answers (for a correction also missing "
            + "ones, and an unregistered municipality), each listed in errors")
    public SubmissionView update(@PathParam("id") UUID id, @Valid @NotNull SubmissionUpdateRequest request) {
        return caller.has(Roles.ORGANIZER) ? imported.correct(id, request) : submissions.update(id, request);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Operation(operationId = "submitSubmission", summary = "Submit the draft", description = "Validates it, raises "
            + "its version and publishes handinhand.submission.submitted.")
    @APIResponseSchema(value = SubmissionView.class, responseCode = "200", responseDescription = "Submitted")
    @APIResponse(responseCode = "409", description = "Not a draft, or the deadline passed without an extension")
    @APIResponse(responseCode = "422", description = "Incomplete or invalid; every failing question code is listed")
    public SubmissionView submit(@PathParam("id") UUID id) {
        return submissions.submit(id);
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Operation(operationId = "reopenSubmission", summary = "Reopen a submitted entry", description = "Back to DRAFT "
            + "for changes, while the call is open (or the entry's extension runs); the next submit creates the next "
            + "version. The jury keeps the last submitted version until then.")
    @APIResponseSchema(value = SubmissionView.class, responseCode = "200", responseDescription = "Reopened as a draft")
    @APIResponse(responseCode = "409", description = "Not submitted, or the deadline passed")
    public SubmissionView reopen(@PathParam("id") UUID id) {
        return submissions.reopen(id);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER})
    // No @APIResponse here: any would replace the Page schema generated from the return type.
    @Operation(operationId = "listSubmissionVersions", summary = "List the submitted versions of an entry",
            description = "Oldest first, paginated (a page or size out of range is a 400). A version an organizer "
                    + "made by correcting an imported entry carries correctedAt and correctedBy. Another "
                    + "municipality's entry is a 404.")
    public Page<VersionSummary> versions(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        return versions.list(id, paging.request());
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER})
    @Operation(operationId = "getSubmissionVersion", summary = "Read one submitted version", description = "Frozen as "
            + "it was submitted; the snapshot is the one the submitted event carried.")
    @APIResponseSchema(value = VersionView.class, responseCode = "200", responseDescription = "The version")
    @APIResponse(responseCode = "404", description = "No such version")
    public VersionView version(@PathParam("id") UUID id, @PathParam("version") Integer version) {
        return versions.get(id, version);
    }

    @PUT
    @Path("/{id}/extension")
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "extendSubmissionDeadline", summary = "Extend the deadline for one entry",
            description = "Organizers only (of a Kreis: entries of its Kreis's calls only, the others answer 404): the "
                    + "entry may then be submitted (and reopened) until the given instant, before the jury phase ends.")
    public SubmissionView extend(@PathParam("id") UUID id, @Valid @NotNull ExtensionRequest request) {
        return extensions.extend(id, request);
    }

    @DELETE
    @Path("/{id}/extension")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "revokeSubmissionExtension", summary = "Revoke an entry's extension",
            description = "Organizers only: the entry's deadline is the call's again; an entry submitted meanwhile "
                    + "stays submitted.")
    public SubmissionView revokeExtension(@PathParam("id") UUID id) {
        return extensions.revoke(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Operation(operationId = "withdrawSubmission", summary = "Withdraw the entry", description = "Publishes "
            + "handinhand.submission.withdrawn if it had been submitted.")
    public SubmissionView withdraw(@PathParam("id") UUID id) {
        return submissions.withdraw(id);
    }
}
