package lvsdirector.director;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckListener;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.HealthChecker;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.Globals;
import lvsdirector.config.VirtualConfig;
import lvsdirector.director.DesiredTable.DesiredService;
import lvsdirector.director.IpvsWorker.RoundResult;
import lvsdirector.director.IpvsWorker.Step;
import lvsdirector.director.Reconciler.Mode;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/**
 * The orchestrator. Lives on one Vert.x context: receives check outcomes, recomputes the desired table,
 * and has the {@link IpvsWorker} apply the difference on its single worker thread; rounds are queued one
 * after the other and a burst of outcomes collapses into one round. Every round compares with the real
 * table, so entries deleted behind our back come back.
 */
public final class Director implements CheckListener {
    private final Context context;
    private final WorkerExecutor executor;
    private final IpvsWorker worker;
    private final ActivationRehearsal rehearsal;
    private final HealthChecker checker;
    private final JobPlanner planner;
    private final SideEffects effects;
    private final Clock clock;

    private DirectorConfig config;
    private List<VirtualLayout> layouts = List.of();
    private HealthBook health;
    private DaemonStatus status;
    private DesiredTable lastDesired = new DesiredTable(Map.of());
    private final Map<ServiceKey, Boolean> fallbackActive = new HashMap<>();
    private final ContextQueue queue;
    private boolean roundPending;
    private Future<Void> pendingRound;
    /** The queued round compares the whole table (timer, overrides, operator's request), not just changes. */
    private boolean fullRoundPending;
    private boolean periodicPending;
    /** Virtuals with a real whose health changed since a round last planned them. */
    private final Set<ServiceKey> changedVirtuals = new LinkedHashSet<>();
    private final SnapshotViews views = new SnapshotViews();
    private long timerId = -1;
    private volatile DirectorSnapshot snapshot = DirectorSnapshot.EMPTY;
    /** Snapshot rebuilds for check outcomes are at most this often (rounds publish at once). */
    static final long PUBLISH_COALESCE_MS = 500;
    private boolean publishPending;
    private DirectorObserver observer = DirectorObserver.NONE;
    /**
     * Standby (false): checks run and health is kept, but the IPVS table is neither changed nor taken as health
     * (only {@link #rehearseActivation} reads it, to plan a dry round).
     */
    private volatile boolean active = true;
    /** Completed once {@link #start} has taken its config and queued its first round; switches wait for it. */
    private final io.vertx.core.Promise<Void> configured = io.vertx.core.Promise.promise();
    private OperatorOverrides overrides = OperatorOverrides.NONE;

    /**
     * @param context the context everything runs on; the checker must have been created on it
     */
    public Director(Context context, IpvsBackend backend, HealthChecker checker, JobPlanner planner,
                    SideEffects effects, Clock clock) {
        this(context, backend, listener -> checker, planner, effects, clock);
    }

    /**
     * @param checkerFactory makes the checker that reports to this director (e.g.
     *                       {@code l -> new VertxHealthChecker(vertx, context, l)}); it must only keep the
     *                       listener, not call it, while being made
     */
    public Director(Context context, IpvsBackend backend, Function<CheckListener, HealthChecker> checkerFactory,
                    JobPlanner planner, SideEffects effects, Clock clock) {
        this.context = context;
        this.queue = new ContextQueue(context);
        this.executor = context.owner().createSharedWorkerExecutor("lvs-director-ipvs", 1);
        this.worker = new IpvsWorker(backend, executor);
        this.rehearsal = new ActivationRehearsal(worker);
        this.checker = checkerFactory.apply(this);
        this.planner = planner;
        this.effects = effects;
        this.clock = clock;
    }

    /**
     * Marks the director as standby from now on, before {@link #startInStandby} runs: a role query or an
     * activation that arrives while the daemon is still starting must not take it for active.
     */
    public Director startingInStandby() {
        active = false;
        return this;
    }

