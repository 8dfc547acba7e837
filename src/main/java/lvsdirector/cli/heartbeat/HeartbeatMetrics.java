package lvsdirector.cli.heartbeat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import lvsdirector.heartbeat.node.MembershipListener;
import lvsdirector.heartbeat.node.NodeStatus;
import lvsdirector.heartbeat.r1.Takeovers;

/**
 * The heartbeat peer's metrics (prefix {@code lvsheartbeat_}) in a Prometheus registry. As a membership
 * listener it counts late heartbeats and deaths as they happen; node statuses, held resources, takeovers
 * and dropped packets are read from a {@link PeerState} given at each scrape. Every name is listed with
 * its meaning in docs/observability.md.
 */
public final class HeartbeatMetrics implements MembershipListener {
    private static final String NODE = "node";

    /** What the peer knows at scrape time. */
    public record PeerState(Map<String, NodeStatus> statuses, String rscStatus, Map<String, Long> takeovers,
                            Map<String, Long> droppedPackets) {
        public static final PeerState EMPTY = new PeerState(Map.of(), "transition", Map.of(), Map.of());
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<PeerState> state = new AtomicReference<>(PeerState.EMPTY);

    /** @param nodes every node of ha.cf, ours included; {@code localNode} gets no beat counters */
    public HeartbeatMetrics(List<String> nodes, String localNode) {
        for (String node : nodes) {
            for (NodeStatus status : NodeStatus.values()) {
                Gauge.builder("lvsheartbeat.node.status", state, s -> s.get().statuses().get(node) == status ? 1 : 0)
                        .description("1 for the node's current status (dead, init, up, active), 0 for the others")
                        .tags(NODE, node, "status", status.word()).register(registry);
            }
            if (!node.equalsIgnoreCase(localNode)) {
                lateCounter(node);
                deathCounter(node);
            }
        }
        for (String side : List.of("local", "foreign")) {
            Gauge.builder("lvsheartbeat.resources.held", state, s -> holds(s.get().rscStatus(), side) ? 1 : 0)
                    .description("1 when this node holds the resource groups of that side (local: its own, foreign: the peer's)")
                    .tag("side", side).register(registry);
        }
        Gauge.builder("lvsheartbeat.resources.transition", state, s -> "transition".equals(s.get().rscStatus()) ? 1 : 0)
                .description("1 while resource groups are being acquired, released or negotiated").register(registry);
        for (String kind : List.of(Takeovers.PEER_DOWN, Takeovers.FAILBACK, Takeovers.STANDBY)) {
            takeoverCounter(kind);
        }
    }

    @Override
    public void lateHeartbeat(String node, long intervalMillis, boolean pastDeadtime) {
        lateCounter(node).increment();
    }

    @Override
    public void nodeDead(String node) {
        deathCounter(node).increment();
    }

    /** Prometheus text exposition, the state gauges and counters read from {@code now}. */
    public synchronized String scrape(PeerState now) {
        state.set(now);
        now.takeovers().keySet().forEach(this::takeoverCounter);
        now.droppedPackets().keySet().forEach(reason ->
                FunctionCounter.builder("lvsheartbeat.packets.dropped", state,
                                s -> s.get().droppedPackets().getOrDefault(reason, 0L))
                        .description("Received packets dropped before the membership saw them, by reason")
                        .tag("reason", reason).register(registry));
        return registry.scrape();
    }

    private void takeoverCounter(String kind) {
        FunctionCounter.builder("lvsheartbeat.takeovers", state, s -> s.get().takeovers().getOrDefault(kind, 0L))
                .description("Times this node acquired resource groups another node had, by kind")
                .tag("kind", kind).register(registry);
    }

    private Counter lateCounter(String node) {
        return Counter.builder("lvsheartbeat.late.heartbeats")
                .description("Status messages from the node that arrived later than warntime after its previous one")
                .tag(NODE, node).register(registry);
    }

    private Counter deathCounter(String node) {
        return Counter.builder("lvsheartbeat.node.deaths")
                .description("Times the node was declared dead (no status for its dead time)")
                .tag(NODE, node).register(registry);
    }

    private static boolean holds(String rscStatus, String side) {
        return rscStatus.equals("all") || rscStatus.equals(side);
    }
}
