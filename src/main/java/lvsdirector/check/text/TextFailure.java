package lvsdirector.check.text;

import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;

/** A conversation ended in a verdict of "down": why (for metrics) and the message for logs and monitor file. */
final class TextFailure extends RuntimeException {
    private final FailureReason reason;

    TextFailure(FailureReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    static TextFailure badResponse(String message) {
        return new TextFailure(FailureReason.BAD_RESPONSE, message);
    }

    static TextFailure mismatch(String message) {
        return new TextFailure(FailureReason.MISMATCH, message);
    }

    CheckResult result(Duration latency) {
        return CheckResult.failed(reason, getMessage(), latency);
    }
}
