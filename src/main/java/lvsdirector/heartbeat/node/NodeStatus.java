package lvsdirector.heartbeat.node;

import java.util.Locale;

/** A node's status as heartbeat names it ({@code cl_status nodestatus} prints these words). */
public enum NodeStatus {
    /** Configured but not heard from, or declared dead. */
    DEAD,
    /** Just started. */
    INIT,
    /** Media running, comm not up yet. */
    UP,
    /** Comm up: heard from every node (or initdead passed) and node lists exchanged. */
    ACTIVE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for a {@code st=} value of a received {@code t=status}, or null for anything else. */
    public static NodeStatus fromWire(String st) {
        return switch (st) {
            case "init" -> INIT;
            case "up" -> UP;
            case "active" -> ACTIVE;
            default -> null;
        };
    }
}
