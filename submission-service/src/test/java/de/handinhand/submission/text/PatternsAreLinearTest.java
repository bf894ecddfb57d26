package de.handinhand.submission.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.RegexWork;
import de.handinhand.common.testing.RegexWork.Use;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every pattern of the submission service that a caller's text meets (an uploaded report's lines, a
 * form's answers, an attachment's Content-Disposition, a field path) does work linear in the text's
 * length on hostile input, counted by {@link RegexWork} rather than timed. The legacy parsers search
 * within lines ({@code find}, {@code replaceAll}), the strictest use, so theirs are checked that way.
 */
class PatternsAreLinearTest {

    private static Map<String, Pattern> constants(String... classes) throws ClassNotFoundException {
        Map<String, Pattern> found = new LinkedHashMap<>();
        for (String name : classes) {
            found.putAll(RegexWork.constantsOf(Class.forName(name)));
        }
        return found;
    }

    @Test
    void patternsThatSearchTheTextAreLinear() throws Exception {
        Map<String, Pattern> patterns = constants(
                "de.handinhand.submission.legacy.parse.DialogReportParser",
                "de.handinhand.submission.legacy.parse.ValueParsers",
                "de.handinhand.submission.legacy.parse.LegacyParser",
                "de.handinhand.submission.attachment.rest.AttachmentResource");
        assertTrue(patterns.size() >= 25, "the constants were found: " + patterns.keySet());
        RegexWork.assertLinear(Use.FIND, patterns);
    }

    @Test
    void patternsAppliedToAWholeValueAreLinear() throws Exception {
        RegexWork.assertLinear(Use.MATCHES, constants(
                "de.handinhand.submission.form.FormValidator",
                "de.handinhand.submission.submission.DerivedFields",
                "de.handinhand.submission.legacy.service.LegacyImportService",
                "de.handinhand.submission.validation.CrossFieldRules$Validator"));
    }
}
