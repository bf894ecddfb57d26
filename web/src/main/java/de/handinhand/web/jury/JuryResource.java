package de.handinhand.web.jury;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.api.Api;
import de.handinhand.web.api.ApiException;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.api.PublicApi;
import de.handinhand.web.common.FormErrors;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.common.NotFoundPage;
import de.handinhand.web.gemeinde.Answers;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The jury (role juror): my cases per call with the state of my sheet; a case with the entry's
 * answers, single projects, pre-check and attachments; the score sheet (every criterion with its
 * scale, "not applicable", a comment), saved as a draft or finalised; the colleagues' sheets once
 * mine is final (the API decides what a juror sees: an unassigned case is a 404).
 */
@Path("/jury")
@RolesAllowed("juror")
@Produces(MediaType.TEXT_HTML)
public class JuryResource {

    private static final Pattern MARK = Pattern.compile("scores\\[(\\d+)]\\.(points|comment|criterion)");
    private static final Pattern CODE = Pattern.compile("scores\\.([A-Z0-9_]+)");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(List<CallCases> calls);

        static native TemplateInstance juryCase(CaseView view, List<CriterionRow> criteria, FormErrors errors,
                String done);
    }

    public record CallCases(String callId, String title, String phase, List<CaseRow> cases) {
    }

    public record CaseRow(String id, String href, String title, String municipality, String category,
            String sheetState) {
    }

    /** One criterion of the sheet as the form shows it. */
    public record CriterionRow(String code, String label, String weight, int scaleMin, int scaleMax, String points,
            boolean notApplicable, String comment) {

        public String pointsName() {
            return "points." + code;
        }

        public String commentName() {
            return "comment." + code;
        }
    }

    /** Everything a juror reads on the case page. */
    public record CaseView(String id, String title, String municipality, String category, String callTitle,
            String summary, String description, List<Answers.Section> sections, List<Answers.Project> projects,
            List<PreCheckItem> precheck, String precheckSummary, List<Attachment> attachments,
            boolean attachmentsHidden, List<String> unplaced, String phase, boolean editable, boolean finalised,
            String total, boolean othersVisible, List<Sheet> others) {
    }

    public record PreCheckItem(String label, String answer, String status) {
    }

    public record Attachment(String name, String href, String size) {
    }

    public record Sheet(String juror, String total, boolean finalised, List<Mark> marks) {
    }

    public record Mark(String criterion, String points, String comment) {
    }

    private final Api api;
    private final PublicApi publicApi;
    private final Gateway gateway;
    private final Labels labels;

    public JuryResource(@RestClient Api api, @RestClient PublicApi publicApi, Gateway gateway, Labels labels) {
        this.api = api;
        this.publicApi = publicApi;
        this.gateway = gateway;
        this.labels = labels;
    }

    @GET
    public TemplateInstance cases() {
        JsonNode page = gateway.json(() -> api.cases(null, 0, 200));
        Map<String, List<CaseRow>> byCall = new LinkedHashMap<>();
        int sheetsRead = 0;
        for (JsonNode c : page.path("items")) {
            String id = c.path("id").asText();
            String state = sheetState(c);
            if (state == null && sheetsRead++ < 50) {
                state = sheetState(id);
            }
            byCall.computeIfAbsent(c.path("callId").asText(), k -> new ArrayList<>()).add(new CaseRow(id,
                    "/jury/faelle/" + id, c.path("title").asText(""), c.path("municipalityName").asText(""),
                    c.path("category").asText(""), state == null ? "OPEN" : state));
        }
        List<CallCases> calls = new ArrayList<>();
        byCall.forEach((callId, rows) -> {
            JsonNode call = gateway.json(() -> api.juryCall(callId));
            calls.add(new CallCases(callId, call.path("title").asText(callId), call.path("phase").asText(""), rows));
        });
        return Templates.cases(calls);
    }

    @GET
    @Path("faelle/{id}")
    public TemplateInstance juryCase(@PathParam("id") String id, @RestQuery String erledigt) {
        String caseId = uuid(id);
        JsonNode sheet = gateway.json(() -> api.sheet(caseId));
        return page(caseId, sheet, criteria(sheet, null), FormErrors.none(), erledigt);
    }

    @POST
    @Path("faelle/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        String caseId = uuid(id);
        FormValues form = FormValues.of(posted);
        JsonNode sheet = gateway.json(() -> api.sheet(caseId));
        List<String> codes = new ArrayList<>();
        sheet.path("criteria").forEach(c -> codes.add(c.path("code").asText()));
        boolean finalise = "true".equals(form.value("final"));
        ObjectNode body = gateway.mapper().createObjectNode();
        ArrayNode scores = body.putArray("scores");
        List<String> order = new ArrayList<>();
        for (String code : codes) {
            ObjectNode mark = scores.addObject();
            mark.put("criterion", code);
            boolean na = form.on("na." + code);
            String points = form.text("points." + code);
            if (na) {
                mark.put("notApplicable", true);
                mark.putNull("points");
            } else if (points != null) {
                try {
                    mark.put("points", new java.math.BigDecimal(points.replace(',', '.')));
                } catch (NumberFormatException e) {
                    return refused(caseId, sheet, form, FormErrors.local("points." + code,
                            labels.form().number_invalid()));
                }
            } else {
                mark.putNull("points");
            }
            mark.put("comment", form.text("comment." + code));
            order.add(code);
        }
        body.put("final", finalise);
        try {
            gateway.json(() -> api.saveSheet(caseId, body));
        } catch (ApiException e) {
            Set<String> controls = new HashSet<>();
            for (String code : codes) {
                controls.add("points." + code);
                controls.add("comment." + code);
            }
            FormErrors errors = FormErrors.of(e.problem(), controls, field -> control(field, order));
            return refused(caseId, sheet, form, errors);
        }
        return Response.seeOther(URI.create("/jury/faelle/" + caseId + "?erledigt="
                + (finalise ? "abgeschlossen" : "gespeichert"))).build();
    }

    /** The case page again, with what the juror typed and the API's (or our) objection at the criterion. */
    private Response refused(String caseId, JsonNode sheet, FormValues form, FormErrors errors) {
        return Response.status(422).entity(page(caseId, sheet, criteria(sheet, form), errors, null)).build();
    }

    private TemplateInstance page(String caseId, JsonNode sheet, List<CriterionRow> criteria, FormErrors errors,
            String done) {
        JsonNode detail = gateway.json(() -> api.juryCase(caseId));
        String callId = detail.path("callId").asText();
        JsonNode form = formOf(callId);
        JsonNode call = gateway.json(() -> api.juryCall(callId));
        Answers answers = new Answers(form, labels);
        List<PreCheckItem> precheck = new ArrayList<>();
        JsonNode pc = detail.path("precheck");
        for (JsonNode item : pc.path("items")) {
            precheck.add(new PreCheckItem(item.path("label").asText(), answers.optionLabel(item.path("code").asText(),
                    item.path("answer")), item.path("status").asText()));
        }
        String precheckSummary = pc.isMissingNode() ? "" : labels.jury().precheck_summary(
                pc.path("met").asText("0"), pc.path("total").asText("0"));
        List<Attachment> attachments = new ArrayList<>();
        boolean hidden = false;
        String submissionId = detail.path("submissionId").asText();
        try {
            JsonNode list = gateway.json(() -> api.attachmentsOf(submissionId));
            for (JsonNode a : list.isArray() ? list : list.path("items")) {
                attachments.add(new Attachment(a.path("filename").asText(), "/jury/faelle/" + caseId + "/anlagen/"
                        + a.path("id").asText(), labels.number(a.path("sizeBytes").asLong() / 1024.0, 0) + " KB"));
            }
        } catch (NotFoundPage | ApiException e) {
            hidden = true;
        }
        List<String> unplaced = new ArrayList<>();
        detail.path("unplaced").forEach(u -> unplaced.add(u.asText()));
        JsonNode mine = sheet.path("mine");
        boolean finalised = mine.path("final").asBoolean(false);
        String phase = sheet.path("phase").asText("");
        List<Sheet> others = new ArrayList<>();
        for (JsonNode s : sheet.path("sheets")) {
            List<Mark> marks = new ArrayList<>();
            for (JsonNode m : s.path("scores")) {
                marks.add(new Mark(criterionLabel(sheet, m.path("criterion").asText()),
                        m.path("notApplicable").asBoolean() ? labels.jury().na() : m.path("points").asText(""),
                        m.path("comment").asText("")));
            }
            others.add(new Sheet(s.path("juror").asText(), s.path("total").isNumber()
                    ? labels.number(s.path("total").asDouble(), 1) : "", s.path("final").asBoolean(), marks));
        }
        CaseView view = new CaseView(caseId, detail.path("title").asText(""),
                detail.path("municipalityName").asText(""), detail.path("category").asText(""),
                call.path("title").asText(""), detail.path("summary").asText(""),
                detail.path("description").asText(""), answers.sections(detail.path("answers")),
                answers.projects(detail.path("projects")), precheck, precheckSummary, attachments, hidden, unplaced,
                phase, "JURY".equals(phase) && !finalised && !"WITHDRAWN".equals(sheet.path("status").asText()),
                finalised, mine.path("total").isNumber() ? labels.number(mine.path("total").asDouble(), 1) : "",
                sheet.path("othersVisible").asBoolean(false), others);
        return Templates.juryCase(view, criteria, errors, done);
    }

    @GET
    @Path("faelle/{id}/anlagen/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        String caseId = uuid(id);
        String fileId = uuid(attachmentId);
        String submissionId = gateway.json(() -> api.juryCase(caseId)).path("submissionId").asText();
        Response file = gateway.raw(() -> api.attachment(submissionId, fileId));
        return download(file);
    }

    /** Passes a file on with its type and name, never rendered inline (it comes from someone else). */
    public static Response download(Response file) {
        byte[] bytes = file.readEntity(byte[].class);
        Response.ResponseBuilder out = Response.ok(bytes)
                .type(file.getMediaType() == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE : file.getMediaType())
                .header("Content-Disposition", file.getHeaderString("Content-Disposition") == null
                        ? "attachment" : file.getHeaderString("Content-Disposition").replace("inline", "attachment"))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        file.close();
        return out.build();
    }

    private List<CriterionRow> criteria(JsonNode sheet, FormValues form) {
        Map<String, JsonNode> marks = new LinkedHashMap<>();
        sheet.path("mine").path("scores").forEach(m -> marks.put(m.path("criterion").asText(), m));
        List<CriterionRow> rows = new ArrayList<>();
        for (JsonNode c : sheet.path("criteria")) {
            String code = c.path("code").asText();
            JsonNode mark = marks.get(code);
            String points;
            boolean na;
            String comment;
            if (form != null) {
                points = form.value("points." + code);
                na = form.on("na." + code);
                comment = form.value("comment." + code);
            } else {
                points = mark == null || mark.path("points").isNull() || mark.path("points").isMissingNode() ? ""
                        : mark.path("points").asText();
                na = mark != null && mark.path("notApplicable").asBoolean();
                comment = mark == null ? "" : mark.path("comment").asText("");
            }
            rows.add(new CriterionRow(code, c.path("label").asText(code), labels.number(c.path("weight").asDouble(1), 1),
                    c.path("scaleMin").asInt(0), c.path("scaleMax").asInt(10), points, na, comment));
        }
        return rows;
    }

    private static String criterionLabel(JsonNode sheet, String code) {
        for (JsonNode c : sheet.path("criteria")) {
            if (code.equals(c.path("code").asText())) {
                return c.path("label").asText(code);
            }
        }
        return code;
    }

    private JsonNode formOf(String callId) {
        try {
            return gateway.json(() -> publicApi.form(callId));
        } catch (RuntimeException e) {
            return gateway.mapper().createObjectNode();
        }
    }

    /** The state of my sheet from the case list where the API says it, else from the sheet itself. */
    private static String sheetState(JsonNode summary) {
        for (String name : List.of("sheetState", "sheetStatus", "mySheet")) {
            JsonNode v = summary.path(name);
            if (v.isTextual()) {
                return v.asText().toUpperCase(java.util.Locale.ROOT);
            }
        }
        JsonNode sheet = summary.path("sheet");
        if (sheet.isObject()) {
            return sheet.path("final").asBoolean() ? "FINAL" : sheet.path("scores").size() > 0 ? "DRAFT" : "OPEN";
        }
        return null;
    }

    private String sheetState(String caseId) {
        try {
            JsonNode mine = gateway.json(() -> api.sheet(caseId)).path("mine");
            if (mine.isMissingNode() || mine.isNull()) {
                return "OPEN";
            }
            return mine.path("final").asBoolean() ? "FINAL" : mine.path("scores").size() > 0 ? "DRAFT" : "OPEN";
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** API error fields to the sheet's controls: scores[2].points → points.CODE, scores.CODE → points.CODE. */
    static String control(String field, List<String> order) {
        Matcher m = MARK.matcher(field);
        if (m.lookingAt()) {
            int i = Integer.parseInt(m.group(1));
            if (i < order.size()) {
                return ("comment".equals(m.group(2)) ? "comment." : "points.") + order.get(i);
            }
        }
        Matcher c = CODE.matcher(field);
        if (c.matches()) {
            return "points." + c.group(1);
        }
        return null;
    }

    static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundPage();
        }
    }
}
