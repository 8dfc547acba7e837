package lvsdirector.check.lib;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lvsdirector.check.CheckResult;

/**
 * Runs blocking client libraries (UnboundID LDAP, Oracle JDBC) on one small shared worker pool, never a thread
 * per check. Each call is raced against its hard timeout; on expiry the call's resource (a connection) is
 * closed from outside, which makes the blocked library call fail and frees the worker.
 */
public final class BlockingRunner implements AutoCloseable {
    /** Pool size: checks are short; a pool this size bounds the threads even when many servers hang. */
    public static final int WORKERS = 4;

    private final Vertx vertx;
    private final WorkerExecutor workers;

    public BlockingRunner(Vertx vertx) {
        this.vertx = vertx;
        this.workers = vertx.createSharedWorkerExecutor("lvs-check-lib", WORKERS, 5, TimeUnit.MINUTES);
    }

    /** A blocking probe that publishes the resource to close on timeout before it starts waiting. */
    @FunctionalInterface
    public interface Body<R extends AutoCloseable> {
        CheckResult run(Consumer<R> publish) throws Exception;
    }

    public <R extends AutoCloseable> Future<CheckResult> run(Duration timeout, Body<R> body) {
        long start = System.nanoTime();
        AtomicReference<R> resource = new AtomicReference<>();
        AtomicReference<Boolean> timedOut = new AtomicReference<>(false);
        Callable<CheckResult> task = () -> body.run(r -> {
            resource.set(r);
            if (timedOut.get()) {
                closeQuietly(r);
            }
        });
        Future<CheckResult> probe = workers.executeBlocking(task, false);
        return Deadline.race(vertx, timeout, start, probe, () -> {
            timedOut.set(true);
            closeQuietly(resource.get());
        });
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the probe already failed by timeout; closing only frees the worker
            }
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
