package lvsdirector.check.scheduler;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckListener;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.external.ExternalRunAs;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.CombinedCheck;
import lvsdirector.check.Epilogue;
import lvsdirector.check.Health;
import lvsdirector.check.HealthChecker;
import lvsdirector.check.OffCheck;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.Prober;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every job on Vert.x timers: each job on its own fixed-rate schedule (a probe starts {@code interval}
 * after the previous one started, or right after it ended if it ran longer), jobs concurrently, never two
 * probes of one job at once. Results go through {@link Epilogue} and then to the listener, always on the
 * context the checker was created for.
 */
public final class VertxHealthChecker implements HealthChecker {
    private static final Logger LOG = LoggerFactory.getLogger(VertxHealthChecker.class);
    /** Added to a spec's timeout before the scheduler gives up on a probe that forgot its own. */
    static final Duration DEFAULT_GUARD_SLACK = Duration.ofSeconds(3);
    static final String MAINTENANCE = "Server in maintenance";

    private final Vertx vertx;
    private final Context context;
    private final CheckListener listener;
    private final Prober prober;
    private final AutoCloseable ownedProber;
    private final Maintenance maintenance;
    private final Duration guardSlack;
    private final Map<CheckJob, JobState> jobs = new LinkedHashMap<>();
    private final StartQueue starts;
    private long guardSweepTimer = -1;
    private boolean closed;

    /** A checker with the standard probers, delivering outcomes on {@code context}. */
    public VertxHealthChecker(Vertx vertx, Context context, CheckListener listener) {
        this(vertx, context, listener, new ProbeDispatcher(vertx), new ReverseNames(vertx), true,
                DEFAULT_GUARD_SLACK);
    }

    /** A checker with the standard probers whose external commands are started through {@code externalRunAs}. */
    public VertxHealthChecker(Vertx vertx, Context context, CheckListener listener, ExternalRunAs externalRunAs) {
        this(vertx, context, listener, new ProbeDispatcher(vertx, externalRunAs), new ReverseNames(vertx), true,
                DEFAULT_GUARD_SLACK);
    }

    /** A checker with a caller-supplied prober (tests, or an extended set of protocols). */
    public VertxHealthChecker(Vertx vertx, Context context, CheckListener listener, Prober prober) {
        this(vertx, context, listener, prober, new ReverseNames(vertx), false, DEFAULT_GUARD_SLACK);
    }

