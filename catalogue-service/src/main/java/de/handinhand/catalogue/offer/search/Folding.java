package de.handinhand.catalogue.offer.search;

import de.handinhand.common.messaging.codes.FieldOfAction;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** The text folding that documents and queries share. */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Folding() {
    }

    /**
     * Lower case, German umlauts spelled out (ü → ue), other accents dropped (Café → cafe), so
     * that typed "ue" and written "ü" meet.
     */
    public static String fold(String text) {
        String umlauts = FieldOfAction.fold(text);
        return MARKS.matcher(Normalizer.normalize(umlauts, Normalizer.Form.NFD)).replaceAll("");
    }
}
