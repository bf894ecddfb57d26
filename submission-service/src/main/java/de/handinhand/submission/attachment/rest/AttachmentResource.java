package de.handinhand.submission.attachment.rest;

import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.attachment.service.AttachmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/submissions/{id}/attachments")
@Tag(name = "Attachments", description = "Anlagen of an entry: PDF, PNG and JPEG")
public class AttachmentResource {

    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;]+)",
            Pattern.CASE_INSENSITIVE);

    private final AttachmentService attachments;

    public AttachmentResource(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadAttachment", summary = "Upload an attachment to the caller's draft",
            description = "The body is the file itself. Its type is recognised from its bytes (PDF, PNG or JPEG), "
                    + "whatever Content-Type says. At most 10 MB per file and 50 MB per entry by default. The name "
                    + "comes from Content-Disposition or ?filename=.")
    @APIResponseSchema(value = AttachmentView.class, responseCode = "201",
            responseDescription = "Stored; the answer carries size and SHA-256")
    @APIResponse(responseCode = "409", description = "The entry is not a draft, or has the most attachments allowed")
    @APIResponse(responseCode = "413", description = "The file or the entry's total is too large")
    @APIResponse(responseCode = "415", description = "Not a PDF, PNG or JPEG")
    public Response upload(@PathParam("id") UUID id,
            @Parameter(description = "File name, if not given in Content-Disposition") @QueryParam("filename") String name,
            @HeaderParam("Content-Disposition") String disposition, InputStream body, @Context UriInfo uri) {
        AttachmentView stored = attachments.upload(id, filename(disposition, name), body);
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build()).entity(stored)
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER, Roles.JUROR})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAttachments", summary = "List an entry's attachments", description = "Its "
            + "municipality and organizers see the current files. A juror the jury has assigned to the entry (and who "
            + "has no conflict with it) sees the files of its latest submitted version; for every other juror the "
            + "entry does not exist (404). Oldest first, paginated (a page or size out of range is a 400).")
    // No @APIResponse here: any would replace the Page schema generated from the return type.
    public Page<AttachmentView> list(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        return attachments.list(id, paging.request());
    }

    @GET
    @Path("/{attachmentId}")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT, Roles.ORGANIZER, Roles.JUROR})
    @Produces({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadAttachment", summary = "Download an attachment", description = "Streamed. "
            + "ETag and Repr-Digest carry the SHA-256. A file a submitted version lists stays downloadable after it was removed from a reopened draft. "
            + "Jurors: only an entry they are assigned to without conflict, and only the files of its latest "
            + "submitted version.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such attachment, or not one the caller may read")
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        AttachmentService.Download download = attachments.download(id, attachmentId);
        AttachmentView a = download.attachment();
        StreamingOutput content = out -> download.writer().writeTo(out);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256()));
        return Response.ok(content, a.contentType())
                .header("Content-Length", a.sizeBytes())
                .header("Content-Disposition", "attachment; filename=\"" + ascii(a.filename()) + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("ETag", "\"" + a.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @DELETE
    @Path("/{attachmentId}")
    @RolesAllowed({Roles.SUBMITTER, Roles.APPLICANT})
    @Operation(operationId = "deleteAttachment", summary = "Remove an attachment from the caller's draft",
            description = "Only while the entry is the caller's draft (new or reopened); a file that belongs to a "
                    + "submitted version leaves the draft but stays with that version.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The entry is not a draft (reopen it first)")
    public Response delete(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        attachments.delete(id, attachmentId);
        return Response.noContent().build();
    }

    static String filename(String disposition, String query) {
        if (disposition != null) {
            Matcher star = FILENAME_STAR.matcher(disposition);
            if (star.find()) {
                try {
                    return java.net.URLDecoder.decode(star.group(1).strip(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    // Broken percent-encoding: fall back to the plain name, or a generated one.
                }
            }
            Matcher plain = FILENAME.matcher(disposition);
            if (plain.find()) {
                return plain.group(1).strip();
            }
        }
        return query;
    }

    private static String ascii(String name) {
        return name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
    }
}
