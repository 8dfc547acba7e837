package lvsdirector.check;

import java.time.Duration;

/**
 * One probe's result. The message is what ldirectord writes to the monitor file and logs
 * ("200 OK", "500 Timeout Alarm", "Server in maintenance", "Success", ...).
 *
 * @param forced true for results that bypass failurecount (maintenance file)
 */
public record CheckResult(boolean success, String message, Duration latency, boolean forced, FailureReason reason) {

    /** Why a probe failed, for metrics; NONE for successes. */
    public enum FailureReason {
        NONE, REFUSED, TIMEOUT, RESET, BAD_RESPONSE, MISMATCH, MAINTENANCE, TLS, DNS, ERROR
    }

    public static CheckResult ok(String message, Duration latency) {
        return new CheckResult(true, message, latency, false, FailureReason.NONE);
    }

    public static CheckResult failed(FailureReason reason, String message, Duration latency) {
        return new CheckResult(false, message, latency, false, reason);
    }
}
