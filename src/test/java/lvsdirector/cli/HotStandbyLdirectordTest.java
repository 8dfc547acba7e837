package lvsdirector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.config.ConfigLocator;
import lvsdirector.heartbeat.resource.ResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotStandbyLdirectordTest {
    private static final List<String> PEER_JVM = List.of("/usr/bin/java", "-Xss1m", "-Dlvsdirector.program=heartbeat",
            "-Dlvsdirector.launcher=/opt/lvs/scripts/heartbeat", "-cp", "x.jar", "lvsdirector.cli.LdirectordMain", "--daemon-child",
            "/etc/ha.d/ldirectord.cf", "standby");

    @Test
    void theStandbyDirectorIsNamedLdirectordWithItsOwnLauncherAndKeepsTheJvmOptions() {
        assertThat(HotStandbyLdirectord.childCommand(PEER_JVM, "/opt/lvs/scripts/ldirectord")).containsExactly(
                "/usr/bin/java", "-Xss1m", "-Dlvsdirector.program=ldirectord", "-Dlvsdirector.launcher=/opt/lvs/scripts/ldirectord",
                "-cp", "x.jar", "lvsdirector.cli.LdirectordMain", "--daemon-child", "/etc/ha.d/ldirectord.cf", "standby");
    }

    @Test
    void aStandbyDirectorThatIsSlowToStartIsWaitedForAgainNotStartedTwice(@TempDir Path runDir) throws Exception {
        List<Process> started = new ArrayList<>();
        // a process whose command line names ldirectord, as the real daemon's does, that writes no pid file
        HotStandbyLdirectord agent = agent(runDir, "exec -a ldirectord-slow sleep 30", started, Duration.ofMillis(300));
        try {
            assertThatThrownBy(agent::ensureStandby).isInstanceOf(ResourceException.class)
                    .hasMessageContaining("has not written").hasMessageContaining("not starting another");
            // the takeover asks again while the first daemon is still starting
            assertThatThrownBy(agent::ensureStandby).isInstanceOf(ResourceException.class)
                    .hasMessageContaining("after 0s more");
            assertThat(started).hasSize(1);

            Files.writeString(runDir.resolve("ldirectord.web.pid"), started.get(0).pid() + "\n");
            agent.ensureStandby();
            agent.ensureStandby();
            assertThat(started).as("the slow daemon, once up, is the standby director").hasSize(1);
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void aStandbyDirectorThatExitedDuringItsStartIsReportedAndTheNextCallStartsAFreshOne(@TempDir Path runDir) {
        List<Process> started = new ArrayList<>();
        HotStandbyLdirectord agent = agent(runDir, "exit 3", started, Duration.ofSeconds(5));
        assertThatThrownBy(agent::ensureStandby).hasMessageContaining("did not start (Exited[status=3])");
        assertThatThrownBy(agent::ensureStandby).hasMessageContaining("did not start (Exited[status=3])");
        assertThat(started).hasSize(2);
    }

    @Test
    void aRunningStandbyDirectorIsActivatedWithOneControlRoundTrip(@TempDir Path runDir) throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(runDir, List.of(new Answer(0, "active hot-standby")))) {
            agent(runDir, "exit 9", new ArrayList<>(), Duration.ofSeconds(5)).start();
            assertThat(daemon.requests).containsExactly("activate");
        }
    }

    @Test
    void aDirectorThatIsStillBeingBuiltIsAskedAgain(@TempDir Path runDir) throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(runDir, List.of(
                new Answer(1, "cannot activate: the director has not started yet; try again in a moment"),
                new Answer(0, "starting hot-standby"), new Answer(0, "active hot-standby")))) {
            agent(runDir, "exit 9", new ArrayList<>(), Duration.ofSeconds(5)).start();
            assertThat(daemon.requests).containsExactly("activate", "role", "activate");
        }
    }

    @Test
    void aRefusedActivationFailsTheStartWithTheDirectorsReason(@TempDir Path runDir) throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(runDir, List.of(new Answer(1, "cannot activate: no answer within 30s; see the log"),
                new Answer(0, "standby hot-standby")))) {
            HotStandbyLdirectord agent = agent(runDir, "exit 9", new ArrayList<>(), Duration.ofSeconds(5));
            assertThatThrownBy(agent::start).isInstanceOf(ResourceException.class)
                    .hasMessage("ldirectord::web.cf: activate refused by the director for web: cannot activate: no answer within 30s; see the log");
            assertThat(daemon.requests).containsExactly("activate", "role");
        }
    }

    private record Answer(int status, String output) {}

    /** A live process named ldirectord with its pid file, and a control socket answering from a script. */
    private static final class FakeDaemon implements AutoCloseable {
        final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Process process;
        private final lvsdirector.daemon.ControlServer server;

        private FakeDaemon(Path runDir, List<Answer> answers) throws Exception {
            process = new ProcessBuilder("bash", "-c", "exec -a ldirectord-standby sleep 30").start();
            // while bash execs, /proc/PID/cmdline can read empty, and the pid file would look stale
            Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!new String(Files.readAllBytes(cmdline)).startsWith("ldirectord-standby") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Files.writeString(runDir.resolve("ldirectord.web.pid"), process.pid() + "\n");
            java.util.Iterator<Answer> next = answers.iterator();
            server = lvsdirector.daemon.ControlServer.start(lvsdirector.daemon.DaemonOptions.controlSocket(runDir, "web"), (args, out) -> {
                requests.add(String.join(" ", args));
                Answer answer = next.hasNext() ? next.next() : new Answer(1, "unexpected request");
                out.println(answer.output());
                return answer.status();
            });
        }

        static FakeDaemon start(Path runDir, List<Answer> answers) throws Exception {
            return new FakeDaemon(runDir, answers);
        }

        @Override
        public void close() {
            server.close();
            process.destroyForcibly();
        }
    }

    /** The agent for web.cf in runDir whose daemon is the bash script; every process it starts goes to started. */
    private static HotStandbyLdirectord agent(Path runDir, String script, List<Process> started, Duration startWait) {
        HotStandbyLdirectord.Starter starter = command -> {
            Process p = new ProcessBuilder("bash", "-c", script).start();
            started.add(p);
            return p;
        };
        ConfigLocator.Location location = new ConfigLocator.Location(runDir.resolve("web.cf"), "web.cf", "web");
        return new HotStandbyLdirectord("ldirectord::web.cf", location, runDir, "ldirectord", starter, startWait);
    }
}
