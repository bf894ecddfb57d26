package de.handinhand.common.web.text;

import java.util.OptionalInt;

/**
 * Text the services accept holds no control characters except tab, line feed and carriage
 * return. U+0000 in particular cannot be stored by PostgreSQL at all (neither in text nor in
 * jsonb), and the other C0 controls have no business in names, titles or answers.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first forbidden character, if any. */
    public static OptionalInt find(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    /** How an error message names the character found at {@code index}. */
    public static String describe(CharSequence text, int index) {
        return String.format("must not contain control characters (U+%04X at position %d)", (int) text.charAt(index),
                index + 1);
    }
}