    /** Sets who watches rounds, operations and check results; call before {@link #start}. */
    public Director withObserver(DirectorObserver newObserver) {
        this.observer = java.util.Objects.requireNonNull(newObserver, "observer");
        return this;
    }

    /**
     * Start-up: reads the table, takes reals found there with weight &gt; 0 as up and all others as
     * down, brings the configured virtuals to that state in one round, then runs one full check round
     * (still "starting") and switches to running with a periodic comparison every checkinterval.
     */
    public Future<Void> start(DirectorConfig newConfig) {
        return onContext(() -> {
            status = DaemonStatus.STARTING;
            apply(newConfig);
            Future<Void> started = enqueue(() -> readTableUnlessStandby().compose(actual -> {
                health = HealthBook.initial(layouts, config.globals(), planner, actual, clock);
                return round(Mode.START, List.of());
            }));
            configured.tryComplete();
            return started
                    .compose(v -> {
                        checker.setJobs(health.jobsWithHealth());
                        return here(checker.runRound());
                    })
                    .compose(v -> queue.drained())
                    .map(v -> {
                        status = DaemonStatus.RUNNING;
                        restartTimer();
                        publish();
                        return null;
                    });
        });
    }

    /**
     * Starts in standby: like {@link #start} but every real starts down and nothing touches the IPVS table
     * until {@link #activate()}; alerts, the monitor file and fallback commands stay quiet meanwhile. A hot
     * standby director so knows the real servers' health the moment it takes over.
     */
    public Future<Void> startInStandby(DirectorConfig newConfig) {
        return onContext(() -> {
            active = false;
            Future<Void> started = start(newConfig);
            started.onSuccess(v -> rehearseActivation().onFailure(e -> LdirectordLog.warn(
                    "Rehearsing the activation in standby failed (the activation itself is not affected): " + e.getMessage())));
            return started;
        });
    }

    /**
     * Standby only: a dry run of {@link #activate} ({@link ActivationRehearsal}) that changes nothing, so that a
     * takeover runs warm code; {@link #startInStandby} does it once its first check round is done.
     *
     * @return the number of operations an activation would apply now; 0 when active
     */
    public Future<Integer> rehearseActivation() {
        return configured.future().compose(v -> onContext(() -> active || health == null || status == DaemonStatus.STOPPING
                ? Future.succeededFuture(0)
                : rehearsal.run(layouts, config.globals(), health::health, overrides)));
    }

    /**
     * Standby to active: programs the table from the health the checks already know, in one round. Asked
     * before {@link #start} has run (a takeover while the daemon starts), it waits for the start.
     */
    public Future<Void> activate() {
        return configured.future().compose(v -> onContext(() -> {
            if (active) {
                return Future.succeededFuture();
            }
            active = true;
            LdirectordLog.info("Leaving standby: programming the IPVS table from the current health of the real servers");
            return enqueue(() -> round(Mode.START, List.of()));
        }));
    }

    /** Active to standby: releases the table as a stop does (cleanstop), checks go on. */
    public Future<Void> deactivate() {
        return configured.future().compose(v -> onContext(() -> {
            if (!active) {
                return Future.succeededFuture();
            }
            active = false;
            Globals g = config.globals();
            HealthBook book = health;
            List<VirtualLayout> current = layouts;
            return enqueue(() -> worker.round((actual, programmed) -> Reconciler.planStop(current, g, actual, book::health),
                    Map.of(), true).map(result -> {
                        report(result);
                        fallbackActive.clear();
                        LdirectordLog.info("Entering standby: IPVS table released, checking goes on");
                        publish();
                        return (Void) null;
                    }));
        }));
    }

    /** False in standby. */
    public boolean active() {
        return active;
    }

    /** A check outcome (CheckListener); expected on the director's context, hops there otherwise. */
    @Override
    public void onOutcome(CheckJob job, CheckOutcome outcome) {
        if (Vertx.currentContext() != context) {
            context.runOnContext(v -> onOutcome(job, outcome));
            return;
        }
        if (health == null || status == DaemonStatus.STOPPING) {
            return;
        }
        boolean changed;
        try {
            changed = health.apply(job, outcome, effects(), observer, clock, changedVirtuals);
        } catch (RuntimeException e) {
            // a broken outcome must never take the director down
            LdirectordLog.warn("Ignoring check outcome " + outcome + ": " + e);
            return;
        }
        if (changed) {
            queueRound();
        }
        publishSoon();
    }

