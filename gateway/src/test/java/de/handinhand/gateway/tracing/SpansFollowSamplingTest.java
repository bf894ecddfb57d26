package de.handinhand.gateway.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpansFollowSamplingTest {

    @Test
    void spansOnlyWhereTheSamplerCanKeepOne() {
        assertFalse(SpansFollowSampling.spansKept(null, "parentbased_traceidratio", "0.0"));
        assertFalse(SpansFollowSampling.spansKept(null, "traceidratio", "0"));
        assertFalse(SpansFollowSampling.spansKept(null, "always_off", null));
        assertFalse(SpansFollowSampling.spansKept("true", "always_on", null));
        assertTrue(SpansFollowSampling.spansKept(null, "parentbased_traceidratio", "0.01"));
        assertTrue(SpansFollowSampling.spansKept("false", "always_on", null));
        assertTrue(SpansFollowSampling.spansKept(null, null, null));
        // Unreadable: as without the switch.
        assertTrue(SpansFollowSampling.spansKept(null, "parentbased_traceidratio", "${UNRESOLVED}"));
    }
}
