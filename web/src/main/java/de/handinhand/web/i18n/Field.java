package de.handinhand.web.i18n;

import java.util.Optional;

/** The fields of action of API.md; their labels are in the message bundles ({@code field_WOHNEN}). */
public enum Field {
    WOHNEN, SOZIALE_INFRASTRUKTUR, BILDUNG, BESCHAEFTIGUNG, KULTUR, SPORT, GESUNDHEIT, UMWELT, BETEILIGUNG,
    ENGAGEMENT, SPRACHE, SICHERHEIT_RASSISMUS, FAMILIE;

    public static Optional<Field> of(String code) {
        for (Field f : values()) {
            if (f.name().equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
