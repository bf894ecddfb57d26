package de.handinhand.submission.report.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/submissions/{id}/report}: the report's answers, keyed by the codes of the
 * PROJEKTBERICHT form ({@code GET /api/calls/{id}/report-form}); each is checked against the form.
 * The body replaces the draft's answers as a whole.
 */
@Schema(name = "ReportRequest", example = """
        {"answers": {"R10": "Zwölf Kochabende im Jugendhaus, abwechselnd syrisch, afghanisch und schwäbisch ...",
         "R20": 86, "R21": 41, "R22": 9, "R23": 12,
         "R30": 60000, "R31": 45000, "R34": 80000, "R38": 185000,
         "R40": "YES", "R41": "Der Kochabend bleibt, das Jugendhaus stellt die Küche weiter."}}""")
public record ReportRequest(
        @Schema(description = "Answers keyed by question code (R10…R41); each is checked against the report form")
        Map<String, Object> answers) {
}
