package lvsdirector.director;

import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lvsdirector.check.CheckJob;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.Health;
import lvsdirector.config.CheckType;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.support.InetAddrs;

/**
 * The health of every configured real and which check job feeds it (one job may feed the same real in
 * several virtuals). Confined to the director's context.
 *
 * <p>Each real's status sits in a {@link Slot} that the job's list points at, so an outcome (thousands a
 * second at 10,000 reals) updates its reals without hashing a key; the job itself is found by identity
 * first (the checker hands back the instances it was given) and by equality only after a reload.
 */
final class HealthBook {
    private final Map<RealKey, Slot> reals;
    private final Map<CheckJob, Slot[]> byJob;
    private final Map<CheckJob, Slot[]> byJobInstance = new IdentityHashMap<>();

    /** The current status of one real; replaced (never mutated) at each result. */
    private static final class Slot {
        RealStatus status;
        /** The virtual's id, made once: every result names it for the observer. */
        final String virtualId;

        Slot(RealStatus status) {
            this.status = status;
            this.virtualId = status.layout().config().id();
        }
    }

    private HealthBook(Map<RealKey, RealStatus> statuses) {
        this.reals = new LinkedHashMap<>();
        Map<CheckJob, List<Slot>> jobs = new LinkedHashMap<>();
        for (RealStatus s : statuses.values()) {
            Slot slot = new Slot(s);
            reals.put(s.key(), slot);
            if (s.job() != null) {
                jobs.computeIfAbsent(s.job(), j -> new ArrayList<>()).add(slot);
            }
        }
        this.byJob = new LinkedHashMap<>();
        jobs.forEach((job, slots) -> byJob.put(job, slots.toArray(Slot[]::new)));
        byJob.forEach(byJobInstance::put);
    }

    /**
     * Start-up: a configured real found in the table with weight > 0 is up (no flap), every other one is
     * down. The first check round decides from there.
     */
    static HealthBook initial(List<VirtualLayout> layouts, Globals g, JobPlanner planner, ActualTable actual, Clock clock) {
        return migrate(null, layouts, g, planner, actual, clock);
    }

    /**
     * Reload: a real whose check job is unchanged keeps its health (and check state); any other starts
     * from the table as at start-up.
     */
    static HealthBook migrate(HealthBook previous, List<VirtualLayout> layouts, Globals g, JobPlanner planner,
                              ActualTable actual, Clock clock) {
        Map<RealKey, RealStatus> reals = new LinkedHashMap<>();
        for (VirtualLayout layout : layouts) {
            for (Map.Entry<DestinationKey, RealConfig> e : layout.reals().entrySet()) {
                RealKey key = layout.realKey(e.getKey());
                CheckJob job = planJob(planner, layout, e.getValue(), g);
                RealStatus old = previous == null ? null : previous.status(key);
                if (old != null && job != null && job.equals(old.job())) {
                    reals.put(key, new RealStatus(layout, e.getValue(), key, old.name(), job, old.health(),
                            old.lastMessage(), old.since()));
                } else {
                    Destination inTable = actual.destination(key);
                    Health health = inTable != null && inTable.weight() > 0 ? Health.UP : Health.DOWN;
                    reals.put(key, new RealStatus(layout, e.getValue(), key, job, health, null, clock.instant()));
                }
            }
        }
        return new HealthBook(reals);
    }

    /** A real whose check cannot be planned is never checked and stays down; the reason is logged. */
    private static CheckJob planJob(JobPlanner planner, VirtualLayout layout, RealConfig real, Globals g) {
        try {
            return planner.jobFor(layout.config(), real, g);
        } catch (IllegalArgumentException e) {
            LdirectordLog.warn("Cannot check real server " + InetAddrs.hostPort(real.address(), real.port()) + " ("
                    + layout.config().id() + "): " + e.getMessage());
            return null;
        }
    }

    Health health(RealKey key) {
        Slot s = reals.get(key);
        return s == null ? Health.DOWN : s.status.health();
    }

    RealStatus status(RealKey key) {
        Slot s = reals.get(key);
        return s == null ? null : s.status;
    }

    /** Each job with the health it starts from (a job shared by several reals: up if any of them is). */
    Map<CheckJob, Health> jobsWithHealth() {
        Map<CheckJob, Health> jobs = new LinkedHashMap<>();
        for (Slot slot : reals.values()) {
            RealStatus s = slot.status;
            if (s.job() == null) {
                continue;
            }
            jobs.merge(s.job(), s.health(), (a, b) -> a == Health.UP || b == Health.UP ? Health.UP : Health.DOWN);
        }
        return jobs;
    }

    /**
     * Applies an outcome to every real its job feeds: logs soft failures and counter resets in
     * ldirectord's words, reports the result for the monitor file and the observer, and updates health (never for
     * checktype=off). Returns true when some real's health changed, and adds the virtuals of those reals to
     * {@code changedVirtuals}.
     */
    boolean apply(CheckJob job, CheckOutcome outcome, SideEffects effects, DirectorObserver observer, Clock clock,
                  Set<ServiceKey> changedVirtuals) {
        Slot[] slots = byJobInstance.get(job);
        if (slots == null) {
            slots = byJob.get(job);
        }
        if (slots == null) {
            return false;
        }
        boolean changed = false;
        for (Slot slot : slots) {
            RealStatus s = slot.status;
            logCounters(s, outcome);
            effects.checkResult(s.layout().config(), s.real(), outcome);
            observe(observer, slot.virtualId, s, outcome);
            // checktype=off never changes health; only a maintenance file (a forced result) does
            boolean off = s.layout().config().check().checkType() == CheckType.OFF
                    && (outcome.result() == null || !outcome.result().forced());
            Health health = off ? s.health() : outcome.health();
            String message = outcome.result() == null ? null : outcome.result().message();
            slot.status = s.withResult(health, message, clock.instant());
            if (health != s.health()) {
                changed = true;
                changedVirtuals.add(s.layout().key());
            }
        }
        return changed;
    }

    private static void observe(DirectorObserver observer, String virtualId, RealStatus s, CheckOutcome outcome) {
        try {
            observer.realChecked(virtualId, s.name(), outcome);
        } catch (RuntimeException e) {
            LdirectordLog.warn("Director observer failed on a check result: " + e);
        }
    }

    private static void logCounters(RealStatus s, CheckOutcome outcome) {
        Transition t = outcome.transition();
        if (t == Transition.SOFT_FAILURE) {
            LdirectordLog.info("Soft failure real server: " + server(s) + " failure " + outcome.failures() + "/"
                    + outcome.failureCount());
        } else if (t == Transition.FAILURES_RESET || (t == Transition.WENT_UP && outcome.failures() > 0)) {
            LdirectordLog.info("Resetting soft failure count: " + server(s));
        }
    }

    private static String server(RealStatus s) {
        return s.name() + " (" + s.layout().config().id() + ")";
    }
}
