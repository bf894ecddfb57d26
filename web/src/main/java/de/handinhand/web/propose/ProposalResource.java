package de.handinhand.web.propose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.api.Api;
import de.handinhand.web.api.ApiException;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.api.Offer;
import de.handinhand.web.common.FormErrors;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.common.NotFoundPage;
import de.handinhand.web.common.PageContext;
import de.handinhand.web.i18n.Labels;
import de.handinhand.web.i18n.Taxonomy;
import de.handinhand.web.kreis.KreisResource;
import de.handinhand.web.kreis.KreisResource.Choice;
import de.handinhand.web.kreis.KreisResource.TextLang;
import de.handinhand.web.kreis.OfferForm;
import de.handinhand.web.navigator.Places;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A person's own offer proposals (anyone signed in, whatever their roles, also none: a volunteer,
 * an initiative, a municipality): propose an offer to a Kreis office, and follow every proposal
 * with its state and, when the office rejected it, the office's reason
 * ({@code GET /api/catalogue/offers/mine}). The API decides what is whose: another person's
 * proposal is a 404 there, and so the plain 404 page here.
 */
@Path("/vorschlaege")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProposalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<Row> proposals, String done);

        static native TemplateInstance propose(String ownKreis, List<Choice> kreise, FormValues form,
                FormErrors errors, List<Choice> fields, List<Choice> targetGroups, List<Choice> languages,
                List<TextLang> textLanguages);

        static native TemplateInstance proposal(Offer offer, Row row, String topics, String groups,
                String languages);
    }

    /** A proposal as the list shows it. */
    public record Row(String id, String href, String title, String titleLang, String kreis, String proposed,
            String status, String reason, boolean derived) {
    }

    /** The API's largest page; the list shows the newest this many. */
    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 25;

    private final Api api;
    private final Gateway gateway;
    private final Labels labels;
    private final PageContext ctx;

    public ProposalResource(@RestClient Api api, Gateway gateway, Labels labels, PageContext ctx) {
        this.api = api;
        this.gateway = gateway;
        this.labels = labels;
        this.ctx = ctx;
    }

    @GET
    public TemplateInstance mine(@RestQuery String erledigt) {
        List<Offer> offers = gateway.list(() -> api.ownProposals(ctx.langCode(), 0, PAGE_SIZE), Offer.class);
        return Templates.mine(offers.stream().map(this::row).toList(), erledigt);
    }

    @GET
    @Path("neu")
    public TemplateInstance form() {
        FormValues form = FormValues.empty();
        form.setAll("languages", List.of("de"));
        form.set("free", "true");
        String home = homeKreis();
        if (home != null) {
            form.set("kreisId", home);
        }
        return propose(form, FormErrors.none());
    }

    @POST
    @Path("neu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object proposed(MultivaluedMap<String, String> posted) {
        FormValues form = FormValues.of(posted);
        String own = ctx.claim("kreis_id");
        // A Kreis office proposes in its own Kreis; anyone else names the office it is meant for.
        String kreis = own != null ? own : form.text("kreisId");
        ObjectNode body;
        try {
            body = OfferForm.toJson(form, kreis, gateway.mapper(), labels.form());
        } catch (OfferForm.LocalError e) {
            return Response.status(422).entity(propose(form, FormErrors.local(e.control, e.getMessage()))).build();
        }
        try {
            gateway.json(() -> api.createOffer(false, body));
        } catch (ApiException e) {
            return Response.status(422).entity(propose(form, OfferForm.errors(e.problem()))).build();
        }
        return Response.seeOther(URI.create("/vorschlaege?erledigt=vorgeschlagen")).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance proposal(@PathParam("id") String id) {
        String offerId = uuid(id);
        // Only the caller's own: an offer of someone else that happens to be public is not "my proposal".
        Offer offer = own(offerId);
        return Templates.proposal(offer, row(offer), String.join(", ", offer.fields().stream().map(labels::field)
                .toList()), String.join(", ", offer.targetGroups().stream().map(labels::targetGroup).toList()),
                String.join(", ", offer.languages().stream().map(labels::language).toList()));
    }

    /** One of the caller's own proposals, looked for page by page in their list; else the 404 page. */
    private Offer own(String offerId) {
        for (int page = 0; page < MAX_PAGES; page++) {
            int p = page;
            List<Offer> offers = gateway.list(() -> api.ownProposals(ctx.langCode(), p, PAGE_SIZE), Offer.class);
            for (Offer o : offers) {
                if (offerId.equals(o.id())) {
                    return o;
                }
            }
            if (offers.size() < PAGE_SIZE) {
                break;
            }
        }
        throw new NotFoundPage();
    }

    private TemplateInstance propose(FormValues form, FormErrors errors) {
        String own = ctx.claim("kreis_id");
        List<Choice> kreise = new ArrayList<>();
        Places.KREISE.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(k -> kreise.add(new Choice(k.getKey(), k.getValue(), k.getKey().equals(form.value("kreisId")))));
        List<TextLang> texts = OfferForm.TEXT_LANGUAGES.stream().map(l -> new TextLang(l, labels.language(l),
                de.handinhand.web.i18n.Lang.of(l).map(de.handinhand.web.i18n.Lang::dir).orElse("ltr"), l.equals("de")))
                .toList();
        return Templates.propose(own == null ? null : Places.kreisName(own), kreise, form, errors,
                KreisResource.choices(labels, form, "fields", Taxonomy.FIELDS, labels::field),
                KreisResource.choices(labels, form, "targetGroups", Taxonomy.TARGET_GROUPS, labels::targetGroup),
                KreisResource.choices(labels, form, "languages", Taxonomy.LANGUAGES, labels::language), texts);
    }

    /** The Kreis of the person's municipality (its first five digits), the likeliest office for them. */
    private String homeKreis() {
        String municipality = ctx.claim("municipality_id");
        if (municipality != null && municipality.length() >= 5 && Places.KREISE.containsKey(municipality.substring(0, 5))) {
            return municipality.substring(0, 5);
        }
        return null;
    }

    private Row row(Offer o) {
        String title = o.displayTitle() != null ? o.displayTitle() : o.germanTitle();
        String reason = o.rejectionReason() != null ? o.rejectionReason() : o.reviewNote();
        return new Row(o.id(), "/vorschlaege/" + o.id(), title == null ? o.id() : title,
                o.displayLanguage() == null ? "de" : o.displayLanguage(),
                o.kreisId() == null ? "" : Places.kreisName(o.kreisId()), labels.date(o.createdAt()),
                o.status() == null ? "" : o.status(), "REJECTED".equals(o.status()) ? reason : null,
                o.origin() != null);
    }

    static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundPage();
        }
    }
}
