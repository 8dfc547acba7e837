package lvsdirector.cli.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lvsdirector.daemon.HeartbeatView;
import lvsdirector.heartbeat.node.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The director's read-only view of this project's heartbeat peer, from the files the peer writes. */
class PeerStatusFilesTest {
    @TempDir
    Path dir;

    @Test
    void aRunningPeerShowsOurStatusThePeersAndTheResources() throws Exception {
        RuntimeFiles files = new RuntimeFiles(dir);
        files.writePid(ProcessHandle.current().pid());
        Map<String, NodeStatus> statuses = new LinkedHashMap<>();
        statuses.put("nodea", NodeStatus.ACTIVE);
        statuses.put("nodeb", NodeStatus.UP);
        files.writeStatuses(statuses);
        files.writeRscStatus("local");
        assertThat(new PeerStatusFiles(dir).read("nodea"))
                .contains(new HeartbeatView("active", "active (nodea; peer nodeb up; resources: local)"));
    }

    @Test
    void noPidFileOrAStalePidIsNotRunning() throws Exception {
        assertThat(new PeerStatusFiles(dir.resolve("missing")).read("nodea")).isEmpty();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new RuntimeFiles(dir).writePid(gone.pid());
        assertThat(new PeerStatusFiles(dir).read("nodea")).isEmpty();
    }

    @Test
    void aRunningPeerWhoseStatusCannotBeReadIsUnreadableWithWhyNotStopped() throws Exception {
        new RuntimeFiles(dir).writePid(ProcessHandle.current().pid());
        // a status "file" that no reader (root included) can read as text
        Files.createDirectory(dir.resolve(RuntimeFiles.STATUS_FILE));
        HeartbeatView view = new PeerStatusFiles(dir).read("nodea").orElseThrow();
        assertThat(view.state()).isEqualTo("unreadable");
        assertThat(view.text()).startsWith("unreadable (cannot read the peer's files in " + dir + ": ")
                .endsWith("Is a directory)");
    }
}
