package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lvsdirector.cli.heartbeat.HeartbeatMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The peer's metrics fed by a real membership (fake clock): late beats, deaths and node statuses in the scrape. */
class MembershipMetricsTest {
    private final HeartbeatMetrics metrics = new HeartbeatMetrics(List.of("nodea", "nodeb"), "nodeb");
    private MembershipHarness h;

    @BeforeEach
    void start() {
        h = new MembershipHarness(metrics);
        h.membership.start();
    }

    private String scrape() {
        return metrics.scrape(new HeartbeatMetrics.PeerState(h.membership.statuses(), "local", Map.of(), Map.of()));
    }

    @Test
    void aStatusAfterWarntimeCountsAsLateButOneInTimeDoesNot() {
        h.membership.receive(h.statusA("active"));
        h.advanceMillis(1000);
        h.membership.receive(h.statusA("active"));
        assertThat(scrape()).contains("lvsheartbeat_late_heartbeats_total{node=\"nodea\"} 0.0");
        h.advanceMillis(3500);
        h.membership.receive(h.statusA("active"));
        String text = scrape();
        assertThat(text).contains("lvsheartbeat_late_heartbeats_total{node=\"nodea\"} 1.0")
                .contains("lvsheartbeat_node_status{node=\"nodea\",status=\"active\"} 1.0")
                .contains("lvsheartbeat_node_status{node=\"nodea\",status=\"dead\"} 0.0")
                .contains("lvsheartbeat_node_deaths_total{node=\"nodea\"} 0.0");
    }

    @Test
    void aSilentPeerIsDeadInTheStatusGaugeAndItsDeathIsCounted() {
        h.membership.receive(h.statusA("active"));
        h.advanceMillis(2000);
        assertThat(scrape()).contains("lvsheartbeat_node_status{node=\"nodea\",status=\"active\"} 1.0");
        h.advanceMillis(5000);
        String text = scrape();
        assertThat(text).contains("lvsheartbeat_node_status{node=\"nodea\",status=\"dead\"} 1.0")
                .contains("lvsheartbeat_node_status{node=\"nodea\",status=\"active\"} 0.0")
                .contains("lvsheartbeat_node_deaths_total{node=\"nodea\"} 1.0")
                .doesNotContain("lvsheartbeat_node_deaths_total{node=\"nodeb\"}");
    }
}
