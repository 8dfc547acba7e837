package lvsdirector.heartbeat.r1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lvsdirector.cli.heartbeat.HeartbeatMetrics;
import lvsdirector.heartbeat.config.AutoFailback;
import org.junit.jupiter.api.Test;

/** Takeovers and held resources in the peer's scrape, after real R1 exchanges between two nodes on a fake clock. */
class TakeoverMetricsTest {
    private final HeartbeatMetrics metricsOfB = new HeartbeatMetrics(List.of("nodea", "nodeb"), "nodeb");

    private String scrapeB(R1Pair pair) {
        return metricsOfB.scrape(new HeartbeatMetrics.PeerState(pair.b.membership.statuses(), pair.b.rsc(),
                pair.b.manager.takeovers().snapshot(), Map.of()));
    }

    private static R1Pair stablePair(AutoFailback mode, HeartbeatMetrics observerOfB) {
        R1Pair pair = new R1Pair(mode);
        pair.b.observer = observerOfB;
        pair.a.start();
        pair.b.start();
        pair.advanceSeconds(15);
        return pair;
    }

    @Test
    void killedPeerIsDeadAndItsGroupsTakenOverCountOnce() {
        R1Pair pair = stablePair(AutoFailback.ON, metricsOfB);
        assertThat(scrapeB(pair)).contains("lvsheartbeat_takeovers_total{kind=\"peer_down\"} 0.0")
                .contains("lvsheartbeat_resources_held{side=\"local\"} 1.0")
                .contains("lvsheartbeat_resources_held{side=\"foreign\"} 0.0");
        pair.a.kill();
        pair.advanceSeconds(8);
        String text = scrapeB(pair);
        assertThat(text).contains("lvsheartbeat_node_status{node=\"nodea\",status=\"dead\"} 1.0")
                .contains("lvsheartbeat_node_deaths_total{node=\"nodea\"} 1.0")
                .contains("lvsheartbeat_takeovers_total{kind=\"peer_down\"} 1.0")
                .contains("lvsheartbeat_resources_held{side=\"foreign\"} 1.0")
                .contains("lvsheartbeat_resources_transition 0.0");
    }

    @Test
    void startingAloneIsNoTakeover() {
        R1Pair pair = new R1Pair(AutoFailback.ON);
        pair.b.start();
        pair.advanceSeconds(15);
        assertThat(pair.b.rsc()).isEqualTo("all");
        assertThat(pair.b.manager.takeovers().snapshot()).isEmpty();
    }

    @Test
    void autoFailbackCountsAFailbackOnTheNodeThatGetsItsGroupsBack() {
        R1Pair pair = stablePair(AutoFailback.ON, null);
        pair.a.kill();
        pair.advanceSeconds(8);
        pair.a.start();
        pair.advanceSeconds(6);
        assertThat(pair.a.rsc()).isEqualTo("local");
        assertThat(pair.a.manager.takeovers().snapshot()).isEqualTo(Map.of(Takeovers.FAILBACK, 1L));
        assertThat(pair.b.manager.takeovers().snapshot()).isEqualTo(Map.of(Takeovers.PEER_DOWN, 1L));
    }
}
