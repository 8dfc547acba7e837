package lvsdirector.check;

import lvsdirector.check.CheckOutcome.Transition;

/**
 * The one place that turns a probe result into health: counts consecutive failures against failurecount
 * and names the transition. Protocol code never decides up or down.
 *
 * <p>{@link CheckOutcome#failures()} is the counter after a failure, and after a success the count that the
 * success reset (so WENT_UP with failures &gt; 0 logs ldirectord's "Resetting soft failure count"); the
 * counter itself is always 0 after a success.
 */
public final class Epilogue {
    private Epilogue() {}

    /**
     * @param health        health before the result
     * @param failures      consecutive failures counted so far
     * @param failureCount  failures that take an up server down (failurecount, ≥ 1)
     */
    /** The failure counter to keep after an outcome. */
    public static int counterAfter(CheckOutcome outcome) {
        return outcome.result().success() ? 0 : outcome.failures();
    }

    public static CheckOutcome apply(Health health, int failures, int failureCount, CheckResult result) {
        if (result.success()) {
            if (health == Health.DOWN) {
                return new CheckOutcome(result, Health.UP, Transition.WENT_UP, failures, failureCount);
            }
            Transition t = failures > 0 ? Transition.FAILURES_RESET : Transition.NONE;
            return new CheckOutcome(result, Health.UP, t, failures, failureCount);
        }
        if (health == Health.DOWN) {
            // a failure of a server that is already down changes nothing, not even the counter
            return new CheckOutcome(result, Health.DOWN, Transition.NONE, failures, failureCount);
        }
        if (result.forced()) {
            // maintenance: down at once, the soft-failure counter is left alone
            return new CheckOutcome(result, Health.DOWN, Transition.WENT_DOWN, failures, failureCount);
        }
        int counted = failures + 1;
        if (counted >= failureCount) {
            return new CheckOutcome(result, Health.DOWN, Transition.WENT_DOWN, counted, failureCount);
        }
        return new CheckOutcome(result, Health.UP, Transition.SOFT_FAILURE, counted, failureCount);
    }
}
