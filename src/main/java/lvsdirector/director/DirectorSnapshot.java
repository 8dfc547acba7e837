package lvsdirector.director;

import java.time.Instant;
import java.util.List;

import lvsdirector.check.Health;
import lvsdirector.config.DaemonStatus;

/** A read-only view of the director for status output and `show`. */
public record DirectorSnapshot(DaemonStatus status, List<VirtualView> virtuals) {

    public static final DirectorSnapshot EMPTY = new DirectorSnapshot(null, List.of());

    public DirectorSnapshot {
        virtuals = List.copyOf(virtuals);
    }

    /**
     * @param id     ldirectord's id ("tcp:10.0.0.1:80")
     * @param name   ldirectord's name in logs ("10.0.0.1:80")
     */
    public record VirtualView(String id, String name, boolean fallbackActive, List<RealView> reals) {
        public VirtualView {
            reals = List.copyOf(reals);
        }
    }

    /**
     * @param server      "RIP:port" as configured
     * @param weight      the weight the director wants in the table, or null when it wants the real absent
     * @param lastMessage the last check result's message, or null before the first result
     * @param drained     the operator drained it
     * @param weightOverride the operator's weight for it, null when none
     */
    public record RealView(String server, Health health, Integer weight, String lastMessage, Instant since,
                           boolean drained, Integer weightOverride) {
        public RealView(String server, Health health, Integer weight, String lastMessage, Instant since) {
            this(server, health, weight, lastMessage, since, false, null);
        }
    }
}
