package lvsdirector.check.external;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ExternalCheck;
import lvsdirector.check.ProbeFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an external check command without a shell. Exit 0 is up; anything else, a failure to start it, or
 * running past the timeout is down. On timeout the command (and what it started) gets SIGTERM, then SIGKILL
 * after a grace period. The JVM reaps the child, so no zombie stays behind.
 */
public final class ExternalProber {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalProber.class);
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final Duration killGrace;
    private final ExternalRunAs runAs;

    public ExternalProber(Vertx vertx) {
        this(vertx, DEFAULT_KILL_GRACE);
    }

    public ExternalProber(Vertx vertx, Duration killGrace) {
        this(vertx, killGrace, ExternalRunAs.DIRECT);
    }

    /** Starts every command through {@code runAs} (another user, no capabilities). */
    public ExternalProber(Vertx vertx, Duration killGrace, ExternalRunAs runAs) {
        this.vertx = vertx;
        this.killGrace = killGrace;
        this.runAs = runAs;
    }

    /** Must be called on a Vert.x context; the returned future completes on it. */
    public Future<CheckResult> probe(ExternalCheck check) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("external checks must be started on a Vert.x context");
        }
        long start = System.nanoTime();
        // fork/exec blocks briefly; keep it off the event loop
        Future<Process> started = vertx.executeBlocking(() -> start(runAs.command(check.argv())), false);
        return started.transform(ar -> {
            if (ar.failed()) {
                return Future.succeededFuture(CheckResult.failed(FailureReason.ERROR,
                        "cannot run " + check.command() + ": " + ProbeFailures.describe(ar.cause()),
                        ProbeFailures.since(start)));
            }
            return watch(context, check, ar.result(), start);
        });
    }

    private static Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        return process;
    }

    private Future<CheckResult> watch(Context context, ExternalCheck check, Process process, long start) {
        Promise<CheckResult> result = Promise.promise();
        List<ProcessHandle> signalled = new ArrayList<>();
        long[] killTimer = {-1};
        boolean[] timedOut = {false};
        long termTimer = vertx.setTimer(check.timeout().toMillis(), id -> {
            timedOut[0] = true;
            LOG.warn("external check {} timed out after {} ms, kill -TERM child {}", check.argv(),
                    check.timeout().toMillis(), process.pid());
            signalled.addAll(signal(process, List.of(), false));
            killTimer[0] = vertx.setTimer(killGrace.toMillis(), id2 -> signal(process, signalled, true));
        });
        process.onExit().whenComplete((exited, error) -> context.runOnContext(v -> {
            vertx.cancelTimer(termTimer);
            if (killTimer[0] >= 0) {
                vertx.cancelTimer(killTimer[0]);
                // the command is gone; make sure nothing it started outlives it
                signal(process, signalled, true);
            }
            result.complete(verdict(check, process.exitValue(), timedOut[0], ProbeFailures.since(start)));
        }));
        return result.future();
    }

    private static CheckResult verdict(ExternalCheck check, int exitValue, boolean timedOut, Duration latency) {
        if (timedOut) {
            return CheckResult.failed(FailureReason.TIMEOUT, "external check " + check.command() + " timed out after "
                    + check.timeout().toMillis() + " ms", latency);
        }
        if (exitValue == 0) {
            return CheckResult.ok("external check " + check.command() + " succeeded", latency);
        }
        return CheckResult.failed(FailureReason.ERROR, "external check " + check.command() + " exited with status "
                + exitValue, latency);
    }

    /** Signals the process and its descendants (plus any seen before); returns everything signalled. */
    private static List<ProcessHandle> signal(Process process, List<ProcessHandle> earlier, boolean kill) {
        List<ProcessHandle> targets = new ArrayList<>(earlier);
        process.descendants().forEach(targets::add);
        targets.add(process.toHandle());
        for (ProcessHandle handle : targets) {
            if (handle.isAlive()) {
                if (kill) {
                    handle.destroyForcibly();
                } else {
                    handle.destroy();
                }
            }
        }
        return targets;
    }
}