    /**
     * Folds the outcomes of {@link #PUBLISH_COALESCE_MS} into one snapshot rebuild: a rebuild walks every
     * real, so one per outcome made 10,000 reals checked each second cost O(reals²) per second and starved
     * the event loop (measured with bench/checks.sh).
     */
    private void publishSoon() {
        if (publishPending) {
            return;
        }
        publishPending = true;
        context.owner().setTimer(PUBLISH_COALESCE_MS, id -> {
            publishPending = false;
            publish();
        });
    }

    /**
     * Reload: health moves over for reals whose check job is unchanged; other reals start from the
     * table; only the difference is applied, virtuals no longer configured are purged.
     */
    public Future<Void> reload(DirectorConfig newConfig) {
        return onContext(() -> {
            status = DaemonStatus.RELOADING;
            List<VirtualLayout> previous = layouts;
            Future<Void> reloaded = enqueue(() -> worker.read().compose(actual -> {
                apply(newConfig);
                Set<ServiceKey> kept = keys(layouts);
                List<VirtualLayout> removed = new ArrayList<>();
                for (VirtualLayout old : previous) {
                    if (!kept.contains(old.key())) {
                        removed.add(old);
                    }
                }
                fallbackActive.keySet().retainAll(kept);
                health = HealthBook.migrate(health, layouts, config.globals(), planner, actual, clock);
                effects.reset();
                return round(Mode.RELOAD, removed);
            }));
            return reloaded.map(v -> {
                checker.setJobs(health.jobsWithHealth());
                status = DaemonStatus.RUNNING;
                restartTimer();
                publish();
                return null;
            });
        });
    }

    /**
     * Stop: checks end; virtuals with cleanstop=yes are purged (up reals first), others left as they are. A
     * director in standby leaves the table alone.
     */
    public Future<Void> stop() {
        return onContext(() -> {
            status = DaemonStatus.STOPPING;
            cancelTimer();
            checker.setJobs(Map.of());
            List<VirtualLayout> stopping = layouts;
            Globals g = config == null ? Globals.DEFAULTS : config.globals();
            HealthBook book = health;
            boolean owned = active;
            Future<Void> stopped = enqueue(() -> worker.round(
                    (actual, programmed) -> book == null || !owned ? List.of()
                            : Reconciler.planStop(stopping, g, actual, book::health), Map.of(), true)
                    .map(result -> {
                        report(result);
                        return (Void) null;
                    })
                    .onComplete(ar -> observeRound(DirectorObserver.RoundKind.STOP, ar.succeeded())));
            return stopped.eventually(() -> here(effects.close())).eventually(() -> executor.close());
        });
    }

    /**
     * Replaces the operator's overrides; they take effect in the round this requests (before start: in
     * the start round).
     */
    public Future<Void> setOverrides(OperatorOverrides newOverrides) {
        java.util.Objects.requireNonNull(newOverrides, "overrides");
        return onContext(() -> {
            overrides = newOverrides;
            if (health == null || status == DaemonStatus.STOPPING) {
                return Future.succeededFuture();
            }
            publish();
            return requestRound();
        });
    }

    /** Compares with the table now (the periodic round does the same). */
    public Future<Void> reconcileNow() {
        return onContext(this::requestRound);
    }

    public DirectorSnapshot snapshot() {
        return snapshot;
    }

    private void apply(DirectorConfig newConfig) {
        config = newConfig;
        List<VirtualLayout> built = new ArrayList<>();
        for (VirtualConfig v : newConfig.virtuals()) {
            built.add(VirtualLayout.of(v, newConfig.globals()));
            List<String> unknown = IpvsMapping.unknownSchedFlags(v.scheduling().schedFlags());
            if (!unknown.isEmpty()) {
                LdirectordLog.warn("Ignoring unknown schedflags " + String.join(",", unknown) + " of virtual server "
                        + v.address().logName());
            }
        }
        layouts = List.copyOf(built);
    }

