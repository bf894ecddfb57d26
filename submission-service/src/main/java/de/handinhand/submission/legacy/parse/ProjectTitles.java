package de.handinhand.submission.legacy.parse;

import java.util.Optional;

/**
 * A title for a single project whose export has none (no D10), taken from its description: the
 * first quoted name near the start („Nachbarschaftscafé Mitte“, "Fahrradwerkstatt", »Café
 * Vielfalt«), else the first words of its first sentence. The import marks such a title as
 * derived, so nobody mistakes it for the municipality's own.
 */
final class ProjectTitles {

    /** Quoted names are looked for only near the start, where a project introduces itself. */
    static final int LOOK_FOR_NAME_WITHIN = 600;
    static final int MAX_WORDS = 8;
    static final int MAX_LENGTH = 90;
    private static final String OPENING = "„“\"»«‚";
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("und", "oder", "der", "die", "das",
            "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "mit", "in", "im", "von", "vom", "zu", "zum",
            "zur", "für", "auf", "an", "am", "bei", "aus", "nach", "sowie", "als", "wie");

    private ProjectTitles() {
    }

    static Optional<String> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String body = text.strip();
        Optional<String> quoted = quotedName(body);
        if (quoted.isPresent()) {
            return quoted;
        }
        return firstWords(body);
    }

    /** The first quoted run of 4–90 characters with a letter, at most 8 words and no sentence inside. */
    static Optional<String> quotedName(String text) {
        int limit = Math.min(text.length(), LOOK_FOR_NAME_WITHIN);
        for (int i = 0; i < limit; i++) {
            char open = text.charAt(i);
            if (OPENING.indexOf(open) < 0) {
                continue;
            }
            int close = closing(text, i + 1, open);
            if (close < 0) {
                continue;
            }
            String inner = text.substring(i + 1, close).strip();
            if (isName(inner)) {
                return Optional.of(inner);
            }
            i = close;
        }
        return Optional.empty();
    }

    private static int closing(String text, int from, char open) {
        String closers = switch (open) {
            case '„' -> "“”\"";
            case '»' -> "«";
            case '«' -> "»";
            case '‚' -> "‘’";
            default -> "”“\"";
        };
        int end = Math.min(text.length(), from + MAX_LENGTH + 1);
        for (int j = from; j < end; j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return -1;
            }
            if (closers.indexOf(c) >= 0) {
                return j;
            }
        }
        return -1;
    }

    private static boolean isName(String inner) {
        if (inner.length() < 4 || inner.length() > MAX_LENGTH || inner.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        char last = inner.charAt(inner.length() - 1);
        // A quoted sentence ("Ich habe nie gedacht, dass …") is speech, not a name.
        return ".,;:?!…".indexOf(last) < 0 && inner.split("\\s+").length <= MAX_WORDS;
    }

    /** The first sentence's first words: at most 8 words and 90 characters, "…" when cut. */
    static Optional<String> firstWords(String text) {
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replaceFirst("^[-•*–·]\\s*", "");
        int end = sentenceEnd(line);
        String sentence = line.substring(0, end).strip();
        String[] words = sentence.split("\\s+", MAX_WORDS + 1);
        StringBuilder title = new StringBuilder();
        boolean cut = false;
        for (String word : words) {
            if (title.length() > 0 && (title.length() + 1 + word.length() > MAX_LENGTH
                    || title.toString().split(" ").length >= MAX_WORDS)) {
                cut = true;
                break;
            }
            if (title.length() > 0) {
                title.append(' ');
            }
            title.append(word, 0, Math.min(word.length(), MAX_LENGTH + 1));
        }
        String result = DialogReportParser.trim(title.toString(), "", ",;:–-");
        if (cut) {
            // "… Alteingesessene und …" reads badly: a cut title ends on a word that carries meaning.
            String[] kept = result.split(" ");
            int count = kept.length;
            while (count > 1 && FUNCTION_WORDS.contains(kept[count - 1].toLowerCase(java.util.Locale.GERMAN))) {
                count--;
            }
            result = DialogReportParser.trim(String.join(" ", java.util.Arrays.copyOf(kept, count)), "", ",;:–-");
        }
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH).strip();
            cut = true;
        }
        if (result.chars().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.of(cut ? result + " …" : result);
    }

    /** Where the first sentence ends: '.', '!', '?' or ':' before a space, or the end; not after a single letter ("z.B."). */
    private static int sentenceEnd(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' && i + 1 < line.length() && Character.isWhitespace(line.charAt(i + 1))) {
                return i; // "… warum sie helfen: „Ich habe …“" — what follows a colon is not the name
            }
            if (".!?".indexOf(c) >= 0 && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
                boolean abbreviation = c == '.' && i >= 1 && Character.isLetter(line.charAt(i - 1))
                        && (i < 2 || !Character.isLetter(line.charAt(i - 2)));
                boolean ordinal = c == '.' && i >= 1 && Character.isDigit(line.charAt(i - 1));
                if (!abbreviation && !ordinal) {
                    return i;
                }
            }
        }
        return line.length();
    }
}
