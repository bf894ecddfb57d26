package de.handinhand.web.orga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.api.Api;
import de.handinhand.web.api.ApiException;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.common.FormErrors;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.common.NotFoundPage;
import de.handinhand.web.i18n.Labels;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Organizers (role organizer): the calls with their phases; a call's legacy import (a text
 * export uploaded as a file), its ranking with the CSV download, and publishing its results.
 */
@Path("/orga")
@RolesAllowed("organizer")
@Produces(MediaType.TEXT_HTML)
public class OrgaResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calls(List<CallRow> calls);

        static native TemplateInstance call(CallRow call, List<Category> ranking, boolean rankingAvailable,
                List<ResultRow> results, FormValues form, FormErrors errors, String done, ImportResult imported);
    }

    public record CallRow(String id, String href, String title, String kind, String phase, String opensAt,
            String deadline, String juryEndsAt, String resultsAt, String categories) {
    }

    public record Category(String category, List<RankRow> entries) {
    }

    public record RankRow(String rank, String title, String municipality, String mean, String median,
            String normalized, String spread, boolean disagreement, int jurorCount) {
    }

    public record ResultRow(String category, String rank, String title, String municipality, boolean winner,
            String prize) {
    }

    public record ImportResult(String entryId, String title, String municipality, int answers, int unplaced) {
    }

    private final Api api;
    private final Gateway gateway;
    private final Labels labels;

    public OrgaResource(@RestClient Api api, Gateway gateway, Labels labels) {
        this.api = api;
        this.gateway = gateway;
        this.labels = labels;
    }

    @GET
    public TemplateInstance calls() {
        List<CallRow> rows = new ArrayList<>();
        for (JsonNode c : gateway.json(() -> api.calls(0, 200)).path("items")) {
            rows.add(row(c));
        }
        return Templates.calls(rows);
    }

    @GET
    @Path("ausschreibungen/{id}")
    public TemplateInstance call(@PathParam("id") String id, @RestQuery String erledigt) {
        return page(uuid(id), FormValues.empty(), FormErrors.none(), erledigt, null);
    }

    private TemplateInstance page(String callId, FormValues form, FormErrors errors, String done,
            ImportResult imported) {
        CallRow call = row(gateway.json(() -> api.call(callId)));
        List<Category> ranking = new ArrayList<>();
        boolean available = true;
        try {
            for (JsonNode cat : gateway.json(() -> api.ranking(callId)).path("categories")) {
                List<RankRow> entries = new ArrayList<>();
                for (JsonNode e : cat.path("entries")) {
                    entries.add(new RankRow(e.path("rank").isNumber() ? e.path("rank").asText() : "–",
                            e.path("title").asText(e.path("submissionId").asText()),
                            e.path("municipalityName").asText(e.path("municipalityId").asText("")),
                            num(e.path("mean")), num(e.path("median")), num(e.path("normalized")), num(e.path("spread")),
                            e.path("disagreement").asBoolean(), e.path("jurorCount").asInt()));
                }
                ranking.add(new Category(cat.path("category").asText(), entries));
            }
        } catch (NotFoundPage | ApiException e) {
            available = false;
        }
        List<ResultRow> results = new ArrayList<>();
        try {
            JsonNode published = gateway.json(() -> api.results(callId));
            for (JsonNode cat : published.path("categories")) {
                for (JsonNode e : cat.path("entries")) {
                    results.add(new ResultRow(cat.path("category").asText(), e.path("rank").asText("–"),
                            e.path("title").asText(""), e.path("municipalityName").asText(""),
                            e.path("winner").asBoolean(), e.path("prize").asText("")));
                }
            }
        } catch (NotFoundPage | ApiException e) {
            // Not published yet.
        }
        return Templates.call(call, ranking, available, results, form, errors, done, imported);
    }

    @GET
    @Path("ausschreibungen/{id}/rangliste.csv")
    @Produces("text/csv")
    public Response rankingCsv(@PathParam("id") String id) {
        String callId = uuid(id);
        Response csv = gateway.raw(() -> api.rankingCsv(callId, "text/csv"));
        String body = csv.readEntity(String.class);
        csv.close();
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rangliste-" + callId + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("ausschreibungen/{id}/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object importLegacy(@PathParam("id") String id, @RestForm("datei") FileUpload file,
            @RestForm String municipalityId) throws IOException {
        String callId = uuid(id);
        FormValues form = FormValues.empty();
        form.set("municipalityId", municipalityId);
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(422).entity(page(callId, form,
                    FormErrors.local("datei", labels.gemeinde().entry_file_missing()), null, null)).build();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file.uploadedFile()))).toString();
        } catch (CharacterCodingException e) {
            // Old exports are often Windows-1252; read them as such rather than refuse them.
            text = new String(Files.readAllBytes(file.uploadedFile()), java.nio.charset.Charset.forName("windows-1252"));
        }
        String body = text;
        String municipality = municipalityId == null || municipalityId.isBlank() ? null : municipalityId.strip();
        try {
            JsonNode created = gateway.json(() -> api.importLegacy(callId, municipality, body));
            ImportResult result = new ImportResult(created.path("id").asText(), created.path("title").asText(""),
                    created.path("municipalityName").asText(created.path("municipalityId").asText("")),
                    created.path("answers").size(), created.path("unplaced").size());
            return page(callId, FormValues.empty(), FormErrors.none(), "importiert", result);
        } catch (ApiException e) {
            return Response.status(422).entity(page(callId, form,
                    FormErrors.of(e.problem(), Set.of("municipalityId", "datei"),
                            f -> f.equals("text") || f.equals("body") ? "datei" : null), null, null)).build();
        }
    }

    @POST
    @Path("ausschreibungen/{id}/ergebnisse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object publish(@PathParam("id") String id, @RestForm String winnersPerCategory) {
        String callId = uuid(id);
        FormValues form = FormValues.empty();
        form.set("winnersPerCategory", winnersPerCategory);
        ObjectNode body = gateway.mapper().createObjectNode();
        if (winnersPerCategory != null && !winnersPerCategory.isBlank()) {
            try {
                body.put("winnersPerCategory", Integer.parseInt(winnersPerCategory.strip()));
            } catch (NumberFormatException e) {
                return Response.status(422).entity(page(callId, form, FormErrors.local("winnersPerCategory",
                        labels.form().number_invalid()), null, null)).build();
            }
        }
        try {
            gateway.json(() -> api.publishResults(callId, body));
        } catch (ApiException e) {
            return Response.status(422).entity(page(callId, form,
                    FormErrors.of(e.problem(), Set.of("winnersPerCategory"), f -> null), null, null)).build();
        }
        return Response.seeOther(URI.create("/orga/ausschreibungen/" + callId + "?erledigt=veroeffentlicht")).build();
    }

    private CallRow row(JsonNode c) {
        List<String> categories = new ArrayList<>();
        c.path("categories").forEach(x -> categories.add(x.asText()));
        String id = c.path("id").asText();
        return new CallRow(id, "/orga/ausschreibungen/" + id, c.path("title").asText(""), c.path("kind").asText(""),
                c.path("phase").asText(""), when(c, "opensAt"), when(c, "deadline"), when(c, "juryEndsAt"),
                when(c, "resultsAt"), String.join(", ", categories));
    }

    private String when(JsonNode c, String field) {
        String text = c.path(field).asText(null);
        try {
            return text == null ? "" : labels.dateTime(Instant.parse(text));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private String num(JsonNode n) {
        return n.isNumber() ? labels.number(n.asDouble(), 2) : "–";
    }

    static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundPage();
        }
    }
}
