package lvsdirector.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /proc/drbd texts as DRBD 8.4.11 printed them in the UML rig (drbd-sync.md §1-§2c, drbd-rig/logs). */
class DrbdStatusTest {
    static final String HEADER = "version: 8.4.11 (api:1/proto:86-101)\nsrcversion: 059B1B470318F053F5077D5\n";

    static String proc(String minorLine) {
        return HEADER + minorLine + "\n    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n";
    }

    @Test
    void aConnectedPrimary() {
        DrbdStatus s = DrbdStatus.parse(proc(" 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----"));
        assertThat(s.version()).isEqualTo("8.4.11");
        DrbdStatus.Minor m = s.minor(0).orElseThrow();
        assertThat(m).isEqualTo(new DrbdStatus.Minor(0, "Connected", "Primary", "Secondary", "UpToDate", "UpToDate", null));
        assertThat(m.primary()).isTrue();
        assertThat(m.configured()).isTrue();
    }

    @Test
    void aLonelySecondaryWaitingForItsPeer() {
        DrbdStatus.Minor m = DrbdStatus.parse(proc(" 0: cs:WFConnection ro:Secondary/Unknown ds:Inconsistent/DUnknown C r----s"))
                .minor(0).orElseThrow();
        assertThat(m.primary()).isFalse();
        assertThat(m.rolesText()).isEqualTo("ro:Secondary/Unknown");
        assertThat(m.peerDisk()).isEqualTo("DUnknown");
    }

    @Test
    void splitBrainLeavesStandAloneWithoutAProtocolColumn() {
        DrbdStatus.Minor m = DrbdStatus.parse(proc(" 0: cs:StandAlone ro:Secondary/Unknown ds:UpToDate/DUnknown   r-----"))
                .minor(0).orElseThrow();
        assertThat(m.connection()).isEqualTo("StandAlone");
        assertThat(m.localDisk()).isEqualTo("UpToDate");
    }

    @Test
    void resyncProgressAndFinishEstimate() {
        String text = HEADER
                + " 0: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r---n-\n"
                + "    ns:181420 nr:0 dw:0 dr:182328 al:0 bm:11 lo:0 pe:2 ua:8 ap:0 ep:1 wo:f oos:866140\n"
                + "\t[==>.................] sync'ed: 17.5% (866140/1047552)K\n"
                + "\tfinish: 0:01:09 speed: 12,536 (12,536) K/sec\n"
                + " 1: cs:Unconfigured\n";
        DrbdStatus s = DrbdStatus.parse(text);
        DrbdStatus.Minor m = s.minor(0).orElseThrow();
        assertThat(m.resync()).isEqualTo(new DrbdStatus.Resync("sync'ed", 17.5, Duration.ofSeconds(69)));
        DrbdStatus.Minor unconfigured = s.minor(1).orElseThrow();
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.localRole()).isNull();
        assertThat(unconfigured.resync()).as("progress belongs to the minor above").isNull();
    }

    @Test
    void onlyTheVersionLinesMeansNoMinors() {
        DrbdStatus s = DrbdStatus.parse(HEADER);
        assertThat(s.minors()).isEmpty();
        assertThat(s.minor(0)).isEmpty();
    }
}
