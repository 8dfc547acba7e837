package lvsdirector.metrics;

import java.time.Instant;
import java.util.List;

/**
 * What {@code /status} shows and what the per-real and per-virtual gauges are read from.
 *
 * @param daemonStatus ldirectord's word for the daemon state ("running", "reloading"...), or "unknown"
 * @param heartbeat    the Heartbeat peer's state, "n/a" until that part reports here
 * @param drbd         the DRBD state directory's role, "n/a" when no DRBD state directory is in use
 * @param unmatchedOverrides operator overrides that name no configured real (kept, shown so they are
 *                           not forgotten), as text
 * @param stateDirectory where operator state is kept, null when the reporter has no state directory
 */
public record StatusReport(String daemonStatus, Instant generatedAt, List<Virtual> virtuals, String heartbeat,
                           String drbd, List<String> unmatchedOverrides, StateDirectory stateDirectory) {
    public static final String NOT_AVAILABLE = "n/a";

    public StatusReport {
        virtuals = List.copyOf(virtuals);
        unmatchedOverrides = List.copyOf(unmatchedOverrides);
    }

    public StatusReport(String daemonStatus, Instant generatedAt, List<Virtual> virtuals, String heartbeat, String drbd,
                        List<String> unmatchedOverrides) {
        this(daemonStatus, generatedAt, virtuals, heartbeat, drbd, unmatchedOverrides, null);
    }

    /**
     * The state directory as the metrics show it.
     *
     * @param placement       shared (the DRBD directory), local, or refused
     * @param drbdPrimary     whether this node is DRBD Primary of the state resource; null without DRBD
     * @param lastWriteMillis Unix time in ms of the last successful state-file write, 0 before the first
     */
    public record StateDirectory(String placement, Boolean drbdPrimary, long lastWriteMillis) {}

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