    /** A round over the whole table. */
    private Future<Void> requestRound() {
        fullRoundPending = true;
        return queueRound();
    }

    /**
     * Queues one round unless one is queued already: a burst of changes collapses into it. Unless a full round
     * was asked for, it plans only the virtuals whose reals changed, so reals flapping among 10,000 do not
     * make every round walk them all (the periodic round still compares everything).
     */
    private Future<Void> queueRound() {
        if (roundPending) {
            return pendingRound;
        }
        roundPending = true;
        pendingRound = enqueue(() -> {
            roundPending = false;
            Set<ServiceKey> scope = fullRoundPending ? null : new LinkedHashSet<>(changedVirtuals);
            fullRoundPending = false;
            changedVirtuals.clear();
            if (scope != null && scope.isEmpty()) {
                return Future.succeededFuture(); // a periodic round took these virtuals already
            }
            return logFailure(round(Mode.ROUND, List.of(), scope));
        });
        return pendingRound;
    }

    /**
     * Every checkinterval: reads the whole table, but plans only the virtuals that do not hold what was last
     * programmed (an entry deleted or changed behind our back, an operator's weight) and those whose reals
     * changed, so a table that holds what we programmed costs one read, not a plan of every real. A standby
     * director, which never reads the table, recomputes what it would program.
     */
    private void periodicRound() {
        if (!active || fullRoundPending) {
            requestRound();
            return;
        }
        if (periodicPending) {
            return;
        }
        periodicPending = true;
        enqueue(() -> {
            periodicPending = false;
            Map<ServiceKey, VirtualService> wanted = new LinkedHashMap<>();
            for (VirtualLayout layout : layouts) {
                wanted.put(layout.key(), layout.service());
            }
            return logFailure(worker.unsettled(wanted).compose(unsettled -> {
                Set<ServiceKey> scope = new LinkedHashSet<>(changedVirtuals);
                scope.addAll(unsettled);
                changedVirtuals.clear();
                if (scope.isEmpty()) {
                    observeRound(DirectorObserver.RoundKind.ROUND, true);
                    return Future.succeededFuture();
                }
                return round(Mode.ROUND, List.of(), scope);
            }));
        });
    }

    private static Future<Void> logFailure(Future<Void> round) {
        return round.recover(err -> {
            LdirectordLog.warn("Reading or changing the IPVS table failed: " + err.getMessage());
            return Future.succeededFuture();
        });
    }

    /** One reconciliation round of the whole table; runs inside the queue, on the context. */
    private Future<Void> round(Mode mode, List<VirtualLayout> removed) {
        return round(mode, removed, null);
    }

    /** One reconciliation round over the virtuals of {@code scope} (null: all); inside the queue, on the context. */
    private Future<Void> round(Mode mode, List<VirtualLayout> removed, Set<ServiceKey> scope) {
        Globals g = config.globals();
        DesiredTable desired = DesiredTable.compute(inScope(scope), g, health::health, overrides);
        if (!active) {
            lastDesired = merged(desired, scope);
            publish(scope);
            return Future.succeededFuture();
        }
        Map<ServiceKey, Map<DestinationKey, Destination>> intended = new LinkedHashMap<>();
        desired.services().forEach((k, ds) -> intended.put(k, ds.destinations()));
        return worker.round(Reconciler.planner(mode, g.readdQuiescent(), desired, removed), intended, mode != Mode.ROUND,
                        scope)
                .map(result -> {
                    lastDesired = merged(desired, scope);
                    report(result);
                    updateFallbacks(desired, g);
                    publish(scope);
                    return (Void) null;
                })
                .onComplete(ar -> observeRound(roundKind(mode), ar.succeeded()));
    }

