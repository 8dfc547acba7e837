package lvsdirector.director;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult;
import lvsdirector.check.Health;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;

/** A director on a real Vert.x context over the in-memory backend, with a scripted checker. */
final class Harness implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final Context context = vertx.getOrCreateContext();
    final InMemoryIpvsBackend backend = new InMemoryIpvsBackend();
    final ScriptedChecker checker = new ScriptedChecker();
    final RecordingEffects effects = new RecordingEffects();
    final LogCapture log = LogCapture.attach();
    final Director director = new Director(context, backend, checker, CheckPlanner::plan, effects, Clock.systemUTC());
    DirectorConfig config;
    private int opsMark;
    private int logMark;

    Harness() {
        checker.listener = director;
    }

    void start(DirectorConfig cfg) {
        config = cfg;
        await(director.start(cfg));
    }

    void reload(DirectorConfig cfg) {
        config = cfg;
        await(director.reload(cfg));
    }

    void stop() {
        await(director.stop());
    }

    void reconcile() {
        await(director.reconcileNow());
    }

    CheckJob job(VirtualConfig v, RealConfig r) {
        return CheckPlanner.plan(v, r, config.globals());
    }

    /** Delivers an outcome and waits for the round it causes. */
    void outcome(VirtualConfig v, RealConfig r, CheckOutcome outcome) {
        director.onOutcome(job(v, r), outcome);
        reconcile();
    }

    void up(VirtualConfig v, RealConfig r) {
        outcome(v, r, up(0));
    }

    void down(VirtualConfig v, RealConfig r) {
        outcome(v, r, down(1, 1));
    }

    static CheckOutcome up(int previousFailures) {
        return new CheckOutcome(CheckResult.ok("200 OK", Duration.ZERO), Health.UP, Transition.WENT_UP, previousFailures, 1);
    }

    static CheckOutcome down(int failures, int failureCount) {
        return new CheckOutcome(CheckResult.failed(CheckResult.FailureReason.REFUSED, "Connection refused", Duration.ZERO),
                Health.DOWN, Transition.WENT_DOWN, failures, failureCount);
    }

    /** Marks "now": opsSince/logsSince report what happened after it. */
    void mark() {
        opsMark = backend.appliedOperations().size();
        logMark = log.mark();
    }

    List<String> opsSince() {
        List<IpvsOperation> ops = backend.appliedOperations();
        return ops.subList(opsMark, ops.size()).stream().map(IpvsOperation::ipvsadmArguments).toList();
    }

    List<String> logsSince() {
        return log.since(logMark);
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    @Override
    public void close() {
        log.close();
        await(vertx.close());
    }
}
