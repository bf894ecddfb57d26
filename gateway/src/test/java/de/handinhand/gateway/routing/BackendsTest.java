package de.handinhand.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendsTest {

    private static final Backend SUBMISSION = new Backend("submission", URI.create("http://s:1"),
            List.of("/api/calls", "/api/submissions"));
    private static final Backend CATALOGUE = new Backend("catalogue", URI.create("http://c:1"), List.of("/api"));
    private static final Backend SCORING = new Backend("scoring", URI.create("http://r:1"), List.of("/api/scoring"));

    @Test
    void theLongestPrefixCoveringWholeSegmentsWins() {
        Backends backends = new Backends(List.of(SUBMISSION, CATALOGUE, SCORING));
        assertEquals(Optional.of(SUBMISSION), backends.serving("/api/calls"));
        assertEquals(Optional.of(SUBMISSION), backends.serving("/api/calls/1/form"));
        assertEquals(Optional.of(CATALOGUE), backends.serving("/api/callsx"), "not a whole segment of /api/calls");
        assertEquals(Optional.of(SCORING), backends.serving("/api/scoring/cases"));
        assertEquals(Optional.empty(), backends.serving("/apix"));
        assertEquals(Optional.empty(), backends.serving("/q/health"));
        assertEquals("/api/calls", SUBMISSION.prefixFor("/api/calls/1"));
        assertEquals(List.of("catalogue", "scoring", "submission"), backends.all().stream().map(Backend::name).toList());
    }

    @Test
    void aPrefixIsClaimedOnceAndIsALiteralPath() {
        Backend twice = new Backend("twice", URI.create("http://t:1"), List.of("/api/scoring"));
        assertThrows(IllegalArgumentException.class, () -> new Backends(List.of(SCORING, twice)));
        Backend relative = new Backend("relative", URI.create("http://t:1"), List.of("api/x"));
        assertThrows(IllegalArgumentException.class, () -> new Backends(List.of(relative)));
        Backend templated = new Backend("templated", URI.create("http://t:1"), List.of("/api/{id}"));
        assertThrows(IllegalArgumentException.class, () -> new Backends(List.of(templated)));
    }
}
