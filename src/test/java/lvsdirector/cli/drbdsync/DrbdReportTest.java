package lvsdirector.cli.drbdsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lvsdirector.state.DrbdStatus;
import lvsdirector.state.SplitBrainMarker;
import org.junit.jupiter.api.Test;

/** Minor lines as DRBD 8.4.11 printed them in the two-UML rig (shared/docs/drbd-rig/logs). */
class DrbdReportTest {
    private static final String HEAD = "version: 8.4.11 (api:1/proto:86-101)\nsrcversion: 059B1B470318F053F5077D5 \n";
    private static final String COUNTERS = "    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n";
    private static final List<String> HOSTS = List.of("nodea", "nodeb");

    private static DrbdReport report(String minorLine, String node, List<String> hosts, SplitBrainMarker marker) {
        return new DrbdReport("r0", 0, Optional.of(DrbdStatus.parse(HEAD + minorLine + "\n" + COUNTERS)), node, hosts,
                Optional.ofNullable(marker), "/var/lib/lvs-director/state");
    }

    private static SplitBrainMarker marker() {
        return new SplitBrainMarker(Path.of("/run/x/drbd-split-brain.r0"), Instant.parse("2026-11-25T23:00:00Z"),
                "DRBD r0: split brain detected with peer nodea (192.168.77.1)");
    }

    @Test
    void connectedUpToDateIsHealthy() {
        DrbdReport r = report(" 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----", "nodea", HOSTS, null);
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.HEALTHY);
        assertThat(r.lines()).containsExactly("DRBD r0 (minor 0) on nodea: role Primary, nodeb Secondary",
                "  connection: Connected", "  disk:       UpToDate, nodeb UpToDate");
    }

    @Test
    void aNodeAloneWaitingForItsPeerIsDegraded() {
        DrbdReport r = report(" 0: cs:WFConnection ro:Secondary/Unknown ds:UpToDate/DUnknown C r-----", "nodeb", HOSTS, null);
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.DEGRADED);
        assertThat(r.lines()).contains("  connection: WFConnection", "  disk:       UpToDate, nodea DUnknown");
    }

    @Test
    void connectedButInconsistentBeforeTheInitialSyncIsDegraded() {
        assertThat(report(" 0: cs:Connected ro:Secondary/Secondary ds:Inconsistent/Inconsistent C r-----", "nodea", HOSTS, null)
                .verdict()).isEqualTo(DrbdVerdict.DEGRADED);
    }

    @Test
    void aResyncIsDegradedAndShowsItsProgressBar() {
        String text = " 0: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----\n" + COUNTERS
                + "\t[=======>............] sync'ed: 41.2% (19264/32764)K\n\tfinish: 0:00:12 speed: 1,536 (1,536) K/sec";
        DrbdReport r = report(text, "nodea", HOSTS, null);
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.DEGRADED);
        assertThat(r.lines()).contains("  resync:     [========>...........] 41.2% finish 0:00:12");
    }

    @Test
    void standAloneWhileAPeerIsConfiguredIsSplitBrainWithTheRecoveryForThisPrimary() {
        DrbdReport r = report(" 0: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----", "nodea", HOSTS, null);
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.SPLIT_BRAIN);
        assertThat(r.lines()).contains(
                "SPLIT BRAIN on DRBD r0 (cs:StandAlone while nodeb is configured): the nodes' data diverged and DRBD will not reconnect.",
                "Guided recovery, keeping nodea's data (nodeb's changes since the split are discarded):",
                "  on nodeb (victim):   umount /var/lib/lvs-director/state (if mounted); drbdadm secondary r0; "
                        + "drbdadm connect --discard-my-data r0",
                "  on nodea (survivor): drbdadm connect r0");
    }

    @Test
    void onASecondaryTheRecoveryKeepsThePeersData() {
        DrbdReport r = report(" 0: cs:StandAlone ro:Secondary/Unknown ds:UpToDate/DUnknown   r-----", "nodeb", HOSTS, marker());
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.SPLIT_BRAIN);
        assertThat(r.lines()).contains("  split-brain handler: 2026-11-25T23:00:00Z DRBD r0: split brain detected with peer nodea (192.168.77.1)",
                "  on nodeb (victim):   umount /var/lib/lvs-director/state (if mounted); drbdadm secondary r0; "
                        + "drbdadm connect --discard-my-data r0",
                "  on nodea (survivor): drbdadm connect r0");
    }

    @Test
    void theHandlersMarkerMeansSplitBrainEvenWhenThePeerIsUnknown() {
        DrbdReport r = report(" 0: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----", "nodea", List.of(), marker());
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.SPLIT_BRAIN);
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).startsWith("SPLIT BRAIN on DRBD r0 (the split-brain handler reported it)"));
    }

    @Test
    void anOldMarkerOnANodeWaitingForItsPeerIsHistory() {
        // the victim after its part of the recovery, or a node restarted alone after a resolved split brain
        DrbdReport r = report(" 0: cs:WFConnection ro:Secondary/Unknown ds:UpToDate/DUnknown C r-----", "nodeb", HOSTS, marker());
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.DEGRADED);
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).endsWith("(earlier; now cs:WFConnection)"))
                .noneSatisfy(l -> assertThat(l).contains("SPLIT BRAIN"));
    }

    @Test
    void standAloneWithoutAPeerIsOnlyDegraded() {
        DrbdReport r = report(" 0: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----", "nodea", List.of("nodea"), null);
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.DEGRADED);
        assertThat(r.lines()).noneSatisfy(l -> assertThat(l).contains("SPLIT BRAIN"));
    }

    @Test
    void anOldMarkerOnceConnectedAgainIsShownAsResolved() {
        DrbdReport r = report(" 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----", "nodea", HOSTS, marker());
        assertThat(r.verdict()).isEqualTo(DrbdVerdict.HEALTHY);
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).endsWith("(resolved since: connected)"));
    }

    @Test
    void noModuleOrAnUnconfiguredMinorIsNotConfigured() {
        DrbdReport none = new DrbdReport("r0", 0, Optional.empty(), "nodea", HOSTS, Optional.empty(), "/s");
        assertThat(none.verdict()).isEqualTo(DrbdVerdict.NOT_CONFIGURED);
        assertThat(none.lines()).containsExactly("DRBD r0: not configured here (no /proc/drbd: drbd module not loaded)");
        DrbdReport unconfigured = report(" 0: cs:Unconfigured", "nodea", HOSTS, null);
        assertThat(unconfigured.verdict()).isEqualTo(DrbdVerdict.NOT_CONFIGURED);
        assertThat(unconfigured.lines()).containsExactly("DRBD r0: not configured here (minor 0 is not set up; drbdadm up r0)");
    }

    @Test
    void peersComeFromTheOnSectionsOfDrbdadmDump() {
        String dump = """
                # resource r0 on nodea: not ignored, not stacked
                # defined at /etc/drbd.conf:3
                resource r0 {
                    on nodea {
                        device           /dev/drbd0 minor 0;
                        address          ipv4 192.168.77.1:7789;
                    }
                    on nodeb {
                        address          ipv4 192.168.77.2:7789;
                    }
                }
                """;
        assertThat(DrbdPeers.parse(dump)).containsExactly("nodea", "nodeb");
    }
}
