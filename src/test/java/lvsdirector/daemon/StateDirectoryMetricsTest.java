package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lvsdirector.metrics.DirectorMetrics;
import lvsdirector.metrics.StatusReport;
import lvsdirector.state.StateSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The state directory's placement, DRBD role and last write, from a real OverrideControl over fake /proc files, in the scrape. */
class StateDirectoryMetricsTest {
    private static final String DRBD_HEADER = "version: 8.4.11 (api:1/proto:86-101)\nsrcversion: 059B1B470318F053F5077D5\n";

    @TempDir
    Path dir;
    private Path procDrbd;
    private Path procMounts;
    private OverrideControl control;

    @BeforeEach
    void setUp() throws Exception {
        procDrbd = dir.resolve("proc-drbd");
        procMounts = dir.resolve("proc-mounts");
        Files.writeString(procMounts, "/dev/sda1 / ext4 rw 0 0\n");
        Files.createDirectories(dir.resolve("state"));
        StateSettings settings = new StateSettings(dir.resolve("state"), dir.resolve("local"), "r0", Path.of("/dev/drbd0"),
                procDrbd, procMounts, "nodeA", dir.resolve("heartbeat"));
        control = new OverrideControl(settings, () -> null, overrides -> { }, LoggerFactory.getLogger("test"));
    }

    private void drbd(String role) throws Exception {
        Files.writeString(procDrbd, DRBD_HEADER + " 0: cs:Connected ro:" + role + " ds:UpToDate/UpToDate C r-----\n");
    }

    private static String scrape(StatusReport.StateDirectory state) {
        return new DirectorMetrics(Clock.systemUTC()).scrape(new StatusReport("running", Instant.now(), List.of(), "n/a",
                "n/a", List.of(), state));
    }

    @Test
    void localPlacementHasNoDrbdGaugeAndTheTimestampFollowsAWrite() throws Exception {
        control.refresh();
        assertThat(control.metricsView()).isEqualTo(new StatusReport.StateDirectory("local", null, 0,
                "node-local " + dir.resolve("local") + " (no DRBD state directory mounted at " + dir.resolve("state") + ")",
                null, false, List.of()));
        assertThat(scrape(control.metricsView())).contains("lvsdirector_state_placement{placement=\"local\"} 1.0")
                .contains("lvsdirector_state_last_write_timestamp_seconds 0.0")
                .doesNotContain("lvsdirector_state_drbd_primary");
        long before = System.currentTimeMillis();
        control.directory().file("probe.json", 1).write(new JsonObject().put("x", 1));
        long written = control.metricsView().lastWriteMillis();
        assertThat(written).isBetween(before, System.currentTimeMillis());
        assertThat(scrape(control.metricsView())).contains("lvsdirector_state_last_write_timestamp_seconds " + written / 1000.0);
        control.refresh();
        assertThat(control.metricsView().files()).containsExactly(
                new StatusReport.StateFileInfo("probe.json", 1, Instant.ofEpochMilli(written), "nodeA", null));
        assertThat(scrape(control.metricsView())).contains("lvsdirector_state_file_seq{file=\"probe.json\"} 1.0")
                .contains("lvsdirector_state_file_written_timestamp_seconds{file=\"probe.json\"} " + written / 1000.0)
                .doesNotContain("lvsdirector_state_split_brain");
    }

