package de.handinhand.submission.legacy.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.common.web.validation.Rules;
import de.handinhand.submission.legacy.service.LegacyImportService;
import de.handinhand.submission.submission.api.SubmissionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/imports/legacy")
@Tag(name = "Import", description = "Legacy text exports of entry forms")
public class ImportResource {

    /** Far above any real export (the 2017 ones have some 30,000 characters at most). */
    static final int MAX_TEXT = 1_000_000;

    private final LegacyImportService imports;

    public ImportResource(LegacyImportService imports) {
        this.imports = imports;
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importLegacyEntry", summary = "Import a legacy text export", description = "Organizers only. Turns the text export of a "
            + "competition entry form or a Flüchtlingsdialog report into a submitted entry (version 1, imported): "
            + "contact, title, summary, description, every answer the text carries, the single projects. What cannot "
            + "be placed is kept verbatim in `unplaced`; the source text is kept with the entry; `derived` lists the "
            + "field paths the import derived rather than read (a title from a project's text, a summed total). The "
            + "municipality is `municipalityId` if given, else the one the contact block names, else the registered "
            + "municipality the text speaks for (\"unsere Stadt\", \"der Stadt X\", \"unser Landkreis\"; then the "
            + "most often named).")
    @RequestBody(content = @Content(mediaType = "text/plain", examples = @ExampleObject(name = "competition", value = """
            Name der Stadt/der Gemeinde/des Landkreises:\s
            Landkreis Dachau
            Ansprechpartner/in:\s
            Daniel Dachauer
            Titel des Wettbewerbsbeitrags
            Integration mit Augenmaß
            Kurzfassung des Wettbewerbsbeitrags
            Das Projekt IMA fördert Integrationsideen im ganzen Landkreis.
            """)))
    @APIResponseSchema(value = SubmissionView.class, responseCode = "201", responseDescription = "Imported and submitted")
    @APIResponse(responseCode = "409", description = "The municipality already has an entry for this call")
    @APIResponse(responseCode = "422", description = "Unknown call, empty text, the other form family, or no "
            + "single municipality to be found (an unknown name, or several equally: the message names the "
            + "candidates); nothing is stored")
    public Response importText(
            @Parameter(description = "The call the entry belongs to", required = true) @QueryParam("callId") UUID callId,
            @Parameter(description = "The municipality's key (AGS), if the text does not name a registered one")
            @QueryParam("municipalityId") @Pattern(regexp = Rules.AGS, message = Rules.AGS_MESSAGE) String municipalityId,
            @NotBlank(message = "the text export is empty") @Size(max = MAX_TEXT, message = Rules.AT_MOST_CHARACTERS)
            String text) {
        SubmissionView imported = imports.importText(callId, municipalityId, text);
        return Response.created(UriBuilder.fromPath("/api/submissions/{id}").build(imported.id())).entity(imported)
                .build();
    }
}
