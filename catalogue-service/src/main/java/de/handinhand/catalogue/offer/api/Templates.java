package de.handinhand.catalogue.offer.api;

/** Messages of custom violations, which Bean Validation reads as templates. */
final class Templates {

    private Templates() {
    }

    /** {@code message} as a template that is taken literally: no {@code {...}} or {@code ${...}} in it is interpolated. */
    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
