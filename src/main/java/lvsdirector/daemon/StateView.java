package lvsdirector.daemon;

import java.util.List;

/**
 * What status output shows of the state directory.
 *
 * @param drbd               the DRBD role ("Primary r0 (Connected)"), "n/a" without DRBD
 * @param unmatchedOverrides overrides that name no configured real, described
 */
record StateView(String drbd, List<String> unmatchedOverrides) {
    static final StateView NONE = new StateView("n/a", List.of());

    StateView {
        unmatchedOverrides = List.copyOf(unmatchedOverrides);
    }
}
