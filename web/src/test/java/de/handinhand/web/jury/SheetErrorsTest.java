package de.handinhand.web.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SheetErrorsTest {

    @Test
    void theApisMarkIndexesAndCodesMapToTheCriterionsControls() {
        List<String> order = List.of("BEDARFSANALYSE", "ZIELE_KONZEPT", "EVALUATION");
        assertEquals("points.ZIELE_KONZEPT", JuryResource.control("scores[1].points", order));
        assertEquals("comment.EVALUATION", JuryResource.control("scores[2].comment", order));
        assertEquals("points.BEDARFSANALYSE", JuryResource.control("scores.BEDARFSANALYSE", order));
        assertNull(JuryResource.control("scores[7].points", order));
        assertNull(JuryResource.control("final", order));
    }
}
