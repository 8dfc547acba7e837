package lvsdirector.metrics;

import java.time.Instant;
import java.util.List;

/**
 * What {@code /status} shows and what the per-real and per-virtual gauges are read from.
 *
 * @param daemonStatus ldirectord's word for the daemon state ("running", "reloading"...), or "unknown"
 * @param heartbeat    the Heartbeat peer's state as text ("active (nodea; peer nodeb up; resources: local)"),
 *                     "n/a" when nobody reports it
 * @param drbd         the DRBD state directory's role, "n/a" when no DRBD state directory is in use
 * @param unmatchedOverrides operator overrides that name no configured real (kept, shown so they are
 *                           not forgotten), as text
 * @param stateDirectory where operator state is kept, null when the reporter has no state directory
 * @param heartbeatState one word for the heartbeat state, the metrics' label: this node's status
 *                       (active, up, init, dead), not_running, unreadable, unknown, or "n/a"
 */
public record StatusReport(String daemonStatus, Instant generatedAt, List<Virtual> virtuals, String heartbeat,
                           String drbd, List<String> unmatchedOverrides, StateDirectory stateDirectory,
                           String heartbeatState) {
    public static final String NOT_AVAILABLE = "n/a";

    public StatusReport {
        virtuals = List.copyOf(virtuals);
        unmatchedOverrides = List.copyOf(unmatchedOverrides);
    }

    /** A report whose heartbeat state word is the heartbeat text itself (e.g. "n/a"). */
    public StatusReport(String daemonStatus, Instant generatedAt, List<Virtual> virtuals, String heartbeat,
                        String drbd, List<String> unmatchedOverrides, StateDirectory stateDirectory) {
        this(daemonStatus, generatedAt, virtuals, heartbeat, drbd, unmatchedOverrides, stateDirectory, heartbeat);
    }

    public StatusReport(String daemonStatus, Instant generatedAt, List<Virtual> virtuals, String heartbeat, String drbd,
                        List<String> unmatchedOverrides) {
        this(daemonStatus, generatedAt, virtuals, heartbeat, drbd, unmatchedOverrides, null);
    }

    /**
     * The state directory as the metrics and the page show it.
     *
     * @param placement       shared (the DRBD directory), local, or refused
     * @param drbdPrimary     whether this node is DRBD Primary of the state resource; null without DRBD
     * @param lastWriteMillis Unix time in ms of the last successful state-file write, 0 before the first
     * @param detail          the placement in words, with the reason for local or refused; null when unknown
     * @param drbd            the DRBD device of the state directory as /proc/drbd shows it; null without DRBD
     * @param splitBrain      DRBD is StandAlone: split brain (or a manual disconnect), needs the operator
     * @param files           the state files in the directory in use, by name
     */
    public record StateDirectory(String placement, Boolean drbdPrimary, long lastWriteMillis, String detail,
                                 Drbd drbd, boolean splitBrain, List<StateFileInfo> files) {
        public StateDirectory {
            files = List.copyOf(files);
        }

        public StateDirectory(String placement, Boolean drbdPrimary, long lastWriteMillis) {
            this(placement, drbdPrimary, lastWriteMillis, null, null, false, List.of());
        }
    }

    /**
     * One DRBD minor as /proc/drbd shows it ({@code cs:}, {@code ro:}, {@code ds:}); roles and disks are
     * null while it is unconfigured.
     */
    public record Drbd(String resource, int minor, String connection, String role, String peerRole, String disk,
                       String peerDisk) {}

    /**
     * A state file's envelope.
     *
     * @param seq       its sequence number, -1 when the file cannot be read
     * @param writtenAt when it was written, null when unknown
     * @param problem   why it cannot be read, null when it can
     */
    public record StateFileInfo(String name, long seq, Instant writtenAt, String node, String problem) {}

    public StatusReport(String daemonStatus, Instant generatedAt, List<Virtual> virtuals, String heartbeat, String drbd) {
        this(daemonStatus, generatedAt, virtuals, heartbeat, drbd, List.of());
    }

    /**
     * @param id   ldirectord's id of the virtual ("tcp:192.0.2.1:80"), the metrics' {@code virtual} label
     * @param name ldirectord's name of it in logs ("192.0.2.1:80")
     */
    public record Virtual(String id, String name, boolean fallbackActive, List<Real> reals) {
        public Virtual {
            reals = List.copyOf(reals);
        }

        public long liveReals() {
            return reals.stream().filter(r -> r.health() == Health.UP).count();
        }
    }

    /**
     * @param server      "RIP:port" as configured, the metrics' {@code real} label
     * @param weight      the weight the director wants in the table, null when it wants the real absent
     * @param lastMessage the last check result's message, null before the first result
     * @param since       when the health last changed
     * @param lastFailure the last failed check, null when none was seen
     * @param drained     the operator drained it (weight 0, checks go on)
     * @param weightOverride the operator's weight for it, null when none
     */
    public record Real(String server, Health health, Integer weight, String lastMessage, Instant since,
                       LastFailure lastFailure, boolean drained, Integer weightOverride) {
        public Real(String server, Health health, Integer weight, String lastMessage, Instant since,
                    LastFailure lastFailure) {
            this(server, health, weight, lastMessage, since, lastFailure, false, null);
        }
    }

    public enum Health {
        UP, DOWN, UNKNOWN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A failed check: reason ("timeout", "refused"...), its message and when it happened. */
    public record LastFailure(String reason, String message, Instant at) {}
}
