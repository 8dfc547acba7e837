package lvsdirector.daemon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import lvsdirector.director.DirectorSnapshot;

/** Renders the director's view for `ldirectord show`: per real, health, weight, last result and since when. */
final class SnapshotText {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private SnapshotText() {}

    static String render(DirectorSnapshot snapshot) {
        return render(snapshot, StateView.NONE, HeartbeatView.NOT_ASKED);
    }

    /**
     * With the HA peer's view and the state directory's DRBD role under the daemon status, the operator's
     * overrides marked per real and those that match no real listed at the end.
     */
    static String render(DirectorSnapshot snapshot, StateView state, HeartbeatView heartbeat) {
        StringBuilder sb = new StringBuilder();
        sb.append("Daemon status: ").append(snapshot.status() == null ? "unknown" : snapshot.status().word()).append('\n');
        sb.append("Heartbeat: ").append(heartbeat.text()).append('\n');
        sb.append("State directory (DRBD): ").append(state.drbd()).append('\n');
        for (DirectorSnapshot.VirtualView v : snapshot.virtuals()) {
            sb.append("Virtual ").append(v.id()).append(v.fallbackActive() ? " (fallback active)" : "").append('\n');
            for (DirectorSnapshot.RealView r : v.reals()) {
                sb.append(String.format("  %-28s %-5s weight %-4s since %s  %s%s%n", r.server(),
                        r.health() == null ? "?" : r.health().name().toLowerCase(java.util.Locale.ROOT),
                        r.weight() == null ? "-" : r.weight().toString(),
                        r.since() == null ? "-" : SINCE.format(r.since()),
                        r.lastMessage() == null ? "(not checked yet)" : r.lastMessage(), overrideText(r)));
            }
        }
        for (String unmatched : state.unmatchedOverrides()) {
            sb.append("Unmatched override: ").append(unmatched).append('\n');
        }
        return sb.toString();
    }

    private static String overrideText(DirectorSnapshot.RealView r) {
        String text = (r.drained() ? " drained" : "") + (r.weightOverride() == null ? "" : " weight override " + r.weightOverride());
        return text.isEmpty() ? "" : "  [" + text.trim() + "]";
    }
}
