package lvsdirector.heartbeat.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import lvsdirector.heartbeat.config.Resource;
import lvsdirector.heartbeat.config.ResourceGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real shell scripts in a temporary resource.d and init.d, run with heartbeat's script contract. */
class ScriptResourcesTest {
    @TempDir
    Path tmp;
    private Path resourceD;
    private Path initD;
    private Path calls;
    private final AtomicInteger halts = new AtomicInteger();
    private Path fenceMarker;
    private GroupRunner runner;

    @BeforeEach
    void dirs() throws IOException {
        resourceD = Files.createDirectories(tmp.resolve("resource.d"));
        initD = Files.createDirectories(tmp.resolve("init.d"));
        calls = tmp.resolve("calls");
        fenceMarker = tmp.resolve("fenced");
        ScriptRunner scripts = new ScriptRunner(Duration.ofSeconds(5));
        AgentRegistry agents = new AgentRegistry(List.of(), new ScriptAgents(resourceD, initD, scripts, Map.of("HA_CURHOST", "nodeb")));
        Fencer fencer = new Fencer(List.of("/bin/sh", "-c", "echo \"$HA_FENCE_REASON\" > " + fenceMarker), scripts, halts::incrementAndGet);
        runner = new GroupRunner(agents, 3, Duration.ofMillis(10), fencer);
    }

    /** A marker-file resource: start creates the marker, stop removes it, status prints heartbeat's words. */
    private void markerScript(Path dir, String name, String extra) throws IOException {
        Path marker = tmp.resolve(name + ".on");
        write(dir.resolve(name), """
                #!/bin/sh
                action=$(eval echo \\${$#})
                echo "$HA_CURHOST $*" >> %s
                %s
                case "$action" in
                  start) touch %s ;;
                  stop) rm -f %s ;;
                  status) if [ -e %s ]; then echo "%s is running"; else echo "%s is stopped"; fi ;;
                esac
                """.formatted(calls, extra, marker, marker, marker, name, name));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private static ResourceGroup group(String... resources) {
        return new ResourceGroup("nodeb", java.util.Arrays.stream(resources).map(ScriptResourcesTest::resource).toList(), 1);
    }

    private static Resource resource(String text) {
        String[] parts = text.split("::");
        return new Resource(text, parts[0], List.of(parts).subList(1, parts.length));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ldirectord is running|true", "OK|true", "Running since 3 s|true", "daemon is NOT running|false", "not  Running|false",
        "stopped|false", "''|false", "ok|false"})
    void statusTextDecidesRunning(String output, boolean running) {
        assertThat(StatusText.running(output)).isEqualTo(running);
    }

    @Test
    void groupStartsLeftToRightAfterStatusAndStopsRightToLeft() throws Exception {
        markerScript(resourceD, "first", "");
        markerScript(initD, "second", "");
        runner.acquire(group("first::a::b", "second"));
        assertThat(calls()).containsExactly("nodeb a b status", "nodeb a b start", "nodeb status", "nodeb start");
        Files.delete(calls);
        runner.acquire(group("first::a::b", "second"));
        assertThat(calls()).as("running resources are not started twice").containsExactly("nodeb a b status", "nodeb status");
        Files.delete(calls);
        runner.release(group("first::a::b", "second"));
        assertThat(calls()).containsExactly("nodeb stop", "nodeb a b stop");
    }

    @Test
    void resourceDWinsOverInitD() throws Exception {
        markerScript(resourceD, "svc", "echo resource.d >> " + calls);
        markerScript(initD, "svc", "echo init.d >> " + calls);
        runner.acquire(group("svc"));
        assertThat(calls()).contains("resource.d").doesNotContain("init.d");
    }

    @Test
    void aMissingOrNonExecutableScriptIsAClearError() throws Exception {
        Files.writeString(resourceD.resolve("plain"), "#!/bin/sh\n");
        assertThatThrownBy(() -> runner.acquire(group("plain"))).isInstanceOf(ResourceException.class)
                .hasMessageContaining("no executable plain in " + resourceD);
        assertThatThrownBy(() -> new ScriptAgents(resourceD, initD, new ScriptRunner(Duration.ofSeconds(1)), Map.of())
                .agentFor(resource("../x"))).hasMessageContaining("invalid resource script name");
    }

    @Test
    void aFailedStartGivesTheWholeGroupUp() throws Exception {
        markerScript(resourceD, "good", "");
        markerScript(resourceD, "bad", "[ \"$action\" = start ] && exit 1");
        assertThatThrownBy(() -> runner.acquire(group("good", "bad"))).isInstanceOf(ResourceException.class)
                .hasMessageContaining("bad: start failed (exit 1");
        assertThat(calls()).containsExactly("nodeb status", "nodeb start", "nodeb status", "nodeb start", "nodeb stop", "nodeb stop");
        assertThat(tmp.resolve("good.on")).doesNotExist();
    }

    @Test
    void aStopIsRetriedAndAStopThatNeverWorksFencesTheNode() throws Exception {
        Path counter = tmp.resolve("attempts");
        markerScript(resourceD, "stuck", "[ \"$action\" = stop ] && { echo x >> " + counter + "; exit 1; }");
        runner.acquire(group("stuck"));
        assertThatThrownBy(() -> runner.release(group("stuck"))).isInstanceOf(ResourceException.class);
        assertThat(Files.readAllLines(counter)).hasSize(4);
        assertThat(fenceMarker).exists();
        assertThat(Files.readString(fenceMarker)).contains("stuck could not be stopped");
        assertThat(halts).hasValue(1);
    }

    @Test
    void aStopThatFailsButLeavesTheResourceStoppedDoesNotFence() throws Exception {
        markerScript(resourceD, "flaky", "[ \"$action\" = stop ] && { rm -f " + tmp.resolve("flaky.on") + "; exit 1; }");
        runner.acquire(group("flaky"));
        assertThatThrownBy(() -> runner.release(group("flaky"))).isInstanceOf(ResourceException.class);
        assertThat(fenceMarker).doesNotExist();
        assertThat(halts).hasValue(0);
    }

    @Test
    void aHangingScriptIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        write(resourceD.resolve("hang"), "#!/bin/sh\nsleep 60 &\necho $! > " + pidFile + "\nwait\n");
        ScriptRunner quick = new ScriptRunner(Duration.ofMillis(500));
        long t0 = System.nanoTime();
        ScriptResult result = quick.run(List.of(resourceD.resolve("hang").toString(), "start"), Map.of());
        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(4);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        // SIGKILL is sent at the timeout; on a loaded machine the child may take a moment to be reaped
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false)));
    }

    @Test
    void aDaemonLeftBehindByStartDoesNotBlockTheRun() throws Exception {
        Path pidFile = tmp.resolve("daemon.pid");
        write(resourceD.resolve("daemon"), "#!/bin/sh\nsleep 30 &\necho $! > " + pidFile + "\necho started\n");
        ScriptResult result = new ScriptRunner(Duration.ofSeconds(5)).run(List.of(resourceD.resolve("daemon").toString(), "start"), Map.of());
        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo("started\n");
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
    }
}
