package de.handinhand.catalogue.hsds.service;

import de.handinhand.catalogue.hsds.api.Hsds;
import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.Validity;
import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offer → HSDS service. Decisions: the German title is the name (the English one the alternate
 * name), only published offers are exported, one organization per provider name, fields of action
 * and target groups as terms of two taxonomies, an address only where the offer's address names a
 * five-digit postcode (HSDS requires one), the Bundesland from the Kreis key's first two digits.
 * The offer's website is the service's {@code url}; an organization gets none, since one provider's
 * offers may each have their own page and none of them need be the provider's. Further links have
 * no place in HSDS 3.0 and stay in the catalogue's own API.
 */
public final class HsdsMapper {

    private static final ZoneId BERLIN = Validity.ZONE;
    static final String FIELDS_TAXONOMY = "handinhand-handlungsfelder";
    static final String GROUPS_TAXONOMY = "handinhand-zielgruppen";
    static final String FLAGS_TAXONOMY = "handinhand-auszeichnungen";
    /**
     * "street, 12345 town" on the stripped address. Every quantifier is possessive: nothing is ever
     * given back, so the time is linear in the length whatever the text (the lazy, overlapping
     * {@code \s*([^,]+?)\s*} before took seconds on an address of a few thousand spaces).
     */
    private static final Pattern STREET_POSTCODE_CITY = Pattern.compile("([^,]++),\\s*+(\\d{5})\\s++(.++)");
    private static final Map<String, String> LANDER = Map.ofEntries(
            Map.entry("01", "Schleswig-Holstein"), Map.entry("02", "Hamburg"), Map.entry("03", "Niedersachsen"),
            Map.entry("04", "Bremen"), Map.entry("05", "Nordrhein-Westfalen"), Map.entry("06", "Hessen"),
            Map.entry("07", "Rheinland-Pfalz"), Map.entry("08", "Baden-Württemberg"), Map.entry("09", "Bayern"),
            Map.entry("10", "Saarland"), Map.entry("11", "Berlin"), Map.entry("12", "Brandenburg"),
            Map.entry("13", "Mecklenburg-Vorpommern"), Map.entry("14", "Sachsen"), Map.entry("15", "Sachsen-Anhalt"),
            Map.entry("16", "Thüringen"));

    private HsdsMapper() {
    }

    /** The organization id of a provider: the same name always gives the same id. */
    public static UUID organizationId(String provider) {
        return UUID.nameUUIDFromBytes(("handinhand-organization:" + provider).getBytes(StandardCharsets.UTF_8));
    }

    public static Hsds.Organization organization(String provider, long offers, List<String> places) {
        String where = places.isEmpty() ? "" : " in " + String.join(", ", places);
        return new Hsds.Organization(organizationId(provider), provider, "Träger von " + offers
                + (offers == 1 ? " veröffentlichten Integrationsangebot" : " veröffentlichten Integrationsangeboten")
                + where + " (Katalog Hand in Hand).");
    }

