package lvsdirector.cli.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lvsdirector.heartbeat.node.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {
    @TempDir
    Path state;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new HeartbeatMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void runningPeerWith(Map<String, NodeStatus> statuses) throws Exception {
        RuntimeFiles files = new RuntimeFiles(state);
        files.writePid(ProcessHandle.current().pid());
        files.writeStatuses(statuses);
    }

    @Test
    void printsOneNodeLikeClStatusNodestatus() throws Exception {
        Map<String, NodeStatus> statuses = new LinkedHashMap<>();
        statuses.put("nodea", NodeStatus.ACTIVE);
        statuses.put("nodeb", NodeStatus.DEAD);
        runningPeerWith(statuses);
        assertThat(run("status", "--state-dir", state.toString(), "NodeB")).isZero();
        assertThat(out.toString()).isEqualTo("dead" + System.lineSeparator());
    }

    @Test
    void printsEveryNodeWithoutAnArgument() throws Exception {
        Map<String, NodeStatus> statuses = new LinkedHashMap<>();
        statuses.put("nodea", NodeStatus.ACTIVE);
        statuses.put("nodeb", NodeStatus.UP);
        runningPeerWith(statuses);
        assertThat(run("status", "--state-dir", state.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly("nodea: active", "nodeb: up");
    }

    @Test
    void unknownNodeIsExit2() throws Exception {
        runningPeerWith(Map.of("nodea", NodeStatus.ACTIVE));
        assertThat(run("status", "--state-dir", state.toString(), "nodez")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown node [nodez]");
    }

    @Test
    void stalePidFileMeansNotRunning() throws Exception {
        Files.writeString(state.resolve(RuntimeFiles.PID_FILE), "999999999\n");
        assertThat(run("status", "--state-dir", state.toString())).isEqualTo(3);
        assertThat(run("stop", "--state-dir", state.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("heartbeat is stopped. No process").contains("not running");
    }

    @Test
    void startRefusesWhileAnotherPeerRunsButNotForAPidFileNamingItself() throws Exception {
        Path conf = Files.createDirectories(state.resolve("conf"));
        // a medium that cannot open: a start that gets past the running check fails there, before any packet
        Files.writeString(conf.resolve("ha.cf"), "bcast no-such-if0\nnode nodea nodeb\n");
        Files.writeString(conf.resolve("authkeys"), "auth 1\n1 crc\n");
        Files.setPosixFilePermissions(conf.resolve("authkeys"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            new RuntimeFiles(state).writePid(other.pid());
            assertThat(run("start", "--config-dir", conf.toString(), "--state-dir", state.toString(), "--node", "nodea")).isEqualTo(2);
            assertThat(err.toString()).contains("heartbeat: already running with pid " + other.pid());
        } finally {
            other.destroy();
        }
        err.getBuffer().setLength(0);
        // left by an earlier run in a pid namespace, where the peer is pid 1 each time
        new RuntimeFiles(state).writePid(ProcessHandle.current().pid());
        assertThat(run("start", "--config-dir", conf.toString(), "--state-dir", state.toString(), "--node", "nodea")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("already running").contains("no-such-if0");
    }

    @Test
    void startRefusesAConfigWithoutThisNode() throws Exception {
        Path conf = Files.createDirectories(state.resolve("conf"));
        Files.writeString(conf.resolve("ha.cf"), "bcast lo\nnode nodea nodeb\n");
        assertThat(run("start", "--config-dir", conf.toString(), "--state-dir", state.toString(), "--node", "nodec")).isEqualTo(2);
        assertThat(err.toString()).contains("Current node [nodec] not in configuration!");
        assertThat(state.resolve("hb_generation")).as("nothing persisted before the config is valid").doesNotExist();
    }
}
