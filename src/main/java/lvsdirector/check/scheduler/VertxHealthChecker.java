package lvsdirector.check.scheduler;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckListener;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.Health;
import lvsdirector.check.HealthChecker;
import lvsdirector.check.Prober;
import lvsdirector.check.external.ExternalRunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs on several event loops ({@link CheckLoops}): each job belongs to one loop ({@link ShardKey})
 * where its schedule, state and probes live ({@link CheckShard}). Outcomes come back to the context the
 * checker was created for in batches, one task per loop pass ({@link OutcomeBatch}), and go to the listener
 * there, in the order each loop produced them. That context keeps a view of every job's health for
 * {@link #health}.
 */
public final class VertxHealthChecker implements HealthChecker {
    private static final Logger LOG = LoggerFactory.getLogger(VertxHealthChecker.class);
    /** Added to a spec's timeout before the scheduler gives up on a probe that forgot its own. */
    static final Duration DEFAULT_GUARD_SLACK = Duration.ofSeconds(3);
    static final String MAINTENANCE = "Server in maintenance";

    private final Context context;
    private final CheckListener listener;
    private final AutoCloseable ownedProber;
    private final List<CheckShard> shards = new ArrayList<>();
    /** Every job's last known health, by job; confined to {@link #context}. */
    private final Map<CheckJob, Health> healthView = new LinkedHashMap<>();
    private boolean closed;

    /** A checker with the standard probers, delivering outcomes on {@code context}. */
    public VertxHealthChecker(Vertx vertx, Context context, CheckListener listener) {
        this(vertx, context, listener, new ProbeDispatcher(vertx), () -> new ReverseNames(vertx), true,
                DEFAULT_GUARD_SLACK, CheckLoops.defaultCount());
    }

    /** A checker with the standard probers whose external commands are started through {@code externalRunAs}. */
    public VertxHealthChecker(Vertx vertx, Context context, CheckListener listener, ExternalRunAs externalRunAs) {
        this(vertx, context, listener, new ProbeDispatcher(vertx, externalRunAs),
                () -> new ReverseNames(vertx), true, DEFAULT_GUARD_SLACK, CheckLoops.defaultCount());
    }

    /** A checker with a caller-supplied prober (tests, or an extended set of protocols). */
    public VertxHealthChecker(Vertx vertx, Context context, CheckListener listener, Prober prober) {
        this(vertx, context, listener, prober, () -> new ReverseNames(vertx), false, DEFAULT_GUARD_SLACK,
                CheckLoops.defaultCount());
    }

    VertxHealthChecker(Vertx vertx, Context context, CheckListener listener, Prober prober,
                       Supplier<ReverseNames> names, boolean ownsProber, Duration guardSlack) {
        this(vertx, context, listener, prober, names, ownsProber, guardSlack, CheckLoops.defaultCount());
    }

    /**
     * @param names makes each loop's reverse-name cache (a cache is confined to one context)
     * @param loops how many event loops run the probes
     */
    VertxHealthChecker(Vertx vertx, Context context, CheckListener listener, Prober prober,
                       Supplier<ReverseNames> names, boolean ownsProber, Duration guardSlack, int loops) {
        Objects.requireNonNull(vertx, "vertx");
        this.context = Objects.requireNonNull(context, "context");
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(prober, "prober");
        this.ownedProber = ownsProber && prober instanceof AutoCloseable c ? c : null;
        for (ContextInternal loop : CheckLoops.contexts(vertx, context, loops)) {
            Maintenance maintenance = new Maintenance(vertx, names.get());
            shards.add(new CheckShard(loop, prober, maintenance, guardSlack, this::handOver));
        }
    }

    /** How many event loops run the probes. */
    int loops() {
        return shards.size();
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
        updateView(jobsCopy);
        List<Map<CheckJob, Health>> split = split(jobsCopy);
        for (int i = 0; i < shards.size(); i++) {
            CheckShard shard = shards.get(i);
            Map<CheckJob, Health> mine = split.get(i);
            shard.execute(() -> shard.setJobs(mine));
        }
        // The first probes start from this context's next task: a round asked for in this one (start-up
        // sets the jobs, then runs a round) reaches the loops first and joins them instead of probing twice.
        context.runOnContext(v -> shards.forEach(shard -> shard.execute(shard::startNewJobs)));
    }

    /** What each loop does with a new job set, done here too: equal jobs keep, same spec migrates. */
    private void updateView(Map<CheckJob, Health> jobs) {
        Map<CheckSpec, Health> leaving = new HashMap<>();
        healthView.entrySet().removeIf(e -> {
            boolean gone = !jobs.containsKey(e.getKey());
            if (gone) {
                leaving.put(e.getKey().spec(), e.getValue());
            }
            return gone;
        });
        jobs.forEach((job, initial) -> {
            if (!healthView.containsKey(job)) {
                Health migrated = leaving.remove(job.spec());
                healthView.put(job, migrated != null ? migrated : initial);
            }
        });
    }

    /** The job set cut into one map per loop. */
    private List<Map<CheckJob, Health>> split(Map<CheckJob, Health> jobs) {
        List<Map<CheckJob, Health>> split = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            split.add(new LinkedHashMap<>());
        }
        jobs.forEach((job, health) -> split.get(ShardKey.of(job.spec(), shards.size())).put(job, health));
        return split;
    }

    /** Only on the checker's context: the view is confined to it. */
    @Override
    public Health health(CheckJob job) {
        if (Vertx.currentContext() != context) {
            throw new IllegalStateException("VertxHealthChecker.health must be called on the checker's context");
        }
        return healthView.get(job);
    }

    @Override
    public Future<Void> runRound() {
        if (Vertx.currentContext() != context) {
            Promise<Void> moved = Promise.promise();
            context.runOnContext(v -> runRound().onComplete(moved));
            return moved.future();
        }
        requireOpen();
        List<Map<CheckJob, Promise<Void>>> split = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            split.add(new LinkedHashMap<>());
        }
        List<Future<Void>> done = new ArrayList<>();
        for (CheckJob job : healthView.keySet()) {
            Promise<Void> waiter = Promise.promise();
            done.add(waiter.future());
            split.get(ShardKey.of(job.spec(), shards.size())).put(job, waiter);
        }
        for (int i = 0; i < shards.size(); i++) {
            CheckShard shard = shards.get(i);
            Map<CheckJob, Promise<Void>> mine = split.get(i);
            if (!mine.isEmpty()) {
                shard.execute(() -> shard.runRound(mine));
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
        healthView.clear();
        List<Future<Void>> stopped = new ArrayList<>();
        for (CheckShard shard : shards) {
            Promise<Void> done = Promise.promise();
            stopped.add(done.future());
            shard.execute(() -> {
                shard.close();
                done.complete();
            });
        }
        // the probers go once no loop can start another probe
        Future.join(stopped).onComplete(ar -> closeProber());
    }

    private void closeProber() {
        if (ownedProber != null) {
            try {
                ownedProber.close();
            } catch (Exception e) {
                LOG.warn("closing the probers failed: {}", e.toString());
            }
        }
    }

    /** On a check loop: one task for the whole batch onto the checker's context. */
    private void handOver(List<Delivery> batch) {
        context.runOnContext(v -> receive(batch));
    }

    /**
     * On the checker's context. An outcome of a job that left the job set meanwhile is dropped, as a probe's
     * answer after its job stopped; the rounds waiting for it are released all the same.
     */
    private void receive(List<Delivery> batch) {
        for (Delivery delivery : batch) {
            CheckOutcome outcome = delivery.outcome();
            if (outcome != null && !closed && healthView.containsKey(delivery.job())) {
                healthView.put(delivery.job(), outcome.health());
                deliver(delivery.job(), outcome);
            }
            delivery.waiters().forEach(Promise::tryComplete);
        }
    }

    private void deliver(CheckJob job, CheckOutcome outcome) {
        try {
            listener.onOutcome(job, outcome);
        } catch (RuntimeException e) {
            LOG.error("check listener failed for {}", job.spec(), e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("VertxHealthChecker is closed");
        }
    }
}
