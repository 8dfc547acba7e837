package lvsdirector.daemon;

import java.util.List;
import lvsdirector.metrics.StatusReport;

/**
 * What status output shows of the state directory.
 *
 * @param drbd               the DRBD role ("Primary r0 (Connected)"), "n/a" without DRBD
 * @param unmatchedOverrides overrides that name no configured real, described
 * @param metrics            placement, DRBD role and last write for the metrics; null when unknown
 */
record StateView(String drbd, List<String> unmatchedOverrides, StatusReport.StateDirectory metrics) {
    static final StateView NONE = new StateView("n/a", List.of(), null);

    StateView {
        unmatchedOverrides = List.copyOf(unmatchedOverrides);
    }
}
