package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's heartbeat 3 through a stand-in cl_status script that answers as the real one does. */
class ClStatusHeartbeatTest {
    @TempDir
    Path dir;
    private Path pidFile;
    private Path clStatus;

    @BeforeEach
    void setUp() throws Exception {
        pidFile = dir.resolve("heartbeat.pid");
        clStatus = dir.resolve("cl_status");
    }

    private void script(String body) throws Exception {
        Files.writeString(clStatus, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(clStatus, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Optional<HeartbeatView> read(Duration timeout) {
        return new ClStatusHeartbeat(pidFile, clStatus, timeout).read("nodea");
    }

    private void running() throws Exception {
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
    }

    @Test
    void noPidFileOrADeadPidMeansItIsNotRunningHere() throws Exception {
        assertThat(read(Duration.ofSeconds(2))).isEmpty();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(pidFile, gone.pid() + "\n");
        assertThat(read(Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void runningWithoutClStatusIsUnknown() throws Exception {
        running();
        assertThat(read(Duration.ofSeconds(2))).contains(HeartbeatView.unknown("heartbeat 3 without cl_status"));
    }

    @Test
    void theNodeStatusesAndRscstatusComeFromClStatus() throws Exception {
        running();
        script("""
                case "$1" in
                  hbstatus) echo "Heartbeat is running on this machine." ;;
                  listnodes) printf 'nodeb\\nnodea\\n' ;;
                  nodestatus) [ "$2" = nodea ] && echo active || echo dead ;;
                  rscstatus) echo all ;;
                  *) exit 1 ;;
                esac
                """);
        assertThat(read(Duration.ofSeconds(2))).contains(new HeartbeatView("active",
                "active (nodea; peer nodeb dead; resources: all)"));
    }

    @Test
    void aFailingClStatusIsUnknownWithItsMessage() throws Exception {
        running();
        script("echo 'Cannot signon with heartbeat' >&2; exit 1\n");
        assertThat(read(Duration.ofSeconds(2))).contains(HeartbeatView.unknown(
                "heartbeat 3: cl_status hbstatus failed (exit 1): Cannot signon with heartbeat"));
    }

    @Test
    void aHungClStatusIsCutOffAtTheTimeout() throws Exception {
        running();
        script("exec sleep 30\n");
        long started = System.nanoTime();
        Optional<HeartbeatView> view = read(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(view).contains(HeartbeatView.unknown("heartbeat 3: cl_status hbstatus did not answer within 300 ms"));
    }
}
