package lvsdirector.director;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import lvsdirector.check.Health;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.director.ActualTable.ActualService;
import lvsdirector.director.DesiredTable.DesiredService;
import lvsdirector.director.DirectorEvent.Kind;

/**
 * Compares the desired table with the backend's actual one and plans the minimal operations, in
 * ldirectord's order (services first, then per virtual its reals, foreign destinations, the fallback).
 * Pure: no I/O, no clock.
 *
 * <p>Modes: START and RELOAD purge destinations of configured virtuals that are not configured and put
 * every entry where it belongs; ROUND only restores what vanished behind our back and leaves a weight
 * an operator changed by hand (differs from what we last programmed, nothing changed on our side) alone.
 * Virtual services that are not configured are never touched.
 */
public final class Reconciler {

    public enum Mode { START, ROUND, RELOAD }

    private final Mode mode;
    private final boolean readdQuiescent;
    private final Map<ServiceKey, Map<DestinationKey, Destination>> programmed;

    /**
     * @param programmed what the director last programmed per service (used in ROUND mode to tell our
     *                   own entries and operator drains from everything else)
     */
    public Reconciler(Mode mode, boolean readdQuiescent, Map<ServiceKey, Map<DestinationKey, Destination>> programmed) {
        this.mode = mode;
        this.readdQuiescent = readdQuiescent;
        this.programmed = programmed;
    }

    /**
     * The round planner of one round: the table read at the round's start and what was last programmed are the
     * worker's; the desired table and the removed virtuals are this round's.
     */
    static IpvsWorker.RoundPlanner planner(Mode mode, boolean readdQuiescent, DesiredTable desired,
                                           List<VirtualLayout> removed) {
        return (actual, programmed) -> new Reconciler(mode, readdQuiescent, programmed).plan(desired, actual, removed);
    }

    /**
     * @param removed virtuals of the previous config that the new one no longer has (RELOAD only)
     */
    public List<PlannedOperation> plan(DesiredTable desired, ActualTable actual, List<VirtualLayout> removed) {
        List<PlannedOperation> ops = new ArrayList<>();
        for (DesiredService ds : desired.services().values()) {
            planService(ds, actual.service(ds.layout().key()), ops);
        }
        for (DesiredService ds : desired.services().values()) {
            planDestinations(ds, actual.service(ds.layout().key()), ops);
        }
        for (VirtualLayout gone : removed) {
            if (actual.service(gone.key()) != null && !desired.services().containsKey(gone.key())) {
                ops.add(new PlannedOperation(new IpvsOperation.DeleteService(gone.key()),
                        DirectorEvent.virtualEvent(Kind.PURGED_VIRTUAL_START, gone.config())));
            }
        }
        return ops;
    }

    private static void planService(DesiredService ds, ActualService have, List<PlannedOperation> ops) {
        VirtualLayout layout = ds.layout();
        if (have == null) {
            ops.add(new PlannedOperation(new IpvsOperation.AddService(layout.service()),
                    DirectorEvent.virtualEvent(Kind.ADDED_VIRTUAL, layout.config())));
        } else if (!sameService(have.service(), layout.service())) {
            ops.add(new PlannedOperation(new IpvsOperation.EditService(layout.service()),
                    DirectorEvent.virtualEvent(Kind.CHANGED_VIRTUAL, layout.config())));
        }
    }

    private void planDestinations(DesiredService ds, ActualService have, List<PlannedOperation> ops) {
        VirtualLayout layout = ds.layout();
        Map<DestinationKey, Destination> actual = have == null ? Map.of() : have.destinations();
        Map<DestinationKey, Destination> ours = programmed.getOrDefault(layout.key(), Map.of());
        // a whole service that vanished is rebuilt as at start
        boolean rebuild = mode != Mode.ROUND || have == null;
        for (Map.Entry<DestinationKey, RealConfig> e : layout.reals().entrySet()) {
            DestinationKey dk = e.getKey();
            planReal(layout, dk, e.getValue().port(), ds.destinations().get(dk), actual.get(dk), ours.get(dk),
                    rebuild, ops);
        }
        for (Map.Entry<DestinationKey, Destination> e : actual.entrySet()) {
            DestinationKey dk = e.getKey();
            if (layout.reals().containsKey(dk)) {
                continue;
            }
            RealKey rk = layout.realKey(dk);
            if (layout.isFallback(dk)) {
                if (!ds.destinations().containsKey(dk) && (rebuild || ours.containsKey(dk))) {
                    ops.add(delete(layout, rk, Kind.DELETED_FALLBACK, fallbackPort(layout), e.getValue()));
                }
            } else if (rebuild) {
                ops.add(delete(layout, rk, Kind.PURGED_REAL_START, dk.port(), e.getValue()));
            }
        }
        Destination fallback = layout.fallback();
        if (fallback != null && layout.isFallback(fallback.key()) && ds.destinations().containsKey(fallback.key())) {
            Destination current = actual.get(fallback.key());
            RealKey rk = layout.realKey(fallback.key());
            if (current == null) {
                ops.add(put(layout, rk, Kind.ADDED_FALLBACK, fallbackPort(layout), fallback, true));
            } else if (!current.equals(fallback) && !isOperatorChange(current, fallback, ours.get(fallback.key()))) {
                ops.add(put(layout, rk, Kind.RESTORED_FALLBACK, fallbackPort(layout), fallback, false));
            }
        }
    }

