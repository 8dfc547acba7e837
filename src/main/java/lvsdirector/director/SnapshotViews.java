package lvsdirector.director;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lvsdirector.config.DaemonStatus;
import lvsdirector.config.RealConfig;
import lvsdirector.director.DesiredTable.DesiredService;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.support.InetAddrs;

/**
 * Builds the director's snapshots and keeps each virtual's view, so a snapshot after a round over a few
 * virtuals rebuilds only their views instead of walking every real. Confined to the director's context.
 */
final class SnapshotViews {
    private final Map<ServiceKey, DirectorSnapshot.VirtualView> views = new HashMap<>();

    /**
     * @param scope the virtuals whose views are rebuilt; null: all of them (and views of virtuals no longer
     *              configured are forgotten)
     */
    DirectorSnapshot build(DaemonStatus status, List<VirtualLayout> layouts, DesiredTable desired, HealthBook health,
                           OperatorOverrides overrides, Set<ServiceKey> scope) {
        if (scope == null) {
            views.clear();
        }
        List<DirectorSnapshot.VirtualView> list = new ArrayList<>(layouts.size());
        for (VirtualLayout layout : layouts) {
            DirectorSnapshot.VirtualView view = scope == null || scope.contains(layout.key()) ? null
                    : views.get(layout.key());
            if (view == null) {
                view = viewOf(layout, desired.services().get(layout.key()), health, overrides);
                views.put(layout.key(), view);
            }
            list.add(view);
        }
        return new DirectorSnapshot(status, list);
    }

    private static DirectorSnapshot.VirtualView viewOf(VirtualLayout layout, DesiredService ds, HealthBook health,
                                                       OperatorOverrides overrides) {
        List<DirectorSnapshot.RealView> reals = new ArrayList<>(layout.reals().size());
        for (Map.Entry<DestinationKey, RealConfig> e : layout.reals().entrySet()) {
            RealStatus s = health == null ? null : health.status(layout.realKey(e.getKey()));
            Destination d = ds == null ? null : ds.destinations().get(e.getKey());
            OperatorOverrides.Setting setting = overrides.find(layout.config(), e.getValue());
            reals.add(new DirectorSnapshot.RealView(s != null ? s.name()
                    : InetAddrs.hostPort(e.getValue().address(), e.getValue().port()),
                    s == null ? null : s.health(), d == null ? null : d.weight(),
                    s == null ? null : s.lastMessage(), s == null ? null : s.since(),
                    setting != null && setting.drained(), setting == null ? null : setting.weight()));
        }
        return new DirectorSnapshot.VirtualView(layout.config().id(), layout.config().address().logName(),
                ds != null && ds.fallbackActive(), reals);
    }
}
