package de.handinhand.web.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.web.api.ApiProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

    static final Set<String> CONTROLS = Set.of("title.de", "fields", "locations[0].lat", "locations[0]", "cost",
            "answers.C23", "projects[0].answers.D10", "projects");

    @Test
    void eachApiErrorLandsAtTheControlItNames() {
        ApiProblem problem = new ApiProblem("urn:x", "Invalid", 422, "2 fields", List.of(
                new ApiProblem.FieldError("title.de", "a German title is required"),
                new ApiProblem.FieldError("fields[2]", "must be a field-of-action code"),
                new ApiProblem.FieldError("locations[0].lat", "must be between -90 and 90"),
                new ApiProblem.FieldError("costCents", "must not be negative"),
                new ApiProblem.FieldError("answers.C23", "is required"),
                new ApiProblem.FieldError("projects[0].answers.D10", "is required")));
        FormErrors errors = FormErrors.of(problem, CONTROLS, f -> f.equals("costCents") ? "cost" : null);
        assertEquals("a German title is required", errors.message("title.de"));
        assertEquals("must be a field-of-action code", errors.message("fields"));
        assertEquals("must be between -90 and 90", errors.message("locations[0].lat"));
        assertFalse(errors.has("locations[0]"));
        assertEquals("must not be negative", errors.message("cost"));
        assertEquals("is required", errors.message("answers.C23"));
        assertEquals("is required", errors.message("projects[0].answers.D10"));
        assertEquals(6, errors.items().size());
        assertEquals("#f-title-de", errors.items().get(0).href());
    }

    @Test
    void anErrorNamingNoControlStaysInTheSummary() {
        ApiProblem problem = new ApiProblem(null, "Conflict", 409, "The call is closed",
                List.of(new ApiProblem.FieldError("phase", "is CLOSED")));
        FormErrors errors = FormErrors.of(problem, CONTROLS, f -> null);
        assertTrue(errors.any());
        assertNull(errors.items().get(0).href());
        assertEquals("phase: is CLOSED", errors.items().get(0).text());
        assertEquals("The call is closed", errors.summary());
    }

    @Test
    void aProblemWithoutFieldsShowsItsDetail() {
        FormErrors errors = FormErrors.of(new ApiProblem(null, "Too large", 413, null, null), CONTROLS, f -> null);
        assertEquals("Too large", errors.items().get(0).text());
    }

    @Test
    void controlIdsAreValidHtmlIds() {
        assertEquals("f-projects-0-answers-D10", FormErrors.id("projects[0].answers.D10"));
        assertEquals("f-points-ZIELE_KONZEPT", FormErrors.id("points.ZIELE_KONZEPT"));
        assertEquals("f-locations-0", FormErrors.id("locations[0]"));
        assertEquals("f-locations-0-error", FormErrors.none().errorId("locations[0]"));
    }
}