    @Test
    void aStateFileThatIsNotJsonIsListedWithWhyAndGetsNoSeqGauge() throws Exception {
        Files.createDirectories(dir.resolve("local"));
        Files.writeString(dir.resolve("local").resolve("broken.json"), "{\"seq\": ");
        Files.writeString(dir.resolve("local").resolve(".broken.json.tmp"), "x");
        control.refresh();
        List<StatusReport.StateFileInfo> files = control.metricsView().files();
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("broken.json");
            assertThat(f.seq()).isEqualTo(-1);
            assertThat(f.problem()).startsWith("unreadable: ");
        });
        assertThat(scrape(control.metricsView())).doesNotContain("lvsdirector_state_file_seq");
    }

    @Test
    void standAloneIsSplitBrainWithTheDrbdStatesInTheLabels() throws Exception {
        Files.writeString(procDrbd, DRBD_HEADER + " 0: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----\n");
        Files.writeString(procMounts, "/dev/drbd0 " + dir.resolve("state") + " ext4 rw 0 0\n");
        control.refresh();
        StatusReport.StateDirectory view = control.metricsView();
        assertThat(view.splitBrain()).isTrue();
        assertThat(view.drbd()).isEqualTo(new StatusReport.Drbd("r0", 0, "StandAlone", "Primary", "Unknown", "UpToDate",
                "DUnknown"));
        assertThat(view.files()).extracting(StatusReport.StateFileInfo::name).containsExactly("owner.json");
        assertThat(scrape(view)).contains("lvsdirector_state_split_brain 1.0")
                .contains("lvsdirector_state_drbd_info{connection=\"StandAlone\",disk=\"UpToDate\",peer_disk=\"DUnknown\","
                        + "peer_role=\"Unknown\",resource=\"r0\",role=\"Primary\"} 1\n");
    }

    @Test
    void primaryWithTheMountIsSharedAndItsOwnerRecordCountsAsAWrite() throws Exception {
        drbd("Primary/Secondary");
        Files.writeString(procMounts, "/dev/drbd0 " + dir.resolve("state") + " ext4 rw 0 0\n", java.nio.file.StandardOpenOption.APPEND);
        control.refresh();
        StatusReport.StateDirectory view = control.metricsView();
        assertThat(view.placement()).isEqualTo("shared");
        assertThat(view.drbdPrimary()).isTrue();
        assertThat(view.lastWriteMillis()).isPositive();
        assertThat(scrape(view)).contains("lvsdirector_state_placement{placement=\"shared\"} 1.0")
                .contains("lvsdirector_state_drbd_primary 1.0");
    }

    @Test
    void secondaryIsRefusedWithDrbdPrimaryZeroAndNothingWritten() throws Exception {
        drbd("Secondary/Primary");
        control.refresh();
        assertThat(control.metricsView()).isEqualTo(new StatusReport.StateDirectory("refused", false, 0,
                "refused: DRBD r0 is Secondary (ro:Secondary/Primary) and " + dir.resolve("state") + " is not mounted",
                new StatusReport.Drbd("r0", 0, "Connected", "Secondary", "Primary", "UpToDate", "UpToDate"), false,
                List.of()));
        assertThat(scrape(control.metricsView())).contains("lvsdirector_state_placement{placement=\"refused\"} 1.0")
                .contains("lvsdirector_state_drbd_primary 0.0").contains("lvsdirector_state_split_brain 0.0");
    }

    @Test
    void aReportWithoutStateDirectoryShowsNoStateGauges() {
        assertThat(scrape(null)).doesNotContain("lvsdirector_state_");
    }

    @Test
    void ownerRecordCarriesThisNodesHeartbeatGenerationAndOmitsItWhenThereIsNone() throws Exception {
        drbd("Primary/Secondary");
        Files.writeString(procMounts, "/dev/drbd0 " + dir.resolve("state") + " ext4 rw 0 0\n");
        control.refresh();
        JsonObject first = new JsonObject(Files.readString(dir.resolve("state/owner.json")));
        assertThat(first.getString("owner")).isEqualTo("nodeA");
        assertThat(first.containsKey("heartbeat_generation")).isFalse();

        // a takeover by the next incarnation: heartbeat's own 16-byte form of hb_generation
        drbd("Secondary/Primary");
        control.refresh();
        Files.createDirectories(dir.resolve("heartbeat"));
        Files.writeString(dir.resolve("heartbeat/hb_generation"), String.format("%15d%n", 1764120042L));
        drbd("Primary/Secondary");
        control.refresh();
        JsonObject second = new JsonObject(Files.readString(dir.resolve("state/owner.json")));
        assertThat(second.getLong("heartbeat_generation")).isEqualTo(1764120042L);
        assertThat(second.getLong("seq")).isEqualTo(first.getLong("seq") + 1);
        assertThat(lvsdirector.state.OwnerRecord.fromJson(second).generation()).isEqualTo(1764120042L);
    }
}
