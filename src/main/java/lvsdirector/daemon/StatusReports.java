package lvsdirector.daemon;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.director.DirectorSnapshot;
import lvsdirector.metrics.DirectorMetrics;
import lvsdirector.metrics.StatusReport;

/** Builds the metrics' status report from the director's snapshot and the last failures the metrics saw. */
final class StatusReports {
    private StatusReports() {}

    static StatusReport from(DirectorSnapshot snapshot, DirectorMetrics metrics, Clock clock) {
        return from(snapshot, StateView.NONE, HeartbeatView.NOT_ASKED, metrics, clock);
    }

    static StatusReport from(DirectorSnapshot snapshot, StateView state, HeartbeatView heartbeat,
                             DirectorMetrics metrics, Clock clock) {
        List<StatusReport.Virtual> virtuals = new ArrayList<>();
        for (DirectorSnapshot.VirtualView v : snapshot.virtuals()) {
            List<StatusReport.Real> reals = new ArrayList<>();
            for (DirectorSnapshot.RealView r : v.reals()) {
                reals.add(new StatusReport.Real(r.server(), health(r), r.weight(), r.lastMessage(), r.since(),
                        metrics.lastFailure(v.id(), r.server()), r.drained(), r.weightOverride()));
            }
            virtuals.add(new StatusReport.Virtual(v.id(), v.name(), v.fallbackActive(), reals));
        }
        String status = snapshot.status() == null ? "unknown" : snapshot.status().word();
        return new StatusReport(status, clock.instant(), virtuals, heartbeat.text(), state.drbd(),
                state.unmatchedOverrides(), state.metrics(), heartbeat.state());
    }

    private static StatusReport.Health health(DirectorSnapshot.RealView r) {
        if (r.health() == null) {
            return StatusReport.Health.UNKNOWN;
        }
        return switch (r.health()) {
            case UP -> StatusReport.Health.UP;
            case DOWN -> StatusReport.Health.DOWN;
        };
    }
}