    private void planReal(VirtualLayout layout, DestinationKey dk, int configuredPort, Destination want,
                          Destination current, Destination ours, boolean rebuild, List<PlannedOperation> ops) {
        RealKey rk = layout.realKey(dk);
        if (want == null) {
            if (current != null && (rebuild || ours != null)) {
                ops.add(delete(layout, rk, Kind.DELETED_REAL, configuredPort, current));
            }
        } else if (current == null) {
            if (want.weight() > 0) {
                ops.add(put(layout, rk, Kind.ADDED_REAL, configuredPort, want, true));
            } else if (readdQuiescent) {
                ops.add(put(layout, rk, Kind.READD_QUIESCENT_REAL, configuredPort, want, true));
            } else if (rebuild) {
                ops.add(put(layout, rk, Kind.QUIESCENT_REAL, configuredPort, want, true));
            }
        } else if (!current.equals(want) && !isOperatorChange(current, want, ours)) {
            Kind kind = want.weight() == 0 ? Kind.QUIESCENT_REAL : Kind.RESTORED_REAL;
            ops.add(put(layout, rk, kind, configuredPort, want, false));
        }
    }

    /** Equal services; a backend may report "no persistence engine" as an empty name. */
    static boolean sameService(VirtualService a, VirtualService b) {
        return normalised(a).equals(normalised(b));
    }

    private static VirtualService normalised(VirtualService s) {
        String pe = s.persistenceEngine() == null || s.persistenceEngine().isEmpty() ? null : s.persistenceEngine();
        return new VirtualService(s.key(), s.scheduler(), s.flags(), s.timeout(), s.netmask(), pe);
    }

    /** Nothing changed on our side, and the kernel differs from what we programmed only in the weight. */
    private boolean isOperatorChange(Destination current, Destination want, Destination ours) {
        return mode == Mode.ROUND && want.equals(ours) && current.withWeight(want.weight()).equals(want);
    }

    private static int fallbackPort(VirtualLayout layout) {
        return layout.fallbackConfiguredPort();
    }

    private static PlannedOperation put(VirtualLayout layout, RealKey rk, Kind kind, int configuredPort,
                                        Destination d, boolean add) {
        IpvsOperation op = add ? new IpvsOperation.AddDestination(layout.key(), d)
                : new IpvsOperation.EditDestination(layout.key(), d);
        return new PlannedOperation(op, DirectorEvent.serverEvent(kind, layout.config(), rk, configuredPort, d));
    }

    private static PlannedOperation delete(VirtualLayout layout, RealKey rk, Kind kind, int configuredPort,
                                           Destination current) {
        return new PlannedOperation(new IpvsOperation.DeleteDestination(layout.key(), rk.destination()),
                DirectorEvent.serverEvent(kind, layout.config(), rk, configuredPort, current));
    }

    /**
     * Stop with cleanstop semantics: for each virtual whose effective cleanstop is yes and that is in the
     * table, delete every real currently up ("Purged real server (stop)"), then the service ("Purged
     * virtual server (stop)"); quiesced reals and the fallback go with the service.
     */
    public static List<PlannedOperation> planStop(List<VirtualLayout> layouts, Globals globals,
                                                  ActualTable actual, Function<RealKey, Health> health) {
        List<PlannedOperation> ops = new ArrayList<>();
        for (VirtualLayout layout : layouts) {
            ActualService have = actual.service(layout.key());
            if (have == null || !layout.config().effectiveCleanstop(globals)) {
                continue;
            }
            for (Map.Entry<DestinationKey, RealConfig> e : layout.reals().entrySet()) {
                RealKey rk = layout.realKey(e.getKey());
                Destination current = have.destinations().get(e.getKey());
                if (current != null && health.apply(rk) == Health.UP) {
                    ops.add(delete(layout, rk, Kind.PURGED_REAL_STOP, e.getValue().port(), current));
                }
            }
            ops.add(new PlannedOperation(new IpvsOperation.DeleteService(layout.key()),
                    DirectorEvent.virtualEvent(Kind.PURGED_VIRTUAL_STOP, layout.config())));
        }
        return ops;
    }
}