    public static Hsds.Service service(Offer o, LocalDate today) {
        UUID id = o.id;
        String name = text(o.title, "de");
        String english = text(o.title, "en");
        String description = text(o.description, "de");
        boolean ended = Validity.expired(o.validUntil, today);

        List<Hsds.Language> languages = new ArrayList<>();
        for (String code : array(o.languages)) {
            languages.add(new Hsds.Language(child(id, "language", code), id,
                    OfferLanguage.of(code).map(OfferLanguage::labelDe).orElse(code), code));
        }
        List<Hsds.Schedule> schedules = new ArrayList<>();
        if (o.schedule != null || o.validFrom != null || o.validUntil != null) {
            schedules.add(new Hsds.Schedule(child(id, "schedule", "0"), id, date(o.validFrom), date(o.validUntil),
                    o.schedule));
        }
        List<Hsds.ServiceAtLocation> places = new ArrayList<>();
        List<Map<String, Object>> locations = o.locations == null ? List.of() : o.locations;
        for (int i = 0; i < locations.size(); i++) {
            places.add(place(o, i, locations.get(i)));
        }
        List<Hsds.CostOption> costs = new ArrayList<>();
        if (!o.free && o.costCents != null) {
            costs.add(new Hsds.CostOption(child(id, "cost", "0"), id, "Teilnahmebeitrag", "EUR",
                    BigDecimal.valueOf(o.costCents).movePointLeft(2), null));
        }
        List<Hsds.Contact> contacts = new ArrayList<>();
        List<Map<String, Object>> people = o.contacts == null ? List.of() : o.contacts;
        String email = null;
        for (int i = 0; i < people.size(); i++) {
            Map<String, Object> c = people.get(i);
            UUID contactId = child(id, "contact", String.valueOf(i));
            String phone = string(c.get("phone"));
            String mail = string(c.get("email"));
            if (email == null) {
                email = mail;
            }
            contacts.add(new Hsds.Contact(contactId, id, string(c.get("name")), string(c.get("role")), mail,
                    phone == null ? List.of() : List.of(new Hsds.Phone(child(contactId, "phone", "0"), contactId, phone))));
        }
        List<Hsds.Attribute> attributes = new ArrayList<>();
        for (String code : array(o.fields)) {
            String label = label(code, FieldOfAction.class);
            attributes.add(attribute(id, FIELDS_TAXONOMY, code, label, "Handlungsfeld: " + label));
        }
        for (String code : array(o.targetGroups)) {
            String label = label(code, TargetGroup.class);
            attributes.add(attribute(id, GROUPS_TAXONOMY, code, label, "Zielgruppe: " + label));
        }
        if (o.goodPractice) {
            attributes.add(attribute(id, FLAGS_TAXONOMY, "GOOD_PRACTICE", "Gute Praxis",
                    "Aus einem Wettbewerbsbeitrag einer Kommune übernommenes Beispiel guter Praxis"));
        }
        if (o.awardWinner) {
            attributes.add(attribute(id, FLAGS_TAXONOMY, "AWARD_WINNER", "Preisträger",
                    "Von der Jury eines Wettbewerbs ausgezeichnet"));
        }
        String fees = o.free ? "kostenlos" : o.costCents == null ? null : euros(o.costCents);
        return new Hsds.Service(id, o.provider == null ? null : organizationId(o.provider), name, english, description,
                o.website, email, ended ? "inactive" : "active", fees,
                o.lastConfirmedAt == null ? null : o.lastConfirmedAt.atZone(BERLIN).toLocalDate().toString(),
                o.updatedAt == null ? null : DateTimeFormatter.ISO_INSTANT.format(o.updatedAt.truncatedTo(ChronoUnit.MILLIS)),
                languages, schedules, places, costs, contacts, attributes);
    }

    private static Hsds.ServiceAtLocation place(Offer o, int i, Map<String, Object> l) {
        UUID locationId = child(o.id, "location", String.valueOf(i));
        String address = string(l.get("address"));
        String city = string(l.get("municipality"));
        if (city == null) {
            city = o.municipality;
        }
        List<Hsds.Address> addresses = new ArrayList<>();
        if (address != null) {
            Matcher m = STREET_POSTCODE_CITY.matcher(address.strip());
            if (m.matches()) {
                String land = o.kreisId == null ? null : LANDER.get(o.kreisId.substring(0, 2));
                if (land != null) {
                    addresses.add(new Hsds.Address(child(locationId, "address", "0"), locationId, m.group(1).strip(),
                            m.group(3), land, m.group(2), "DE", "physical"));
                }
            }
        }
        List<Hsds.Accessibility> access = o.accessibility == null ? List.of()
                : List.of(new Hsds.Accessibility(child(locationId, "accessibility", "0"), locationId, o.accessibility));
        Double lat = l.get("lat") instanceof Number n ? n.doubleValue() : null;
        Double lon = l.get("lon") instanceof Number n ? n.doubleValue() : null;
        Hsds.Location location = new Hsds.Location(locationId, "physical", city, address, lat, lon, addresses, access);
        return new Hsds.ServiceAtLocation(child(o.id, "service_at_location", String.valueOf(i)), o.id, locationId,
                location);
    }

    private static Hsds.Attribute attribute(UUID serviceId, String taxonomy, String code, String name,
            String description) {
        UUID term = UUID.nameUUIDFromBytes((taxonomy + ":" + code).getBytes(StandardCharsets.UTF_8));
        return new Hsds.Attribute(child(serviceId, "attribute", taxonomy + ":" + code), serviceId, "service",
                "service", term, code, new Hsds.TaxonomyTerm(term, code, name, description, taxonomy, "de"));
    }

    private static <E extends Enum<E>> String label(String code, Class<E> codes) {
        try {
            Enum<E> value = Enum.valueOf(codes, code);
            return value instanceof FieldOfAction f ? f.labelDe() : ((TargetGroup) value).labelDe();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** A nested object's id: derived from its parent's id, its kind and its position or key. */
    static UUID child(UUID parent, String kind, String key) {
        return UUID.nameUUIDFromBytes((parent + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String euros(long cents) {
        return String.format(Locale.GERMANY, "%,.2f €", cents / 100.0);
    }

    private static String text(Map<String, String> texts, String language) {
        return texts == null ? null : texts.get(language);
    }

    private static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> array(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
