package lvsdirector.check.connect;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.PingCheck;
import lvsdirector.check.ProbeFailures;
import lvsdirector.netlink.icmp.Pinger;
import lvsdirector.support.InetAddrs;

/**
 * Host liveness by real ICMP echo (IPv4 and IPv6): up to {@code attempts} echo requests, one after the
 * other, each waiting at most the check timeout; the first reply means up. Nothing blocks: the shared
 * {@link Pinger} has one receive thread per address family and each attempt is bounded by a Vert.x timer.
 */
public final class PingProber implements AutoCloseable {
    private final Vertx vertx;
    private final Pinger pinger;

    public PingProber(Vertx vertx) {
        this(vertx, new Pinger());
    }

    PingProber(Vertx vertx, Pinger pinger) {
        this.vertx = vertx;
        this.pinger = pinger;
    }

    public Future<CheckResult> probe(PingCheck check) {
        long start = System.nanoTime();
        Duration perAttempt = check.timeout().dividedBy(check.attempts());
        return attempt(check, perAttempt, 1, start);
    }

    private Future<CheckResult> attempt(PingCheck check, Duration perAttempt, int number, long start) {
        String host = InetAddrs.numeric(check.address());
        return echo(check, perAttempt).transform(ar -> {
            if (ar.succeeded()) {
                return Future.succeededFuture(CheckResult.ok("Ping reply from " + host, ProbeFailures.since(start)));
            }
            if (!(ar.cause() instanceof java.util.concurrent.TimeoutException)) {
                return Future.succeededFuture(CheckResult.failed(ProbeFailures.reasonOf(ar.cause()),
                        "Ping " + host + " failed: " + ProbeFailures.describe(ar.cause()), ProbeFailures.since(start)));
            }
            if (number < check.attempts()) {
                return attempt(check, perAttempt, number + 1, start);
            }
            return Future.succeededFuture(CheckResult.failed(FailureReason.TIMEOUT, "No ping reply from " + host,
                    ProbeFailures.since(start)));
        });
    }

    private Future<Duration> echo(PingCheck check, Duration timeout) {
        Promise<Duration> promise = Promise.promise();
        CompletableFuture<Duration> reply = pinger.echo(check.address());
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            reply.cancel(false);
            promise.tryFail(new java.util.concurrent.TimeoutException("no reply within " + timeout.toMillis() + " ms"));
        });
        reply.whenComplete((rtt, error) -> {
            vertx.cancelTimer(timer);
            if (error == null) {
                promise.tryComplete(rtt);
            } else if (!reply.isCancelled()) {
                promise.tryFail(error);
            }
        });
        return promise.future();
    }

    @Override
    public void close() {
        pinger.close();
    }
}
