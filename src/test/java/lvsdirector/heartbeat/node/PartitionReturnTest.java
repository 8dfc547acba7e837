package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.testing.LoggedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The membership side of spec §3.4 for a peer we declared dead: same generation, higher, lower. */
class PartitionReturnTest {
    @RegisterExtension
    final LoggedEvents logged = LoggedEvents.of(Membership.class);
    private MembershipHarness h;

    @BeforeEach
    void deadPeer() {
        h = new MembershipHarness();
        h.membership.start();
        h.membership.receive(h.statusA("up"));
        h.advanceMillis(100);
        h.membership.receive(h.fromA(Field.string("t", "repnodes"), Field.string("dest", "nodeb"),
                Field.string("nodelist", "nodea nodeb "), Field.string("delnodelist", " ")));
        h.membership.receive(h.statusA("active"));
        // nodea advertises dt=0x1770 (6 s); its statuses stop reaching us
        h.advanceMillis(6_500);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.DEAD);
        // what it sent meanwhile never arrived
        h.peerSeq += 7;
    }

    private List<String> lines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void sameGenerationAfterDeathIsAReturnAfterPartition() {
        int statusesBefore = h.sentOfType("status").size();
        h.membership.receive(h.statusA("active"));
        assertThat(h.events).containsSubsequence("dead nodea", "partition nodea", "nodea dead->active", "up nodea");
        assertThat(lines()).containsSubsequence("CRIT: Cluster node nodea returning after partition.",
                "info: For information on cluster partitions, See URL: http://linux-ha.org/wiki/Split_Brain",
                "WARN: Deadtime value may be too small.", "info: See FAQ for information on tuning deadtime.",
                "info: URL: http://linux-ha.org/wiki/FAQ#Heavy_Load");
        assertThat(logged.list.stream().filter(e -> e.getFormattedMessage().startsWith("CRIT: Cluster node")).findFirst()
                .orElseThrow().getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
        // our status goes out at once, not at the next keepalive
        assertThat(h.sentOfType("status")).hasSize(statusesBefore + 1);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.ACTIVE);
        // tracking restarted at the death: the statuses lost during the partition are not asked for
        h.advanceMillis(1_000);
        assertThat(h.sentOfType("NS_rexmit")).isEmpty();
        assertThat(h.membership.peerGeneration("nodea")).contains(0x6b0644a8L);
    }

    @Test
    void aStaleStatusFromTheDeadNodeIsDroppedNotAReturn() {
        int before = h.events.size();
        h.membership.receive(h.fromA(h.peerSeq - 7, Field.string("t", "status"), Field.string("st", "active"),
                Field.string("dt", "1770"), Field.string("protocol", "1")));
        assertThat(h.events).hasSize(before);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.DEAD);
    }

    @Test
    void higherGenerationAfterDeathIsARestartNotAPartition() {
        h.peerGeneration++;
        h.peerSeq = 0;
        h.membership.receive(h.statusA("init"));
        assertThat(h.events).contains("restart nodea", "up nodea").doesNotContain("partition nodea");
        assertThat(lines()).anyMatch(l -> l.startsWith("info: Heartbeat restart on node nodea"))
                .noneMatch(l -> l.contains("returning after partition"));
    }

    @Test
    void aRestartWhoseFirstMessageIsNoStatusIsStillNotAPartition() {
        // seen in CI against heartbeat 3.0.6: the restarted node's first packet we read was not a status (an ack or
        // reqnodes), and its first status then found it DEAD in the generation just recorded
        h.peerGeneration++;
        h.peerSeq = 0;
        h.membership.receive(h.fromA(Field.string("t", "reqnodes")));
        h.membership.receive(h.statusA("init"));
        assertThat(h.events).contains("restart nodea", "up nodea").doesNotContain("partition nodea");
        assertThat(lines()).noneMatch(l -> l.contains("returning after partition"));
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.INIT);
    }

    @Test
    void lowerGenerationAfterDeathIsAReplayAndDropped() {
        h.peerGeneration--;
        int before = h.events.size();
        h.membership.receive(h.statusA("active"));
        assertThat(h.events).hasSize(before);
        assertThat(h.membership.statuses()).containsEntry("nodea", NodeStatus.DEAD);
        assertThat(lines()).anyMatch(l -> l.contains("attempted replay attack"));
    }
}
