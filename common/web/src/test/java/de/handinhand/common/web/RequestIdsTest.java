package de.handinhand.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void freshIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIds.fresh();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(id, uuid.toString());
            assertTrue(seen.add(id), "repeated: " + id);
        }
    }

    @Test
    void aSaneCallersIdIsKeptAndAnyOtherReplaced() {
        assertEquals("portal-4711", RequestIds.accept("portal-4711"));
        for (String insane : new String[] {null, "", "<script>", "a b", "x".repeat(129)}) {
            String id = RequestIds.accept(insane);
            assertEquals(4, UUID.fromString(id).version(), String.valueOf(insane));
        }
    }
}
