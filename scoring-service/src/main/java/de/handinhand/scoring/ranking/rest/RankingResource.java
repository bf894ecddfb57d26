package de.handinhand.scoring.ranking.rest;

import de.handinhand.scoring.ranking.api.RankingView;
import de.handinhand.scoring.ranking.service.RankingService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/calls/{callId}/ranking")
@Tag(name = "Ranking", description = "Rankings and their CSV export")
public class RankingResource {

    static final String CSV = "text/csv";

    private final RankingService ranking;

    public RankingResource(RankingService ranking) {
        this.ranking = ranking;
    }

    /**
     * Every signed-in caller may ask: who sees what depends on whether the results are published
     * (then everyone signed in) and, before, on the caller being an organizer or on the call's jury,
     * which {@code RankingService} decides per call. No role alone decides it, hence no {@code @RolesAllowed}.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Authenticated
    @Operation(operationId = "getRanking",
            summary = "Read a call's ranking", description = "Per category, entries ranked by the juror-normalised "
            + "score, ties sharing a rank (1, 1, 3). JSON by default; with Accept: text/csv the same rows as CSV, for "
            + "organizers with each juror's total, points and comments (text cells starting with = + - @ are prefixed "
            + "with ' so a spreadsheet does not run them). Before publication only organizers and the call's jurors read "
            + "it (a juror without the entries they are conflicted with or have not finalised); afterwards every "
            + "signed-in caller.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingView.class)),
                @Content(mediaType = CSV)})
    @APIResponse(responseCode = "403", description = "Not published and the caller is neither organizer nor juror of the call")
    @APIResponse(responseCode = "404", description = "No such call")
    public Response ranking(@PathParam("callId") UUID callId, @Context HttpHeaders headers) {
        if (wantsCsv(headers)) {
            return Response.ok(ranking.csv(callId), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"ranking-" + callId + ".csv\"").build();
        }
        return Response.ok(ranking.ranking(callId), MediaType.APPLICATION_JSON).build();
    }

    /** CSV only when asked for by name before JSON; a wildcard gets JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type) && !type.isWildcardSubtype()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
