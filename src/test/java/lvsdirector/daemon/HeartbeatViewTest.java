package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatViewTest {

    private static Map<String, String> statuses(String... nodeAndStatus) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nodeAndStatus.length; i += 2) {
            m.put(nodeAndStatus[i], nodeAndStatus[i + 1]);
        }
        return m;
    }

    @Test
    void ourNodeFirstThenEachPeerThenTheResources() {
        HeartbeatView view = HeartbeatView.of("NodeA", statuses("nodea", "active", "nodeb", "dead"), "all");
        assertThat(view).isEqualTo(new HeartbeatView("active", "active (nodea; peer nodeb dead; resources: all)"));
    }

    @Test
    void aSingleNodeClusterHasNoPeer() {
        assertThat(HeartbeatView.of("nodea", statuses("nodea", "init"), "transition").text())
                .isEqualTo("init (nodea; no peer; resources: transition)");
    }

    @Test
    void aPeerThatKnowsThisNodeUnderAnotherNameIsUnknownAndSaysWhy() {
        HeartbeatView view = HeartbeatView.of("host1", statuses("nodea", "active", "nodeb", "up"), "local");
        assertThat(view.state()).isEqualTo("unknown");
        assertThat(view.text()).isEqualTo("unknown (node host1 is not among the peer's nodes nodea, nodeb; resources: local)");
    }

    @Test
    void noStatusesYetAndNoRscstatusYet() {
        assertThat(HeartbeatView.of("nodea", Map.of(), null).text())
                .isEqualTo("unknown (the peer lists no nodes yet; resources: unknown)");
    }
}
