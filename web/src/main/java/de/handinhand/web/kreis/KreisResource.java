package de.handinhand.web.kreis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.api.Api;
import de.handinhand.web.api.ApiException;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.api.Offer;
import de.handinhand.web.common.FormErrors;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.common.NotFoundPage;
import de.handinhand.web.common.PageContext;
import de.handinhand.web.i18n.Field;
import de.handinhand.web.i18n.Labels;
import de.handinhand.web.i18n.TargetGroup;
import de.handinhand.web.navigator.Places;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The Kreis office (role publisher, own Kreis only; the API enforces the Kreis, these pages only
 * show it): the proposal queue (approve, reject with a reason), offers not confirmed for a year
 * with a one-click "still valid", creating and editing offers with the API's errors at the
 * fields, archiving, and an offer's history. Every action is a POST that redirects (no double
 * submits on reload) with a note of what was done.
 */
@Path("/kreis")
@RolesAllowed("publisher")
@Produces(MediaType.TEXT_HTML)
public class KreisResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(String kreis, List<Row> proposals, String done, String rejecting,
                FormValues form, FormErrors errors);

        static native TemplateInstance unconfirmed(String kreis, List<Row> offers, String done);

        static native TemplateInstance offers(String kreis, List<Row> offers, String q, long total);

        static native TemplateInstance edit(String kreis, String id, FormValues form, FormErrors errors,
                List<Choice> fields, List<Choice> targetGroups, List<Choice> languages, List<TextLang> textLanguages);

        static native TemplateInstance offer(String kreis, Offer offer, Row row, List<Change> history, String done);
    }

    /** An offer in a list, with its labels worked out. */
    public record Row(String id, String title, String provider, String municipality, String status,
            String fields, String created, String confirmed, boolean derived, boolean goodPractice, String href) {
    }

    public record Choice(String value, String label, boolean checked) {
    }

    /** A language of the offer's texts: its inputs, its name and writing direction. */
    public record TextLang(String code, String name, String dir, boolean required) {

        public String titleName() {
            return "title." + code;
        }

        public String descriptionName() {
            return "description." + code;
        }
    }

    public record Change(String at, String by, String action, String fields, String note) {
    }

    private final Api api;
    private final Gateway gateway;
    private final Labels labels;
    private final PageContext ctx;

    public KreisResource(@RestClient Api api, Gateway gateway, Labels labels, PageContext ctx) {
        this.api = api;
        this.gateway = gateway;
        this.labels = labels;
        this.ctx = ctx;
    }

    @GET
    public TemplateInstance queue(@RestQuery String erledigt) {
        return Templates.queue(kreisName(), proposals(), erledigt, null, FormValues.empty(), FormErrors.none());
    }

    @POST
    @Path("angebote/{id}/freigeben")
    public Response publish(@PathParam("id") String id) {
        gateway.json(() -> api.offerAction(uuid(id), "publish"));
        return done("/kreis", "freigegeben");
    }

    @POST
    @Path("angebote/{id}/ablehnen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object reject(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        FormValues form = FormValues.of(posted);
        try {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("reason", form.text("reason"));
            gateway.json(() -> api.rejectOffer(uuid(id), body));
        } catch (ApiException e) {
            FormErrors errors = FormErrors.of(e.problem(), java.util.Set.of("reason"), f -> "reason");
            return Response.status(422).entity(Templates.queue(kreisName(), proposals(), null, id, form, errors))
                    .build();
        }
        return done("/kreis", "abgelehnt");
    }

    @GET
    @Path("ungeprueft")
    public TemplateInstance unconfirmed(@RestQuery String erledigt) {
        List<Offer> offers = gateway.list(() -> api.unconfirmedOffers(12), Offer.class);
        return Templates.unconfirmed(kreisName(), rows(offers), erledigt);
    }

    @POST
    @Path("angebote/{id}/bestaetigen")
    public Response confirm(@PathParam("id") String id, @RestForm String zurueck) {
        gateway.json(() -> api.offerAction(uuid(id), "confirm"));
        return done(back(zurueck, id), "bestaetigt");
    }

    @POST
    @Path("angebote/{id}/archivieren")
    public Response archive(@PathParam("id") String id, @RestForm String zurueck) {
        gateway.json(() -> api.offerAction(uuid(id), "archive"));
        return done(back(zurueck, id), "archiviert");
    }

    @GET
    @Path("angebote")
    public TemplateInstance offers(@RestQuery String q) {
        Map<String, String> query = new LinkedHashMap<>();
        String kreis = ctx.claim("kreis_id");
        if (kreis != null) {
            query.put("kreis", kreis);
        }
        if (q != null && !q.isBlank()) {
            query.put("q", q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip());
        }
        query.put("sort", q == null || q.isBlank() ? "title" : "relevance");
        query.put("size", "200");
        JsonNode page = gateway.json(() -> api.offers(query));
        List<Offer> items = new ArrayList<>();
        page.path("items").forEach(n -> items.add(gateway.convert(n, Offer.class)));
        return Templates.offers(kreisName(), rows(items), q == null ? "" : q, page.path("total").asLong());
    }

    @GET
    @Path("angebote/neu")
    public TemplateInstance create() {
        FormValues form = FormValues.empty();
        form.setAll("languages", List.of("de"));
        form.set("free", "true");
        return edit(null, form, FormErrors.none());
    }

    @POST
    @Path("angebote/neu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object createPosted(MultivaluedMap<String, String> posted) {
        FormValues form = FormValues.of(posted);
        ObjectNode body;
        try {
            body = OfferForm.toJson(form, ctx.claim("kreis_id"), gateway.mapper(), labels.form());
        } catch (OfferForm.LocalError e) {
            return Response.status(422).entity(edit(null, form, FormErrors.local(e.control, e.getMessage()))).build();
        }
        boolean publish = form.on("publish");
        try {
            JsonNode created = gateway.json(() -> api.createOffer(publish, body));
            return done("/kreis/angebote/" + created.path("id").asText(), "gespeichert");
        } catch (ApiException e) {
            return Response.status(422).entity(edit(null, form, OfferForm.errors(e.problem()))).build();
        }
    }

    @GET
    @Path("angebote/{id}")
    public TemplateInstance offer(@PathParam("id") String id, @RestQuery String erledigt) {
        Offer offer = gateway.read(() -> api.offer(uuid(id)), Offer.class);
        List<Change> history = new ArrayList<>();
        for (JsonNode c : gateway.json(() -> api.offerHistory(uuid(id)))) {
            List<String> fields = new ArrayList<>();
            c.path("fields").forEach(f -> fields.add(f.asText()));
            history.add(new Change(labels.dateTime(instant(c.path("at").asText(null))), c.path("by").asText(""),
                    c.path("action").asText(""), String.join(", ", fields), c.path("note").asText("")));
        }
        return Templates.offer(kreisName(), offer, rows(List.of(offer)).get(0), history, erledigt);
    }

    @GET
    @Path("angebote/{id}/bearbeiten")
    public TemplateInstance editForm(@PathParam("id") String id) {
        Offer offer = gateway.read(() -> api.offer(uuid(id)), Offer.class);
        return edit(id, OfferForm.from(offer), FormErrors.none());
    }

    @POST
    @Path("angebote/{id}/bearbeiten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object editPosted(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        String offerId = uuid(id);
        FormValues form = FormValues.of(posted);
        ObjectNode body;
        try {
            body = OfferForm.toJson(form, ctx.claim("kreis_id"), gateway.mapper(), labels.form());
        } catch (OfferForm.LocalError e) {
            return Response.status(422).entity(edit(id, form, FormErrors.local(e.control, e.getMessage()))).build();
        }
        try {
            gateway.json(() -> api.updateOffer(offerId, body));
            return done("/kreis/angebote/" + offerId, "gespeichert");
        } catch (ApiException e) {
            return Response.status(422).entity(edit(id, form, OfferForm.errors(e.problem()))).build();
        }
    }

    private TemplateInstance edit(String id, FormValues form, FormErrors errors) {
        List<Choice> fields = Arrays.stream(Field.values())
                .map(f -> new Choice(f.name(), labels.field(f.name()), form.checked("fields", f.name()))).toList();
        List<Choice> groups = Arrays.stream(TargetGroup.values())
                .map(g -> new Choice(g.name(), labels.targetGroup(g.name()), form.checked("targetGroups", g.name())))
                .toList();
        List<Choice> languages = OfferForm.OFFER_LANGUAGES.stream()
                .map(l -> new Choice(l, labels.language(l), form.checked("languages", l))).toList();
        List<TextLang> texts = OfferForm.TEXT_LANGUAGES.stream().map(l -> new TextLang(l, labels.language(l),
                de.handinhand.web.i18n.Lang.of(l).map(de.handinhand.web.i18n.Lang::dir).orElse("ltr"), l.equals("de")))
                .toList();
        return Templates.edit(kreisName(), id, form, errors, fields, groups, languages, texts);
    }

    private List<Row> proposals() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", "PROPOSED");
        query.put("size", "200");
        String kreis = ctx.claim("kreis_id");
        if (kreis != null) {
            query.put("kreis", kreis);
        }
        return rows(gateway.list(() -> api.offers(query), Offer.class));
    }

    private List<Row> rows(List<Offer> offers) {
        List<Row> rows = new ArrayList<>();
        for (Offer o : offers) {
            String title = o.germanTitle();
            rows.add(new Row(o.id(), title == null ? o.id() : title, o.provider(), o.municipality(), o.status(),
                    String.join(", ", o.fields().stream().map(labels::field).toList()), labels.date(o.createdAt()),
                    labels.date(o.lastConfirmedAt() != null ? o.lastConfirmedAt() : o.createdAt()),
                    o.origin() != null, o.goodPractice(), "/kreis/angebote/" + o.id()));
        }
        return rows;
    }

    private String kreisName() {
        String kreis = ctx.claim("kreis_id");
        return kreis == null ? "" : Places.kreisName(kreis);
    }

    private static String back(String target, String id) {
        return "liste".equals(target) ? "/kreis/ungeprueft" : "/kreis/angebote/" + id;
    }

    private static Response done(String path, String what) {
        return Response.seeOther(URI.create(path + "?erledigt=" + what)).build();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An id from a URL, checked before it goes into an API path. */
    static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundPage();
        }
    }
}
