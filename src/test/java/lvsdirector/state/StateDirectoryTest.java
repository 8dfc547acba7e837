package lvsdirector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write guard over fake /proc/drbd and /proc/mounts texts. */
class StateDirectoryTest {
    @TempDir
    Path root;

    Path state;
    Path local;
    Path procDrbd;
    Path procMounts;
    StateDirectory directory;

    @BeforeEach
    void setUp() throws IOException {
        state = Files.createDirectories(root.resolve("state"));
        local = root.resolve("local");
        procDrbd = root.resolve("drbd");
        procMounts = root.resolve("mounts");
        Files.writeString(procMounts, "sysfs /sys sysfs rw,nosuid 0 0\n/dev/sda1 / ext4 rw,relatime 0 0\n");
        directory = new StateDirectory(new StateSettings(state, local, "r0", Path.of("/dev/drbd0"), procDrbd, procMounts,
                "nodeA"), Clock.systemUTC());
    }

    private void drbd(String minorLine) throws IOException {
        Files.writeString(procDrbd, DrbdStatusTest.proc(minorLine));
    }

    private void mounted(String device) throws IOException {
        Files.writeString(procMounts, Files.readString(procMounts) + device + " " + state + " ext4 rw,relatime 0 0\n");
    }

    @Test
    void primaryWithTheDeviceMountedWritesTheDrbdDirectory() throws Exception {
        drbd(" 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----");
        mounted("/dev/drbd0");
        Placement p = directory.locate();
        assertThat(p).isInstanceOf(Placement.Shared.class);
        assertThat(p.describe()).isEqualTo("Primary r0, " + state);
        directory.file("overrides.json", 1).write(new JsonObject());
        assertThat(state.resolve("overrides.json")).exists();
    }

    @Test
    void aSecondaryRefusesAndSaysWhy() throws Exception {
        drbd(" 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----");
        assertThatThrownBy(() -> directory.file("overrides.json", 1)).isInstanceOf(StateUnavailableException.class)
                .hasMessage("DRBD r0 is Secondary (ro:Secondary/Primary) and " + state
                        + " is not mounted; not writing overrides.json");
        mounted("/dev/drbd0"); // cannot really happen (EMEDIUMTYPE), but /proc/drbd is the judge
        assertThatThrownBy(() -> directory.file("overrides.json", 1)).isInstanceOf(StateUnavailableException.class)
                .hasMessage("DRBD r0 is Secondary (ro:Secondary/Primary); not writing overrides.json");
        assertThat(state.resolve("overrides.json")).doesNotExist();
        assertThat(local).doesNotExist();
    }

    @Test
    void aPrimaryWithoutTheMountRefuses() throws Exception {
        drbd(" 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----");
        assertThat(directory.locate()).isEqualTo(new Placement.Refused("DRBD r0 is Primary (ro:Primary/Unknown) and "
                + state + " is not mounted"));
    }

    @Test
    void anotherDeviceMountedThereIsRefused() throws Exception {
        drbd(" 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----");
        mounted("/dev/sdb1");
        assertThat(directory.locate().describe()).isEqualTo("refused: " + state
                + " is a mount of /dev/sdb1, not of the DRBD device /dev/drbd0");
    }

    @Test
    void withoutDrbdOrAMountTheNodeLocalDirectoryIsUsed() throws Exception {
        assertThat(directory.locate()).isEqualTo(new Placement.Local(local, "no DRBD state directory mounted at " + state));
        Files.writeString(procDrbd, DrbdStatusTest.HEADER + " 0: cs:Unconfigured\n");
        assertThat(directory.locate()).isInstanceOf(Placement.Local.class);
        directory.file("overrides.json", 1).write(new JsonObject());
        assertThat(local.resolve("overrides.json")).exists();
    }

    @Test
    void theDrbdDirectoryWinsOnceItIsMounted() throws Exception {
        OverrideStore store = new OverrideStore(directory);
        store.update(o -> o.drain(ServerRef.parse("10.0.0.2"), null, "root", java.time.Instant.EPOCH));
        assertThat(store.load().overrides().entries()).hasSize(1);

        drbd(" 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----");
        mounted("/dev/drbd0");
        OverrideStore.Loaded shared = store.load();
        assertThat(shared.placement()).isInstanceOf(Placement.Shared.class);
        assertThat(shared.overrides().entries()).as("node-local overrides are not merged in").isEmpty();
    }

    @Test
    void mountPointsWithEscapedSpacesAreFound() {
        MountTable t = MountTable.parse("/dev/drbd0 /srv/state\\040dir ext4 rw 0 0\n/dev/drbd1 /srv/state\\040dir ext4 rw 0 0\n");
        assertThat(t.at(Path.of("/srv/state dir")).orElseThrow().device()).as("the last mount hides the first")
                .isEqualTo("/dev/drbd1");
        assertThat(t.at(Path.of("/srv"))).isEmpty();
    }

    @Test
    void theMinorComesFromTheDeviceName() {
        StateSettings s = StateSettings.fromEnvironment(java.util.Map.of("LVS_DIRECTOR_DRBD_DEVICE", "/dev/drbd3",
                "LVS_DIRECTOR_STATE_DIR", "none", "LVS_DIRECTOR_NODE", "n1"));
        assertThat(s.drbdMinor()).isEqualTo(3);
        assertThat(s.stateDir()).isNull();
        assertThat(new StateDirectory(s, Clock.systemUTC()).locate()).isInstanceOf(Placement.Local.class);
    }
}