    private List<VirtualLayout> inScope(Set<ServiceKey> scope) {
        if (scope == null) {
            return layouts;
        }
        List<VirtualLayout> chosen = new ArrayList<>(scope.size());
        for (VirtualLayout layout : layouts) {
            if (scope.contains(layout.key())) {
                chosen.add(layout);
            }
        }
        return chosen;
    }

    /** The last desired table with the services of a round over {@code scope} replaced. */
    private DesiredTable merged(DesiredTable desired, Set<ServiceKey> scope) {
        if (scope == null) {
            return desired;
        }
        Map<ServiceKey, DesiredService> services = new LinkedHashMap<>(lastDesired.services());
        services.putAll(desired.services());
        return new DesiredTable(services);
    }

    private static DirectorObserver.RoundKind roundKind(Mode mode) {
        return switch (mode) {
            case START -> DirectorObserver.RoundKind.START;
            case ROUND -> DirectorObserver.RoundKind.ROUND;
            case RELOAD -> DirectorObserver.RoundKind.RELOAD;
        };
    }

    private void observeRound(DirectorObserver.RoundKind kind, boolean succeeded) {
        try {
            observer.roundFinished(kind, succeeded);
        } catch (RuntimeException e) {
            LdirectordLog.warn("Director observer failed on a round: " + e);
        }
    }

    private void report(RoundResult result) {
        Globals g = config == null ? Globals.DEFAULTS : config.globals();
        for (Step step : result.steps()) {
            try {
                observer.ipvsOperation(step.planned().operation(), step.error());
            } catch (RuntimeException e) {
                LdirectordLog.warn("Director observer failed on an operation: " + e);
            }
            if (!step.succeeded()) {
                LdirectordLog.info("system(/sbin/ipvsadm " + step.planned().operation().ipvsadmArguments()
                        + ") failed: " + step.error().getMessage());
            }
            DirectorEvent event = step.planned().event();
            LdirectordLog.info(event.message());
            effects().tableChanged(event, g, status);
        }
    }

    private void updateFallbacks(DesiredTable desired, Globals g) {
        for (DesiredService ds : desired.services().values()) {
            boolean serving = ds.fallbackActive();
            Boolean before = fallbackActive.put(ds.layout().key(), serving);
            if (serving != (before != null && before)) {
                effects().fallbackChanged(ds.layout().config(), g, serving);
            }
        }
    }

    private void restartTimer() {
        cancelTimer();
        long periodMs = Math.max(1, config.globals().checkInterval()) * 1000L;
        timerId = context.owner().setPeriodic(periodMs, id -> {
            periodicRound();
            effects().tick(config.globals(), status);
        });
    }

    /** A standby director does not look at the table: what is there belongs to nobody it knows. */
    private Future<ActualTable> readTableUnlessStandby() {
        return active ? worker.read() : Future.succeededFuture(ActualTable.EMPTY);
    }

    /** Alerts, monitor file and fallback commands belong to the active director only. */
    private SideEffects effects() {
        return active ? effects : SideEffects.NONE;
    }

    private void cancelTimer() {
        if (timerId >= 0) {
            context.owner().cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void publish() {
        publish(null);
    }

    /** Publishes a new snapshot; only the views of the virtuals of {@code scope} (null: all) are rebuilt. */
    private void publish(Set<ServiceKey> scope) {
        snapshot = views.build(status, layouts, lastDesired, health, overrides, scope);
    }

    private static Set<ServiceKey> keys(List<VirtualLayout> layouts) {
        Set<ServiceKey> keys = new java.util.HashSet<>();
        for (VirtualLayout l : layouts) {
            keys.add(l.key());
        }
        return keys;
    }

    private Future<Void> enqueue(Supplier<Future<Void>> task) {
        return queue.enqueue(task);
    }

    private <T> Future<T> onContext(Supplier<Future<T>> action) {
        return queue.onContext(action);
    }

    private <T> Future<T> here(Future<T> f) {
        return queue.here(f);
    }
}
