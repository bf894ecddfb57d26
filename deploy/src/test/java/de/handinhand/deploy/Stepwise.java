package de.handinhand.deploy;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Ordered steps of one journey: once a step has failed, the steps after it in the same class are
 * skipped (they would only fail again on what the failed step did not make), so the report names
 * the step that broke.
 */
final class Stepwise implements TestWatcher, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Stepwise.class);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getParent().ifPresent(journey -> journey.getStore(NAMESPACE).put("failed", context.getDisplayName()));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || context.getParent().isEmpty()) {
            return ConditionEvaluationResult.enabled("not a step");
        }
        Object failed = context.getParent().get().getStore(NAMESPACE).get("failed");
        return failed == null ? ConditionEvaluationResult.enabled("the earlier steps passed")
                : ConditionEvaluationResult.disabled("skipped: the earlier step " + failed + " failed");
    }
}
