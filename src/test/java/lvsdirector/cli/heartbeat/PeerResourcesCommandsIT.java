package lvsdirector.cli.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Our peer as a child JVM, alone on loopback (ucast to 127.0.0.1, an unprivileged port), with marker-file
 * resource scripts: it declares the other node dead after initdead, resets it through
 * {@code stonith_host external}, takes every group, answers the operator commands over its 0600 socket
 * and releases every group (right to left) when stopped.
 */
class PeerResourcesCommandsIT {
    @TempDir
    Path tmp;
    private Process peer;

    @AfterEach
    void stopPeer() throws InterruptedException {
        if (peer != null && peer.isAlive()) {
            peer.destroyForcibly();
            peer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HeartbeatMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString().strip(), err.toString().strip());
    }

    private static int freePort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aloneThePeerTakesEveryGroupAndAnswersTheOperatorCommands() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc/resource.d"));
        Path state = tmp.resolve("state");
        Path calls = tmp.resolve("calls");
        Path stonithMarker = tmp.resolve("stonith");
        Files.writeString(tmp.resolve("etc/ha.cf"), """
                keepalive 500ms
                deadtime 2
                initdead 2
                udpport %d
                ucast lo 127.0.0.1
                auto_failback on
                node nodea nodeb
                stonith_host nodea external %s --reset
                """.formatted(freePort(), tmp.resolve("stonith.sh")));
        Files.writeString(tmp.resolve("stonith.sh"), "#!/bin/sh\necho \"$*\" >> " + stonithMarker + "\n");
        Files.setPosixFilePermissions(tmp.resolve("stonith.sh"), PosixFilePermissions.fromString("rwx------"));
        Path keys = tmp.resolve("etc/authkeys");
        Files.writeString(keys, "auth 1\n1 sha1 commands-test\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(tmp.resolve("etc/haresources"), "nodea marker::A1 marker::A2\nnodeb marker::B1\n");
        Path script = etc.resolve("marker");
        Files.writeString(script, """
                #!/bin/sh
                echo "$HA_CURHOST $*" >> %1$s
                case "$2" in
                  start) touch %2$s/on-$1 ;;
                  stop) rm -f %2$s/on-$1 ;;
                  status) [ -e %2$s/on-$1 ] && echo running || echo stopped ;;
                esac
                """.formatted(calls, tmp));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        assertThat(run("rscstatus", "--state-dir", state.toString()).code()).isEqualTo(1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        peer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HeartbeatMain.class.getName(), "start",
                "--config-dir", tmp.resolve("etc").toString(), "--state-dir", state.toString(), "--node", "nodeb", "--http", "off")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("peer.log").toFile()).start();

        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> run("rscstatus", "--state-dir", state.toString()).out().equals("all"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("peer never held all groups; its log:\n" + Files.readString(tmp.resolve("peer.log")), e);
        }
        assertThat(Files.readAllLines(calls)).containsExactly("nodeb B1 status", "nodeb B1 start", "nodeb A1 status", "nodeb A1 start",
                "nodeb A2 status", "nodeb A2 start");
        assertThat(Files.readString(stonithMarker)).isEqualTo("--reset nodea\n");
        assertThat(Files.getPosixFilePermissions(state.resolve(ControlSocket.SOCKET_FILE))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        assertThat(run("nodestatus", "--state-dir", state.toString(), "nodea")).isEqualTo(new Result(1, "dead", ""));
        assertThat(run("nodestatus", "--state-dir", state.toString(), "NodeB")).isEqualTo(new Result(0, "active", ""));
        assertThat(run("nodestatus", "--state-dir", state.toString(), "nodex").code()).isEqualTo(11);
        Result standby = run("standby", "--state-dir", state.toString());
        assertThat(standby.code()).isEqualTo(1);
        assertThat(standby.err()).contains("not stable: standby refused");
        assertThat(run("takeover", "--state-dir", state.toString(), "foreign").err()).isEqualTo("error: the other node is not alive");
        assertThat(run("takeover", "--state-dir", state.toString(), "bogus").err()).startsWith("error: [bogus] is not one of");

        Files.writeString(tmp.resolve("etc/haresources"), "nodez marker::Z\n");
        Result refused = run("reload", "--state-dir", state.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("haresources:1");
        Files.writeString(tmp.resolve("etc/haresources"), "nodea marker::A1 marker::A2\nnodeb marker::B1\n");
        assertThat(run("reload", "--state-dir", state.toString()).out()).startsWith("ok: reloaded 2 resource groups");

        Files.delete(calls);
        peer.destroy();
        assertThat(peer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // every group is given up at shutdown, the last group first, its resources right to left
        assertThat(Files.readAllLines(calls)).containsExactly("nodeb B1 stop", "nodeb A2 stop", "nodeb A1 stop");
        assertThat(Files.readString(tmp.resolve("peer.log"))).contains("shutdone sent: nodeb leaves the cluster");
        assertThat(List.of(Files.list(tmp).map(p -> p.getFileName().toString()).toArray())).doesNotContain("on-A1", "on-A2", "on-B1");
    }
}
