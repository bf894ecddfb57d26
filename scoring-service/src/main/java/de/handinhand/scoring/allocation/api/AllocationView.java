package de.handinhand.scoring.allocation.api;

import de.handinhand.scoring.allocation.Allocator;
import java.util.UUID;

/** An allocation as computed now: the parameters in force and each entry's line. Nothing is stored. */
public record AllocationView(UUID callId, Allocator.Params params, Allocator.Result allocation) {
}
