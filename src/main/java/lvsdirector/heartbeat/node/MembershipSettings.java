package lvsdirector.heartbeat.node;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import lvsdirector.heartbeat.config.HaCf;

/**
 * The timing and node list the membership layer runs with.
 *
 * @param nodes every {@code node} of ha.cf, lowercased, in file order (our own included)
 */
public record MembershipSettings(String localNode, List<String> nodes, Duration keepalive, Duration deadtime,
        Duration warntime, Duration initdead, Duration maxRexmitDelay) {

    /** heartbeat advertises deadtime plus this for the first {@link #STARTUP_PADDING_PERIOD}. */
    public static final Duration STARTUP_DEADTIME_PADDING = Duration.ofSeconds(2);
    public static final Duration STARTUP_PADDING_PERIOD = Duration.ofSeconds(5);

    public MembershipSettings {
        localNode = localNode.toLowerCase(Locale.ROOT);
        nodes = List.copyOf(nodes);
        if (!nodes.contains(localNode)) {
            throw new IllegalArgumentException("Current node [" + localNode + "] not in configuration!");
        }
    }

    public static MembershipSettings of(HaCf haCf, String localNode) {
        return new MembershipSettings(localNode, haCf.nodes(), haCf.keepalive(), haCf.deadtime(), haCf.warntime(),
                haCf.initdead(), haCf.maxRexmitDelay());
    }

    /**
     * How often the node's loop runs {@link Membership#tick}: a quarter keepalive, between 10 and 100 ms. heartbeat
     * checks on every main loop pass; a fixed 100 ms tick would send a 100 ms keepalive only every 200 ms and
     * declare a 500 ms deadtime up to 100 ms late.
     */
    public Duration tickPeriod() {
        long quarter = keepalive.toMillis() / 4;
        return Duration.ofMillis(Math.max(10, Math.min(100, quarter)));
    }

    /** The other nodes, in ha.cf order. */
    public List<String> peers() {
        return nodes.stream().filter(n -> !n.equals(localNode)).toList();
    }
}
