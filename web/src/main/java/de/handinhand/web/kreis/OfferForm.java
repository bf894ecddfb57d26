package de.handinhand.web.kreis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.api.Offer;
import de.handinhand.web.common.FormErrors;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.i18n.FormMsg;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The offer form of a Kreis office: one location and one contact person, texts in the pages'
 * languages. Controls are named after the API's fields ({@code title.de}, {@code locations[0].lat})
 * so the API's errors land next to them; only the cost is typed in euros.
 */
public final class OfferForm {

    static final List<String> TEXT_LANGUAGES = List.of("de", "en", "ar", "fa", "uk", "tr");
    static final List<String> OFFER_LANGUAGES = List.of("de", "en", "ar", "fa", "uk", "tr", "ru", "ti", "ps", "fr");
    static final Set<String> CONTROLS = Set.of("title.de", "title.en", "title.ar", "title.fa", "title.uk", "title.tr",
            "description.de", "description.en", "description.ar", "description.fa", "description.uk",
            "description.tr", "title", "description", "provider", "municipality", "kreisId", "fields",
            "targetGroups", "languages", "free", "cost", "validFrom", "validUntil", "locations[0].address",
            "locations[0].lat", "locations[0].lon", "locations[0]", "contacts[0].name", "contacts[0].role",
            "contacts[0].email", "contacts[0].phone", "contacts[0]", "schedule", "accessibility");

    private OfferForm() {
    }

    /** The form filled from an offer, to edit it. */
    static FormValues from(Offer o) {
        FormValues v = FormValues.empty();
        for (String l : TEXT_LANGUAGES) {
            v.set("title." + l, o.title() == null ? null : o.title().get(l));
            v.set("description." + l, o.description() == null ? null : o.description().get(l));
        }
        v.set("provider", o.provider());
        v.set("municipality", o.municipality());
        v.setAll("fields", o.fields());
        v.setAll("targetGroups", o.targetGroups());
        v.setAll("languages", o.languages());
        v.set("free", o.free() ? "true" : null);
        v.set("cost", o.costCents() == null ? null : BigDecimal.valueOf(o.costCents(), 2).toPlainString()
                .replace('.', ','));
        v.set("validFrom", o.validFrom() == null ? null : o.validFrom().toString());
        v.set("validUntil", o.validUntil() == null ? null : o.validUntil().toString());
        if (!o.locations().isEmpty()) {
            Offer.Location l = o.locations().get(0);
            v.set("locations[0].address", l.address());
            v.set("locations[0].lat", l.lat() == null ? null : l.lat().toString());
            v.set("locations[0].lon", l.lon() == null ? null : l.lon().toString());
        }
        if (!o.contacts().isEmpty()) {
            Offer.Contact c = o.contacts().get(0);
            v.set("contacts[0].name", c.name());
            v.set("contacts[0].role", c.role());
            v.set("contacts[0].email", c.email());
            v.set("contacts[0].phone", c.phone());
        }
        v.set("schedule", o.schedule());
        v.set("accessibility", o.accessibility());
        return v;
    }

    /** The API body for the typed form; a cost or coordinate that is no number is refused here, by name. */
    static ObjectNode toJson(FormValues v, String kreisId, ObjectMapper mapper, FormMsg msg) throws LocalError {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode title = body.putObject("title");
        ObjectNode description = body.putObject("description");
        for (String l : TEXT_LANGUAGES) {
            putText(title, l, v.text("title." + l));
            putText(description, l, v.text("description." + l));
        }
        body.put("provider", v.text("provider"));
        body.put("kreisId", kreisId);
        body.put("municipality", v.text("municipality"));
        array(body.putArray("fields"), v.values("fields"));
        array(body.putArray("targetGroups"), v.values("targetGroups"));
        array(body.putArray("languages"), new LinkedHashSet<>(v.values("languages")).stream().toList());
        boolean free = v.on("free");
        body.put("free", free);
        Long cents = null;
        if (v.text("cost") != null) {
            try {
                cents = new BigDecimal(v.text("cost").replace("€", "").strip().replace(".", "").replace(',', '.'))
                        .movePointRight(2).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new LocalError("cost", msg.money_invalid());
            }
        }
        if (cents == null) {
            body.putNull("costCents");
        } else {
            body.put("costCents", cents);
        }
        body.put("validFrom", v.text("validFrom"));
        body.put("validUntil", v.text("validUntil"));
        ArrayNode locations = body.putArray("locations");
        if (v.text("locations[0].address") != null || v.text("locations[0].lat") != null
                || v.text("locations[0].lon") != null) {
            ObjectNode l = locations.addObject();
            l.put("address", v.text("locations[0].address"));
            l.put("municipality", v.text("municipality"));
            putNumber(l, "lat", v.text("locations[0].lat"), "locations[0].lat", msg);
            putNumber(l, "lon", v.text("locations[0].lon"), "locations[0].lon", msg);
        }
        ArrayNode contacts = body.putArray("contacts");
        if (v.text("contacts[0].name") != null || v.text("contacts[0].email") != null
                || v.text("contacts[0].phone") != null || v.text("contacts[0].role") != null) {
            ObjectNode c = contacts.addObject();
            c.put("name", v.text("contacts[0].name"));
            c.put("role", v.text("contacts[0].role"));
            c.put("email", v.text("contacts[0].email"));
            c.put("phone", v.text("contacts[0].phone"));
        }
        body.put("schedule", v.text("schedule"));
        body.put("accessibility", v.text("accessibility"));
        return body;
    }

    /** The API's errors named by our controls (costCents is typed as cost, in euros). */
    static FormErrors errors(de.handinhand.web.api.ApiProblem problem) {
        return FormErrors.of(problem, CONTROLS, field -> field.equals("costCents") ? "cost" : null);
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static void array(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putNumber(ObjectNode node, String key, String value, String control, FormMsg msg)
            throws LocalError {
        if (value == null) {
            node.putNull(key);
            return;
        }
        try {
            node.put(key, Double.parseDouble(value.replace(',', '.')));
        } catch (NumberFormatException e) {
            throw new LocalError(control, msg.number_invalid());
        }
    }

    /** A value the page itself cannot turn into the API's type. */
    static final class LocalError extends Exception {
        final String control;

        LocalError(String control, String message) {
            super(message, null, false, false);
            this.control = control;
        }
    }
}
