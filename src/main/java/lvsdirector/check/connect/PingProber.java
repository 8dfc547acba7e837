package lvsdirector.check.connect;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.PingCheck;
import lvsdirector.check.ProbeFailures;
import lvsdirector.support.InetAddrs;

/**
 * Host liveness through {@link java.net.InetAddress#isReachable}: an ICMP echo when the JVM may open a raw
 * socket (root, as ldirectord runs), otherwise a TCP probe to port 7 whose refusal also proves the host is
 * alive. It blocks, so it runs on a worker thread; each attempt is bounded by the check timeout.
 */
public final class PingProber {
    private final Vertx vertx;

    public PingProber(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<CheckResult> probe(PingCheck check) {
        long start = System.nanoTime();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, check.timeout().toMillis());
        return vertx.executeBlocking(() -> {
            for (int attempt = 0; attempt < check.attempts(); attempt++) {
                try {
                    if (check.address().isReachable(timeoutMillis)) {
                        return CheckResult.ok("Ping reply from " + InetAddrs.numeric(check.address()),
                                ProbeFailures.since(start));
                    }
                } catch (IOException e) {
                    return CheckResult.failed(ProbeFailures.reasonOf(e), "Ping failed: " + ProbeFailures.describe(e),
                            ProbeFailures.since(start));
                }
            }
            return CheckResult.failed(FailureReason.TIMEOUT, "No ping reply from "
                    + InetAddrs.numeric(check.address()), ProbeFailures.since(start));
        }, false);
    }
}
