package de.handinhand.submission.legacy.parse;

import java.util.List;
import java.util.Map;

/**
 * What the parser made of a text export. {@code municipalityName/type/bundesland} are what the
 * contact block says (used to find the municipality, not stored as answers); {@code unplaced}
 * holds every non-blank line the parser could not place, verbatim, in runs of consecutive lines;
 * {@code derived} lists the field paths whose value the parser derived rather than read as the
 * answer to its question ({@code projects[1].answers.D10} for a title taken from the project's
 * text, {@code answers.F90} for a total summed from the cost lines).
 */
public record ParsedEntry(
        String municipalityName,
        String municipalityType,
        String bundesland,
        String title,
        String summary,
        String description,
        Map<String, Object> answers,
        List<Map<String, Object>> projects,
        List<String> unplaced,
        List<String> derived) {
}
