package lvsdirector.check;

/**
 * What the shared epilogue made of a result: the health after it, the transition (if any) and the
 * consecutive failure count (for "Soft failure real server: ... failure n/N").
 */
public record CheckOutcome(CheckResult result, Health health, Transition transition, int failures, int failureCount) {

    public enum Transition {
        /** No change worth logging. */
        NONE,
        /** Failed but failures < failureCount: ldirectord's "Soft failure". */
        SOFT_FAILURE,
        /** Succeeded after soft failures while still up: "Resetting soft failure count". */
        FAILURES_RESET,
        /** Down → up (also logs "Resetting soft failure count" when failures > 0). */
        WENT_UP,
        /** Up → down. */
        WENT_DOWN
    }
}
