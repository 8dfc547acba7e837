package lvsdirector.check.scheduler;

import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.CombinedCheck;
import lvsdirector.check.Epilogue;
import lvsdirector.check.Health;
import lvsdirector.check.OffCheck;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.Prober;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of one check loop: each on its own fixed-rate schedule (a probe starts {@code interval} after the
 * previous one started, or right after it ended if it ran longer), never two probes of one job at once. The
 * probes run on this loop, so a job's state needs no locks; outcomes leave through an {@link OutcomeBatch}.
 * Every method but {@link #execute} must run on the loop's context.
 */
final class CheckShard {
    private static final Logger LOG = LoggerFactory.getLogger(VertxHealthChecker.class);

    private final ContextInternal context;
    private final Prober prober;
    private final Maintenance maintenance;
    private final Duration guardSlack;
    private final OutcomeBatch outbox;
    private final Map<CheckJob, JobState> jobs = new LinkedHashMap<>();
    private final StartQueue starts;
    /** Jobs added by the last {@link #setJobs}, until {@link #startNewJobs}. */
    private final List<JobState> fresh = new ArrayList<>();
    private ScheduledFuture<?> guardSweep;
    private boolean closed;

    CheckShard(ContextInternal context, Prober prober, Maintenance maintenance, Duration guardSlack,
               Consumer<List<Delivery>> handOver) {
        this.context = Objects.requireNonNull(context, "context");
        this.prober = prober;
        this.maintenance = maintenance;
        this.guardSlack = guardSlack;
        this.outbox = new OutcomeBatch(task -> context.runOnContext(v -> task.run()), handOver);
        this.starts = new StartQueue(context, this::startProbe);
    }

    /** Runs the action on this loop's context (later, also when called on it). */
    void execute(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    /**
     * This loop's share of the job set: equal jobs keep their state, same spec with new settings migrates,
     * new jobs wait for {@link #startNewJobs}.
     */
    void setJobs(Map<CheckJob, Health> mine) {
        if (closed) {
            return;
        }
        startGuardSweep();
        Map<CheckSpec, JobState> leaving = new HashMap<>();
        for (JobState state : new ArrayList<>(jobs.values())) {
            if (!mine.containsKey(state.job)) {
                stop(state);
                jobs.remove(state.job);
                leaving.put(state.job.spec(), state);
            }
        }
        mine.forEach((job, initial) -> {
            if (jobs.containsKey(job)) {
                return; // equal job: keeps health, counters and schedule
            }
            JobState state = new JobState(job, Objects.requireNonNull(initial, "initial health"));
            jobs.put(job, state);
            JobState previous = leaving.remove(job.spec());
            if (previous != null) {
                migrate(previous, state);
            } else {
                fresh.add(state);
            }
        });
    }

    /** Probes each job now (or joins its probe in flight); each waiter completes after its job's outcome. */
    void runRound(Map<CheckJob, Promise<Void>> waiters) {
        waiters.forEach((job, waiter) -> {
            JobState state = jobs.get(job);
            if (state == null || closed) {
                outbox.add(Delivery.release(job, List.of(waiter)));
                return;
            }
            state.waiters.add(waiter);
            if (!state.running) {
                state.cancelTimer();
                starts.add(state);
            }
        });
    }

    /** Queues the first probes of the jobs {@link #setJobs} added, unless a round has started them already. */
    void startNewJobs() {
        for (JobState state : fresh) {
            if (state.probeSeq == 0) {
                starts.add(state);
            }
        }
        fresh.clear();
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (guardSweep != null) {
            guardSweep.cancel(false);
        }
        jobs.values().forEach(this::stop);
        jobs.clear();
    }

    /** Same spec, other settings (interval, failurecount, maintenance dir): the server's state carries over. */
    private void migrate(JobState from, JobState to) {
        to.health = from.health;
        to.failures = Math.min(from.failures, to.job.failureCount() - 1);
        to.cycle = from.cycle;
        long now = System.nanoTime();
        if (from.running || from.nextDueNanos == 0) {
            starts.add(to);
            return;
        }
        long due = Math.min(from.nextDueNanos, now + to.job.interval().toNanos());
        schedule(to, Duration.ofNanos(Math.max(0, due - now)));
    }

    private void stop(JobState state) {
        state.removed = true;
        state.cancelTimer();
        releaseWaiters(state);
    }

    private void releaseWaiters(JobState state) {
        List<Promise<Void>> waiting = state.takeWaiters();
        if (!waiting.isEmpty()) {
            outbox.add(Delivery.release(state.job, waiting));
        }
    }

    private void startProbe(JobState state) {
        if (state.removed || state.running || closed) {
            return;
        }
        state.running = true;
        state.timer = null;
        state.nextDueNanos = 0;
        state.startedAtNanos = System.nanoTime();
        state.guardDeadlineNanos = 0;
        long seq = ++state.probeSeq;
        Future<CheckResult> result;
        try {
            result = maintenanceThenProbe(state);
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> onContext(() -> {
            if (state.running && state.probeSeq == seq) {
                finish(state, ar);
            }
        }));
    }

    /**
     * One periodic sweep gives up on probes that overran their timeout plus slack (a prober that forgot its
     * own timeout), instead of a guard timer set and cancelled around every probe.
     */
    private void startGuardSweep() {
        if (guardSweep != null) {
            return;
        }
        long period = Math.max(10, Math.min(1000, guardSlack.toMillis() / 2));
        guardSweep = context.nettyEventLoop().scheduleAtFixedRate(() -> context.emit(null, v -> sweepGuards()),
                period, period, TimeUnit.MILLISECONDS);
    }

    private void sweepGuards() {
        long now = System.nanoTime();
        List<JobState> overdue = new ArrayList<>();
        for (JobState state : jobs.values()) {
            if (state.running && state.guardDeadlineNanos != 0 && now - state.guardDeadlineNanos >= 0) {
                overdue.add(state);
            }
        }
        for (JobState state : overdue) {
            finish(state, Future.succeededFuture(ProbeFailures.timeout(ProbeFailures.since(state.startedAtNanos))));
        }
    }

    private Future<CheckResult> maintenanceThenProbe(JobState state) {
        CheckJob job = state.job;
        if (job.maintenanceDir() == null) {
            return probe(state);
        }
        CheckSpec spec = job.spec();
        return maintenance.inMaintenance(job.maintenanceDir(), spec.address(), spec.port())
                .recover(e -> {
                    LOG.warn("cannot read maintenance directory {}: {}", job.maintenanceDir(), e.toString());
                    return Future.succeededFuture(false);
                })
                .compose(inMaintenance -> inMaintenance
                        ? Future.succeededFuture(new CheckResult(false, VertxHealthChecker.MAINTENANCE,
                                ProbeFailures.since(state.startedAtNanos), true, FailureReason.MAINTENANCE))
                        : probe(state));
    }

    /** The probe for this round; null result for off checks, which never probe. */
    private Future<CheckResult> probe(JobState state) {
        CheckSpec spec = state.job.spec();
        if (spec instanceof OffCheck) {
            return Future.succeededFuture(null);
        }
        if (spec instanceof CombinedCheck combined) {
            spec = state.cycle.next(combined);
        }
        if (!spec.timeout().isZero()) {
            state.guardDeadlineNanos = System.nanoTime() + spec.timeout().plus(guardSlack).toNanos();
        }
        return prober.probe(spec);
    }

    private void finish(JobState state, AsyncResult<CheckResult> ar) {
        state.running = false;
        state.guardDeadlineNanos = 0;
        if (state.removed) {
            releaseWaiters(state);
            return;
        }
        CheckResult result = ar.succeeded() ? ar.result() : crashed(state, ar.cause());
        CheckOutcome outcome = null;
        if (result != null) {
            if (state.job.spec() instanceof CombinedCheck combined && !result.forced()) {
                state.cycle = state.cycle.after(combined, result.success());
            }
            outcome = Epilogue.apply(state.health, state.failures, state.job.failureCount(), result);
            state.health = outcome.health();
            state.failures = Epilogue.counterAfter(outcome);
        }
        List<Promise<Void>> waiting = state.takeWaiters();
        if (outcome != null || !waiting.isEmpty()) {
            outbox.add(new Delivery(state.job, outcome, waiting));
        }
        long elapsedNanos = System.nanoTime() - state.startedAtNanos;
        schedule(state, Duration.ofNanos(Math.max(0, state.job.interval().toNanos() - elapsedNanos)));
    }

    private CheckResult crashed(JobState state, Throwable error) {
        LOG.warn("check of {} failed unexpectedly", state.job.spec(), error);
        return CheckResult.failed(FailureReason.ERROR, "check error: " + ProbeFailures.describe(error),
                ProbeFailures.since(state.startedAtNanos));
    }

    /** A Netty timer on the loop: a Vert.x timer per probe also books every timer in a shared map. */
    private void schedule(JobState state, Duration delay) {
        if (state.removed || closed) {
            return;
        }
        state.nextDueNanos = System.nanoTime() + delay.toNanos();
        state.cancelTimer();
        // at least 1 ms, as Vert.x timers: a zero delay would start the probe inside the finishing one
        long millis = Math.max(1, delay.toMillis());
        // a cancelled timer never fires: it is cancelled on this loop, before its time comes round
        state.timer = context.nettyEventLoop().schedule(() -> context.emit(null, v -> startProbe(state)), millis,
                TimeUnit.MILLISECONDS);
    }

    private void onContext(Runnable action) {
        if (context.isRunningOnContext()) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
