package de.handinhand.catalogue.offer.service;

import de.handinhand.catalogue.offer.rest.Link;
import de.handinhand.catalogue.offer.rest.OfferRequest;
import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.common.web.problem.Errors;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks an offer as written, listing every problem at once with its field. */
final class OfferValidator {

    static final Pattern KREIS = Pattern.compile("[0-9]{5}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");
    static final int TITLE_MAX = 300;
    static final int DESCRIPTION_MAX = 10_000;
    static final int LIST_MAX = 20;
    static final int LINKS_MAX = 10;

    private OfferValidator() {
    }

    static void validate(OfferRequest r) {
        Errors errors = new Errors();
        if (r == null) {
            errors.add("body", "is required").throwIfAny();
        }
        if (r.title() == null || r.title().get("de") == null || r.title().get("de").isBlank()) {
            errors.add("title.de", "a German title is required");
        }
        texts(errors, "title", r.title(), TITLE_MAX);
        texts(errors, "description", r.description(), DESCRIPTION_MAX);
        errors.optionalText("provider", r.provider(), 300).optionalText("municipality", r.municipality(), 200)
                .optionalText("schedule", r.schedule(), 1_000).optionalText("accessibility", r.accessibility(), 2_000);
        if (r.kreisId() == null || !KREIS.matcher(r.kreisId()).matches()) {
            errors.add("kreisId", "must be the 5-digit AGS key of a Kreis, such as 09174");
        }
        codes(errors, "fields", r.fields(), code -> isField(code), "a field-of-action code such as SPRACHE");
        codes(errors, "targetGroups", r.targetGroups(), TargetGroup::isCode, "a target-group code such as ERWACHSENE");
        codes(errors, "languages", r.languages(), OfferLanguage::isCode,
                "a language code of GET /api/catalogue/taxonomy, such as de or ar");
        if (r.costCents() != null && r.costCents() < 0) {
            errors.add("costCents", "must not be negative");
        }
        if (Boolean.TRUE.equals(r.free()) && r.costCents() != null && r.costCents() > 0) {
            errors.add("costCents", "a free offer has no cost");
        }
        date(errors, "validFrom", r.validFrom());
        date(errors, "validUntil", r.validUntil());
        if (r.validFrom() != null && r.validUntil() != null && r.validUntil().isBefore(r.validFrom())) {
            errors.add("validUntil", "must not be before validFrom");
        }
        List<OfferRequest.Location> locations = r.locations() == null ? List.of() : r.locations();
        if (locations.size() > LIST_MAX) {
            errors.add("locations", "at most " + LIST_MAX + " locations");
        }
        for (int i = 0; i < locations.size() && i < LIST_MAX; i++) {
            OfferRequest.Location l = locations.get(i);
            String at = "locations[" + i + "]";
            if (l == null) {
                errors.add(at, "must not be null");
                continue;
            }
            errors.optionalText(at + ".address", l.address(), 300).optionalText(at + ".municipality", l.municipality(),
                    200);
            if ((l.lat() == null) != (l.lon() == null)) {
                errors.add(at, "give both lat and lon, or neither");
            }
            if (l.lat() != null && (l.lat().isNaN() || l.lat() < -90 || l.lat() > 90)) {
                errors.add(at + ".lat", "must be between -90 and 90");
            }
            if (l.lon() != null && (l.lon().isNaN() || l.lon() < -180 || l.lon() > 180)) {
                errors.add(at + ".lon", "must be between -180 and 180");
            }
            if (blank(l.address()) && l.lat() == null) {
                errors.add(at, "needs an address or coordinates");
            }
        }
        List<OfferRequest.Contact> contacts = r.contacts() == null ? List.of() : r.contacts();
        if (contacts.size() > 10) {
            errors.add("contacts", "at most 10 contacts");
        }
        for (int i = 0; i < contacts.size() && i < 10; i++) {
            OfferRequest.Contact c = contacts.get(i);
            String at = "contacts[" + i + "]";
            if (c == null) {
                errors.add(at, "must not be null");
                continue;
            }
            errors.optionalText(at + ".name", c.name(), 200).optionalText(at + ".role", c.role(), 200)
                    .optionalText(at + ".phone", c.phone(), 50).optionalText(at + ".email", c.email(), 320);
            if (c.email() != null && !c.email().isBlank() && !EMAIL.matcher(c.email().strip()).matches()) {
                errors.add(at + ".email", "is not an e-mail address");
            }
            if (blank(c.name()) && blank(c.email()) && blank(c.phone())) {
                errors.add(at, "needs a name, an e-mail address or a phone number");
            }
        }
        if (!blank(r.website())) {
            String problem = WebAddresses.problem(r.website());
            if (problem != null) {
                errors.add("website", problem);
            }
        }
        List<Link> links = r.links() == null ? List.of() : r.links();
        if (links.size() > LINKS_MAX) {
            errors.add("links", "at most " + LINKS_MAX + " links");
        }
        for (int i = 0; i < links.size() && i < LINKS_MAX; i++) {
            Link l = links.get(i);
            String at = "links[" + i + "]";
            if (l == null) {
                errors.add(at, "must not be null");
                continue;
            }
            errors.requireText(at + ".label", l.label(), 200).requireText(at + ".url", l.url(), WebAddresses.MAX);
            if (!blank(l.url()) && l.url().length() <= WebAddresses.MAX) {
                String problem = WebAddresses.problem(l.url());
                if (problem != null) {
                    errors.add(at + ".url", problem);
                }
            }
        }
        errors.throwIfAny();
    }

    private static boolean isField(String code) {
        try {
            FieldOfAction.valueOf(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void texts(Errors errors, String field, Map<String, String> texts, int max) {
        if (texts == null) {
            return;
        }
        if (texts.size() > LIST_MAX) {
            errors.add(field, "at most " + LIST_MAX + " languages");
            return;
        }
        texts.forEach((language, text) -> {
            if (!OfferLanguage.isCode(language)) {
                errors.add(field + "." + language, "keys are language codes of GET /api/catalogue/taxonomy, such as de or en");
            } else if (text != null && text.length() > max) {
                errors.add(field + "." + language, "must be at most " + max + " characters (is " + text.length() + ")");
            }
        });
    }

    private static void codes(Errors errors, String field, List<String> codes,
            java.util.function.Predicate<String> known, String expected) {
        if (codes == null) {
            return;
        }
        if (codes.size() > LIST_MAX) {
            errors.add(field, "at most " + LIST_MAX + " entries");
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !known.test(code)) {
                errors.add(field + "[" + i + "]", "must be " + expected);
            }
        }
    }

    private static void date(Errors errors, String field, LocalDate date) {
        if (date != null && (date.getYear() < 1970 || date.getYear() > 9999)) {
            errors.add(field, "must lie between 1970 and 9999");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
