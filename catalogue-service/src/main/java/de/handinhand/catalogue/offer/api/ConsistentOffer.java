package de.handinhand.catalogue.offer.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rules of an offer that combine fields, checked with the fields' own constraints so that a
 * caller learns every problem at once, each at its JSON path: a German title ({@code title.de}), no
 * cost for a free offer, validity from 1970 to 9999 and not ending before it starts, a location
 * with both coordinates or neither and an address or coordinates, a contact that can be reached.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ConsistentOffer.Check.class)
public @interface ConsistentOffer {

    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ConsistentOffer, OfferRequest> {

        private static final int FIRST_YEAR = 1970;
        private static final int LAST_YEAR = 9999;

        @Override
        public boolean isValid(OfferRequest r, ConstraintValidatorContext context) {
            if (r == null) {
                return true;
            }
            Findings found = new Findings(context);
            if (r.title() != null && blank(r.title().get("de"))) {
                found.inMap("title", "de", "a German title is required");
            }
            if (Boolean.TRUE.equals(r.free()) && r.costCents() != null && r.costCents() > 0) {
                found.at("costCents", "a free offer has no cost");
            }
            plausible(found, "validFrom", r.validFrom());
            plausible(found, "validUntil", r.validUntil());
            if (r.validFrom() != null && r.validUntil() != null && r.validUntil().isBefore(r.validFrom())) {
                found.at("validUntil", "must not be before validFrom");
            }
            List<OfferRequest.Location> locations = r.locations() == null ? List.of() : r.locations();
            for (int i = 0; i < locations.size(); i++) {
                OfferRequest.Location l = locations.get(i);
                if (l == null) {
                    continue;
                }
                if ((l.lat() == null) != (l.lon() == null)) {
                    found.inList("locations", i, "give both lat and lon, or neither");
                }
                if (blank(l.address()) && l.lat() == null) {
                    found.inList("locations", i, "needs an address or coordinates");
                }
            }
            List<OfferRequest.Contact> contacts = r.contacts() == null ? List.of() : r.contacts();
            for (int i = 0; i < contacts.size(); i++) {
                OfferRequest.Contact c = contacts.get(i);
                if (c != null && blank(c.name()) && blank(c.email()) && blank(c.phone())) {
                    found.inList("contacts", i, "needs a name, an e-mail address or a phone number");
                }
            }
            return found.none();
        }

        private static void plausible(Findings found, String field, LocalDate date) {
            if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
                found.at(field, "must lie between " + FIRST_YEAR + " and " + LAST_YEAR);
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** Violations placed where the caller's JSON has the field, as Hibernate Validator places its own. */
    final class Findings {

        private final ConstraintValidatorContext context;
        private boolean any;

        Findings(ConstraintValidatorContext context) {
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void at(String field, String message) {
            context.buildConstraintViolationWithTemplate(Templates.literal(message)).addPropertyNode(field)
                    .addConstraintViolation();
            any = true;
        }

        /** {@code title.de}: the value of a map entry, as a violation of {@code Map<String, @Size String>} is placed. */
        void inMap(String field, String key, String message) {
            context.buildConstraintViolationWithTemplate(Templates.literal(message)).addPropertyNode(field)
                    .addContainerElementNode("<map value>", Map.class, 1).inIterable().atKey(key)
                    .addConstraintViolation();
            any = true;
        }

        /** {@code locations[1]}: an element of a list as a whole. */
        void inList(String field, int index, String message) {
            context.buildConstraintViolationWithTemplate(Templates.literal(message)).addPropertyNode(field)
                    .addBeanNode().inIterable().atIndex(index).addConstraintViolation();
            any = true;
        }

        boolean none() {
            return !any;
        }
    }
}
