package lvsdirector.daemon;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the director shows of the HA peer on this host.
 *
 * @param state one word for the metrics: this node's status (active, up, init, dead), not_running,
 *              unreadable, unknown, or n/a when nothing is asked
 * @param text  for people: "active (nodea; peer nodeb up; resources: local)", "not running", the reason...
 */
public record HeartbeatView(String state, String text) {
    public static final HeartbeatView NOT_ASKED = new HeartbeatView("n/a", "n/a");
    public static final HeartbeatView NOT_RUNNING = new HeartbeatView("not_running", "not running");

    public static HeartbeatView unreadable(String why) {
        return new HeartbeatView("unreadable", "unreadable (" + why + ")");
    }

    public static HeartbeatView unknown(String why) {
        return new HeartbeatView("unknown", "unknown (" + why + ")");
    }

    /**
     * The view of a running peer from its node statuses and rscstatus.
     *
     * @param localNode this node's name as heartbeat knows it (uname -n)
     * @param statuses  node name to status word (active, up, init, dead), in ha.cf order
     * @param resources what rscstatus says (none, local, foreign, all, transition)
     */
    public static HeartbeatView of(String localNode, Map<String, String> statuses, String resources) {
        String local = localNode.toLowerCase(java.util.Locale.ROOT);
        String own = statuses.get(local);
        String others = statuses.entrySet().stream().filter(e -> !e.getKey().equals(local))
                .map(e -> "peer " + e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
        String rsc = "resources: " + (resources == null || resources.isBlank() ? "unknown" : resources);
        if (own == null) {
            // a peer started with --node NAME other than the host name: show what it knows
            return unknown((statuses.isEmpty() ? "the peer lists no nodes yet"
                    : "node " + local + " is not among the peer's nodes " + String.join(", ", statuses.keySet()))
                    + "; " + rsc);
        }
        return new HeartbeatView(own, own + " (" + local + "; " + (others.isEmpty() ? "no peer" : others) + "; " + rsc + ")");
    }
}
