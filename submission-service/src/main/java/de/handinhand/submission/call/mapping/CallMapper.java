package de.handinhand.submission.call.mapping;

import de.handinhand.common.messaging.events.CallPublished;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.api.CallView;
import java.time.Instant;
import java.util.List;

public final class CallMapper {

    private CallMapper() {
    }

    public static CallView toView(Call call, Instant now) {
        return new CallView(call.id, call.title, call.kind, call.formTemplate, call.opensAt, call.deadline,
                call.juryEndsAt, call.resultsAt, call.categoryList(), call.budgetCents, call.kreisId, call.phase(now),
                call.createdAt, call.updatedAt);
    }

    public static CallPublished toEvent(Call call) {
        return new CallPublished(call.id, call.title, call.kind.name(), call.formTemplate.name(), call.opensAt,
                call.deadline, call.juryEndsAt, call.resultsAt, call.categoryList(), call.budgetCents, call.kreisId);
    }
}
