package de.handinhand.web.gemeinde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.api.Api;
import de.handinhand.web.api.ApiException;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.common.FormErrors;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.common.NotFoundPage;
import de.handinhand.web.common.PageContext;
import de.handinhand.web.i18n.Labels;
import de.handinhand.web.jury.JuryResource;
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
import java.io.IOException;
import java.net.URI;
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
 * Municipalities and applicants (roles submitter, applicant): open calls, the entry form rendered
 * from the call's form, saved as a draft, attachments, submitted with the 422's failing questions
 * shown at each question, reopened or withdrawn, and the submitted versions. The API takes the
 * Kommune from the token; these pages never send one.
 */
@Path("/gemeinde")
@RolesAllowed({"submitter", "applicant"})
@Produces(MediaType.TEXT_HTML)
public class GemeindeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(List<CallRow> calls, List<EntryRow> entries, String done,
                String failedCall, FormValues form, FormErrors errors);

        static native TemplateInstance entry(EntryView view, List<EntryForm.Section> sections,
                List<EntryForm.Project> projects, FormValues form, FormErrors errors, String done, String notice);

        static native TemplateInstance versions(EntryView view, List<VersionRow> versions);

        static native TemplateInstance version(EntryView view, int version, String title, String summary,
                String description, List<Answers.Section> sections, List<Answers.Project> projects);
    }

    public record CallRow(String id, String title, String kind, String phase, String deadline, String entryHref) {

        public boolean funding() {
            return "FUNDING".equals(kind);
        }
    }

    public record EntryRow(String id, String href, String title, String call, String status, int version,
            String updated) {
    }

    public record EntryView(String id, String callId, String callTitle, String deadline, String status, int version,
            String municipality, boolean editable, boolean submitted, List<AttachmentRow> attachments,
            String submittedAt, int maxProjects) {
    }

    public record AttachmentRow(String id, String name, String size, String href) {
    }

    public record VersionRow(int version, String submittedAt, String by, String href) {
    }

    private final Api api;
    private final Gateway gateway;
    private final Labels labels;
    private final PageContext ctx;

    public GemeindeResource(@RestClient Api api, Gateway gateway, Labels labels, PageContext ctx) {
        this.api = api;
        this.gateway = gateway;
        this.labels = labels;
        this.ctx = ctx;
    }

    @GET
    public TemplateInstance start(@RestQuery String erledigt) {
        return start(erledigt, null, FormValues.empty(), FormErrors.none());
    }

    private TemplateInstance start(String erledigt, String failedCall, FormValues form, FormErrors errors) {
        JsonNode entries = gateway.json(() -> api.submissions(null, 0, 200));
        List<EntryRow> rows = new ArrayList<>();
        java.util.Map<String, String> entryByCall = new java.util.HashMap<>();
        java.util.Map<String, String> callTitles = new java.util.HashMap<>();
        JsonNode calls = gateway.json(() -> api.calls(0, 200));
        for (JsonNode c : calls.path("items")) {
            callTitles.put(c.path("id").asText(), c.path("title").asText());
        }
        for (JsonNode e : entries.path("items")) {
            String id = e.path("id").asText();
            entryByCall.put(e.path("callId").asText(), id);
            rows.add(new EntryRow(id, "/gemeinde/beitraege/" + id, e.path("title").asText(""),
                    callTitles.getOrDefault(e.path("callId").asText(), ""), e.path("status").asText(),
                    e.path("version").asInt(), labels.dateTime(instant(e.path("updatedAt").asText(null)))));
        }
        List<CallRow> open = new ArrayList<>();
        for (JsonNode c : calls.path("items")) {
            if ("OPEN".equals(c.path("phase").asText())) {
                String id = c.path("id").asText();
                String entry = entryByCall.get(id);
                open.add(new CallRow(id, c.path("title").asText(), c.path("kind").asText(), c.path("phase").asText(),
                        labels.dateTime(instant(c.path("deadline").asText(null))),
                        entry == null ? null : "/gemeinde/beitraege/" + entry));
            }
        }
        return Templates.start(open, rows, erledigt, failedCall, form, errors);
    }

    /** Starts an entry with its title (the API's minimum), so the registry's answers show at once. */
    @POST
    @Path("ausschreibungen/{callId}/beitrag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object begin(@PathParam("callId") String callId, MultivaluedMap<String, String> posted) {
        String call = uuid(callId);
        FormValues form = FormValues.of(posted);
        ObjectNode body = gateway.mapper().createObjectNode();
        body.put("callId", call);
        body.put("title", form.text("title"));
        if (form.text("requestedCents") != null) {
            try {
                body.put("requestedCents", EntryForm.cents(form.text("requestedCents"), "requestedCents",
                        labels.form()));
            } catch (EntryForm.LocalError e) {
                return Response.status(422).entity(start(null, call, form,
                        FormErrors.local(e.control, e.getMessage()))).build();
            }
        }
        try {
            JsonNode created = gateway.json(() -> api.createSubmission(body));
            return Response.seeOther(URI.create("/gemeinde/beitraege/" + created.path("id").asText())).build();
        } catch (ApiException e) {
            if (e.problem().status() == 409) {
                // Already entered (one entry per Kommune and call): go to it.
                for (JsonNode s : gateway.json(() -> api.submissions(call, 0, 200)).path("items")) {
                    return Response.seeOther(URI.create("/gemeinde/beitraege/" + s.path("id").asText())).build();
                }
            }
            return Response.status(422).entity(start(null, call, form,
                    FormErrors.of(e.problem(), Set.of("title", "requestedCents"), f -> null))).build();
        }
    }

    @GET
    @Path("beitraege/{id}")
    public TemplateInstance entry(@PathParam("id") String id, @RestQuery String erledigt) {
        String entryId = uuid(id);
        JsonNode entry = gateway.json(() -> api.submission(entryId));
        EntryForm form = new EntryForm(gateway.json(() -> api.form(entry.path("callId").asText())));
        return render(entry, form, form.values(entry), FormErrors.none(), erledigt, null);
    }

    @POST
    @Path("beitraege/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        String entryId = uuid(id);
        FormValues values = FormValues.of(posted);
        JsonNode entry = gateway.json(() -> api.submission(entryId));
        String callId = entry.path("callId").asText();
        EntryForm form = new EntryForm(gateway.json(() -> api.form(callId)));
        ObjectNode body;
        try {
            body = form.toJson(values, callId, gateway.mapper(), labels.form());
        } catch (EntryForm.LocalError e) {
            return Response.status(422).entity(render(entry, form, values,
                    FormErrors.local(e.control, e.getMessage()), null, null)).build();
        }
        Set<String> controls = form.controls(entry.path("projects").size() + 1);
        try {
            gateway.json(() -> api.updateSubmission(entryId, body));
        } catch (ApiException e) {
            return Response.status(422).entity(render(entry, form, values,
                    FormErrors.of(e.problem(), controls, f -> null), null, null)).build();
        }
        if (!"submit".equals(values.value("aktion"))) {
            return Response.seeOther(URI.create("/gemeinde/beitraege/" + entryId + "?erledigt=gespeichert")).build();
        }
        try {
            gateway.json(() -> api.submissionAction(entryId, "submit"));
        } catch (ApiException e) {
            JsonNode saved = gateway.json(() -> api.submission(entryId));
            return Response.status(422).entity(render(saved, form, values,
                    FormErrors.of(e.problem(), controls, f -> null), null, labels.gemeinde().entry_saved_not_submitted()))
                    .build();
        }
        return Response.seeOther(URI.create("/gemeinde/beitraege/" + entryId + "?erledigt=eingereicht")).build();
    }

    @POST
    @Path("beitraege/{id}/{aktion:zurueckziehen|wieder-oeffnen}")
    public Response act(@PathParam("id") String id, @PathParam("aktion") String aktion) {
        String entryId = uuid(id);
        gateway.json(() -> api.submissionAction(entryId, aktion.equals("zurueckziehen") ? "withdraw" : "reopen"));
        return Response.seeOther(URI.create("/gemeinde/beitraege/" + entryId + "?erledigt="
                + (aktion.equals("zurueckziehen") ? "zurueckgezogen" : "geoeffnet"))).build();
    }

    @POST
    @Path("beitraege/{id}/anlagen")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@PathParam("id") String id, @RestForm("datei") FileUpload file) throws IOException {
        String entryId = uuid(id);
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return refusedUpload(entryId, labels.gemeinde().entry_file_missing());
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        String name = file.fileName() == null || file.fileName().isBlank() ? "anlage" : file.fileName();
        try {
            gateway.json(() -> api.upload(entryId, name, bytes));
        } catch (ApiException e) {
            return refusedUpload(entryId, e.problem().summary());
        }
        return Response.seeOther(URI.create("/gemeinde/beitraege/" + entryId + "?erledigt=hochgeladen#anlagen"))
                .build();
    }

    private Response refusedUpload(String entryId, String message) {
        JsonNode entry = gateway.json(() -> api.submission(entryId));
        EntryForm form = new EntryForm(gateway.json(() -> api.form(entry.path("callId").asText())));
        return Response.status(422).entity(render(entry, form, form.values(entry), FormErrors.local("datei", message),
                null, null)).build();
    }

    @POST
    @Path("beitraege/{id}/anlagen/{attachmentId}/loeschen")
    public Response deleteAttachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        String entryId = uuid(id);
        String fileId = uuid(attachmentId);
        gateway.json(() -> api.deleteAttachment(entryId, fileId));
        return Response.seeOther(URI.create("/gemeinde/beitraege/" + entryId + "?erledigt=geloescht#anlagen")).build();
    }

    @GET
    @Path("beitraege/{id}/anlagen/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        String entryId = uuid(id);
        String fileId = uuid(attachmentId);
        return JuryResource.download(gateway.raw(() -> api.attachment(entryId, fileId)));
    }

    @GET
    @Path("beitraege/{id}/fassungen")
    public TemplateInstance versions(@PathParam("id") String id) {
        String entryId = uuid(id);
        JsonNode entry = gateway.json(() -> api.submission(entryId));
        JsonNode list = gateway.json(() -> api.versions(entryId));
        List<VersionRow> rows = new ArrayList<>();
        for (JsonNode v : list.isArray() ? list : list.path("items")) {
            int n = v.path("version").asInt();
            rows.add(new VersionRow(n, labels.dateTime(instant(v.path("submittedAt").asText(null))),
                    v.path("submittedBy").asText(""), "/gemeinde/beitraege/" + entryId + "/fassungen/" + n));
        }
        return Templates.versions(view(entry, new EntryForm(gateway.mapper().createObjectNode())), rows);
    }

    @GET
    @Path("beitraege/{id}/fassungen/{version}")
    public TemplateInstance version(@PathParam("id") String id, @PathParam("version") int version) {
        String entryId = uuid(id);
        JsonNode entry = gateway.json(() -> api.submission(entryId));
        JsonNode v = gateway.json(() -> api.version(entryId, version));
        // The frozen snapshot: what the submitted event carried.
        JsonNode content = v.has("snapshot") ? v.path("snapshot") : v;
        Answers answers = new Answers(gateway.json(() -> api.form(entry.path("callId").asText())), labels);
        return Templates.version(view(entry, new EntryForm(gateway.mapper().createObjectNode())), version,
                content.path("title").asText(""), content.path("summary").asText(""),
                content.path("description").asText(""), answers.sections(content.path("answers")),
                answers.projects(content.path("projects")));
    }

    private TemplateInstance render(JsonNode entry, EntryForm form, FormValues values, FormErrors errors,
            String done, String notice) {
        int projects = Math.max(entry.path("projects").size(), countProjects(values));
        return Templates.entry(view(entry, form), form.sections(entry.path("answers")), form.projects(projects),
                values, errors, done, notice);
    }

    private static int countProjects(FormValues values) {
        int n = 0;
        for (String key : values.asMap().keySet()) {
            if (key.startsWith("projects[") && !values.value(key).isBlank()) {
                n = Math.max(n, Integer.parseInt(key.substring(9, key.indexOf(']'))) + 1);
            }
        }
        return n;
    }

    private EntryView view(JsonNode entry, EntryForm form) {
        String id = entry.path("id").asText();
        String callId = entry.path("callId").asText();
        JsonNode call = gateway.json(() -> api.call(callId));
        List<AttachmentRow> attachments = new ArrayList<>();
        for (JsonNode a : entry.path("attachments")) {
            attachments.add(new AttachmentRow(a.path("id").asText(), a.path("filename").asText(),
                    labels.number(a.path("sizeBytes").asLong() / 1024.0, 0) + " KB",
                    "/gemeinde/beitraege/" + id + "/anlagen/" + a.path("id").asText()));
        }
        String status = entry.path("status").asText();
        return new EntryView(id, callId, call.path("title").asText(""),
                labels.dateTime(instant(call.path("deadline").asText(null))), status, entry.path("version").asInt(),
                entry.path("municipalityName").asText(entry.path("municipalityId").asText("")),
                "DRAFT".equals(status) && "OPEN".equals(call.path("phase").asText()), "SUBMITTED".equals(status),
                attachments, labels.dateTime(instant(entry.path("submittedAt").asText(null))), form.maxProjects());
    }

    static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundPage();
        }
    }

    static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