    VertxHealthChecker(Vertx vertx, Context context, CheckListener listener, Prober prober, ReverseNames names,
                       boolean ownsProber, Duration guardSlack) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.context = Objects.requireNonNull(context, "context");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.ownedProber = ownsProber && prober instanceof AutoCloseable c ? c : null;
        this.maintenance = new Maintenance(vertx, names);
        this.guardSlack = guardSlack;
        this.starts = new StartQueue(context, this::startProbe);
    }

    /** Called from another thread, the change is moved onto the checker's context (and so happens later). */
    @Override
    public void setJobs(Map<CheckJob, Health> jobsWithInitialHealth) {
        Map<CheckJob, Health> jobsCopy = Map.copyOf(jobsWithInitialHealth);
        if (Vertx.currentContext() != context) {
            context.runOnContext(v -> setJobs(jobsCopy));
            return;
        }
        requireOpen();
        startGuardSweep();
        Map<CheckSpec, JobState> leaving = new HashMap<>();
        for (JobState state : new ArrayList<>(jobs.values())) {
            if (!jobsCopy.containsKey(state.job)) {
                stop(state);
                jobs.remove(state.job);
                leaving.put(state.job.spec(), state);
            }
        }
        jobsCopy.forEach((job, initial) -> {
            if (jobs.containsKey(job)) {
                return; // equal job: keeps health, counters and schedule
            }
            JobState state = new JobState(job, Objects.requireNonNull(initial, "initial health"));
            jobs.put(job, state);
            JobState previous = leaving.remove(job.spec());
            if (previous != null) {
                migrate(previous, state);
            } else {
                starts.add(state);
            }
        });
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

    /** Only on the checker's context: the state is confined to it. */
    @Override
    public Health health(CheckJob job) {
        if (Vertx.currentContext() != context) {
            throw new IllegalStateException("VertxHealthChecker.health must be called on the checker's context");
        }
        JobState state = jobs.get(job);
        return state == null ? null : state.health;
    }

    @Override
    public Future<Void> runRound() {
        if (Vertx.currentContext() != context) {
            Promise<Void> moved = Promise.promise();
            context.runOnContext(v -> runRound().onComplete(moved));
            return moved.future();
        }
        requireOpen();
        List<Future<Void>> done = new ArrayList<>();
        for (JobState state : jobs.values()) {
            Promise<Void> waiter = Promise.promise();
            state.waiters.add(waiter);
            done.add(waiter.future());
            if (!state.running) {
                vertx.cancelTimer(state.timerId);
                state.timerId = -1;
                starts.add(state);
            }
        }
        return Future.all(done).mapEmpty();
    }

    @Override
    public void close() {
        if (Vertx.currentContext() != context) {
            context.runOnContext(v -> close());
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        vertx.cancelTimer(guardSweepTimer);
        jobs.values().forEach(this::stop);
        jobs.clear();
        if (ownedProber != null) {
            try {
                ownedProber.close();
            } catch (Exception e) {
                LOG.warn("closing the probers failed: {}", e.toString());
            }
        }
    }

    private void stop(JobState state) {
        state.removed = true;
        vertx.cancelTimer(state.timerId);
        state.releaseWaiters();
    }

    private void startProbe(JobState state) {
        if (state.removed || state.running || closed) {
            return;
        }
        state.running = true;
        state.timerId = -1;
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
        if (guardSweepTimer >= 0) {
            return;
        }
        long period = Math.max(10, Math.min(1000, guardSlack.toMillis() / 2));
        guardSweepTimer = vertx.setPeriodic(period, id -> onContext(this::sweepGuards));
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
                        ? Future.succeededFuture(new CheckResult(false, MAINTENANCE,
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
            state.releaseWaiters();
            return;
        }
        CheckResult result = ar.succeeded() ? ar.result() : crashed(state, ar.cause());
        if (result != null) {
            if (state.job.spec() instanceof CombinedCheck combined && !result.forced()) {
                state.cycle = state.cycle.after(combined, result.success());
            }
            CheckOutcome outcome = Epilogue.apply(state.health, state.failures, state.job.failureCount(), result);
            state.health = outcome.health();
            state.failures = Epilogue.counterAfter(outcome);
            deliver(state.job, outcome);
        }
        state.releaseWaiters();
        Duration elapsed = ProbeFailures.since(state.startedAtNanos);
        Duration wait = state.job.interval().minus(elapsed);
        schedule(state, wait.isNegative() ? Duration.ZERO : wait);
    }

    private CheckResult crashed(JobState state, Throwable error) {
        LOG.warn("check of {} failed unexpectedly", state.job.spec(), error);
        return CheckResult.failed(FailureReason.ERROR, "check error: " + ProbeFailures.describe(error),
                ProbeFailures.since(state.startedAtNanos));
    }

    private void deliver(CheckJob job, CheckOutcome outcome) {
        try {
            listener.onOutcome(job, outcome);
        } catch (RuntimeException e) {
            LOG.error("check listener failed for {}", job.spec(), e);
        }
    }

    private void schedule(JobState state, Duration delay) {
        if (state.removed || closed) {
            return;
        }
        state.nextDueNanos = System.nanoTime() + delay.toNanos();
        // Vert.x timers need at least 1 ms
        state.timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> onContext(() -> {
            if (state.timerId == id) {
                startProbe(state);
            }
        }));
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("VertxHealthChecker is closed");
        }
    }
}
