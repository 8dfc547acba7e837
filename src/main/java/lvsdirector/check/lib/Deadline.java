package lvsdirector.check.lib;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.ProbeFailures;

/**
 * The hard timeout around one probe: whichever comes first, the probe's result or the timer, wins. On timeout
 * {@code abort} runs (close the socket or connection) so the losing exchange does not linger.
 */
public final class Deadline {
    private Deadline() {}

    public static Future<CheckResult> race(Vertx vertx, Duration timeout, long startNanos, Future<CheckResult> probe,
                                           Runnable abort) {
        Promise<CheckResult> result = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (result.tryComplete(ProbeFailures.timeout(ProbeFailures.since(startNanos)))) {
                abort.run();
            }
        });
        probe.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                result.tryComplete(ar.result());
            } else {
                result.tryComplete(CheckResult.failed(ProbeFailures.reasonOf(ar.cause()),
                        ProbeFailures.describe(ar.cause()), ProbeFailures.since(startNanos)));
            }
        });
        return result.future();
    }
}
