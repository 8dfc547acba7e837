package lvsdirector.cli.drbdsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import lvsdirector.state.StateFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole command over files standing in for /proc/drbd, /proc/mounts and the state directories. */
class StatusCommandTest {
    @TempDir
    Path dir;
    Path state;
    Path local;

    @BeforeEach
    void site() throws Exception {
        state = dir.resolve("state");
        local = dir.resolve("local");
        Files.createDirectories(state);
        Files.createDirectories(local);
        Files.writeString(dir.resolve("lvs-director.conf"), "state_directory = " + state + "\nlocal_state_directory = "
                + local + "\ndrbd_resource = r0\ndrbd_device = /dev/drbd0\n");
    }

    private record Run(int status, String out) {}

    private Run status(String procDrbd, boolean mounted) throws Exception {
        Files.writeString(dir.resolve("drbd"), procDrbd);
        Files.writeString(dir.resolve("mounts"), "proc /proc proc rw 0 0\n"
                + (mounted ? "/dev/drbd0 " + state + " ext4 rw,relatime 0 0\n" : ""));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int rc;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            rc = new CommandLine(new DrbdSyncMain()).execute("status", "--config", dir.resolve("lvs-director.conf").toString(),
                    "--proc-drbd", dir.resolve("drbd").toString(), "--proc-mounts", dir.resolve("mounts").toString());
        } finally {
            System.setOut(before);
        }
        return new Run(rc, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHealthyPrimaryListsItsStateFilesWithSeqAgeAndNode() throws Exception {
        StateFile file = new StateFile(state, "persistence.json", 1, "nodea", Clock.systemUTC());
        file.write(new JsonObject().put("templates", new io.vertx.core.json.JsonArray()));
        file.write(new JsonObject().put("templates", new io.vertx.core.json.JsonArray()));
        new StateFile(state, "health.json", 1, "nodea", Clock.systemUTC()).write(new lvsdirector.state.HealthRecord(List.of(
                new lvsdirector.state.HealthRecord.RealHealth("tcp:192.0.2.1:80", "10.0.0.2:80", true, null),
                new lvsdirector.state.HealthRecord.RealHealth("tcp:192.0.2.1:80", "10.0.0.3:80", false, null),
                new lvsdirector.state.HealthRecord.RealHealth("tcp:192.0.2.1:80", "10.0.0.4:80", true, null))).toJson());
        new StateFile(state, "owner.json", 1, "nodea", Clock.systemUTC()).write(new lvsdirector.state.OwnerRecord("nodea",
                java.time.Instant.EPOCH, 42, 1764120042L).toJson());
        Files.writeString(state.resolve("future.json"), "{\"format\":9,\"seq\":1}");
        Files.writeString(state.resolve("torn.json"), "{\"format\":1,\"se");
        Run run = status("version: 8.4.11 (api:1/proto:86-101)\n 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n", true);
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("  connection: Connected",
                "state directory " + state + ": mounted (/dev/drbd0, ext4)",
                "  placement: Primary r0, " + state,
                "future.json        seq 1        age unknown      node ?          format 9",
                "status: healthy");
        assertThat(run.out()).containsPattern("persistence\\.json +seq 2 +age [0-9] s +node nodea +format 1\n");
        assertThat(run.out()).containsPattern("health\\.json +seq 1 +age [0-9] s +node nodea +format 1  \\(2 up, 1 down\\)\n");
        assertThat(run.out()).containsPattern(
                "owner\\.json +seq 1 +age [0-9] s +node nodea +format 1  \\(owner nodea, heartbeat generation 1764120042\\)\n");
        assertThat(run.out()).contains("torn.json          UNREADABLE: state file " + state.resolve("torn.json") + " is not a JSON object");
        assertThat(run.out()).doesNotContain(".persistence.json");
    }

    @Test
    void aSecondaryIsRefusedAndDegradedWhileDisconnected() throws Exception {
        Run run = status("version: 8.4.11 (api:1/proto:86-101)\n 0: cs:WFConnection ro:Secondary/Unknown ds:UpToDate/DUnknown C r-----\n", false);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("state directory " + state + ": not mounted",
                "  placement: refused: DRBD r0 is Secondary (ro:Secondary/Unknown) and " + state + " is not mounted",
                "status: degraded");
    }

    @Test
    void theHandlersMarkerMakesItSplitBrain() throws Exception {
        Files.writeString(local.resolve("drbd-split-brain.r0"), "DRBD r0: split brain detected\n");
        Run run = status("version: 8.4.11 (api:1/proto:86-101)\n 0: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----\n", true);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("SPLIT BRAIN on DRBD r0 (the split-brain handler reported it)",
                "drbdadm connect --discard-my-data r0", "status: SPLIT BRAIN");
    }

    @Test
    void withoutDrbdItIsNotConfiguredAndStateStaysLocal() throws Exception {
        Files.writeString(dir.resolve("lvs-director.conf"), "local_state_directory = " + local + "\n");
        Run run = status("version: 8.4.11 (api:1/proto:86-101)\n 0: cs:Unconfigured\n", false);
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).contains("DRBD r0: not configured here (minor 0 is not set up; drbdadm up r0)",
                "  placement: node-local " + local, "  no state files in " + local, "status: not configured");
    }
}
