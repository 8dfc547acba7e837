package lvsdirector.daemon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import lvsdirector.director.DirectorSnapshot;

/** Renders the director's view for `ldirectord show`: per real, health, weight, last result and since when. */
final class SnapshotText {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private SnapshotText() {}

    static String render(DirectorSnapshot snapshot) {
        StringBuilder sb = new StringBuilder();
        sb.append("Daemon status: ").append(snapshot.status() == null ? "unknown" : snapshot.status().word()).append('\n');
        for (DirectorSnapshot.VirtualView v : snapshot.virtuals()) {
            sb.append("Virtual ").append(v.id()).append(v.fallbackActive() ? " (fallback active)" : "").append('\n');
            for (DirectorSnapshot.RealView r : v.reals()) {
                sb.append(String.format("  %-28s %-5s weight %-4s since %s  %s%n", r.server(),
                        r.health() == null ? "?" : r.health().name().toLowerCase(java.util.Locale.ROOT),
                        r.weight() == null ? "-" : r.weight().toString(),
                        r.since() == null ? "-" : SINCE.format(r.since()),
                        r.lastMessage() == null ? "(not checked yet)" : r.lastMessage()));
            }
        }
        return sb.toString();
    }
}
