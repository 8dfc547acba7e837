package lvsdirector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ldirectord command line as init scripts and heartbeat use it: scripts/ldirectord and scripts/lvsadm
 * run as separate processes against a detached daemon (in-memory backend, pid file and control socket in
 * a temporary run directory). Streams and exit codes are ldirectord's.
 */
@Timeout(180)
class LdirectordCommandLineIT {
    private static final Path HOME = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();

    @TempDir
    Path dir;

    private Path config;
    private LoopbackServer server;

    record Result(int status, String out, String err) {}

    @BeforeEach
    void writeConfig() throws IOException {
        server = LoopbackServer.start("alive");
        config = dir.resolve("www.cf");
        Files.writeString(config, "checkinterval=1\nchecktimeout=1\nnegotiatetimeout=1\n"
                + "logfile=\"" + dir.resolve("ld.log") + "\"\n"
                + "virtual=192.0.2.7:80\n\treal=127.0.0.1:" + server.port() + " masq 5\n"
                + "\tservice=http\n\treceive=\"alive\"\n");
    }

    @AfterEach
    void cleanUp() throws Exception {
        run("ldirectord", config.toString(), "stop");
        server.close();
    }

    @Test
    void startStatusListReloadStopAsInitScriptsExpect() throws Exception {
        Result stopped = run("ldirectord", config.toString(), "status");
        assertThat(stopped).isEqualTo(new Result(3, "ldirectord is stopped for " + config + "\n", ""));

        Result started = run("ldirectord", "--backend=memory", config.toString(), "start");
        assertThat(started.status()).as(started.toString()).isZero();
        Path pidFile = dir.resolve("run/ldirectord.www.cf.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).contains("ldirectord");
        assertThat(run("ldirectord", config.toString(), "start").status()).as("start when running").isZero();

        Result running = run("ldirectord", config.toString(), "status");
        assertThat(running).isEqualTo(new Result(0, "", "ldirectord for " + config + " is running with pid: " + pid + "\n"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(run("lvsadm", "-L", "-n").out()).isEqualTo(
                "IP Virtual Server version 1.2.1 (size=4096)\n"
                        + "Prot LocalAddress:Port Scheduler Flags\n"
                        + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                        + "TCP  192.0.2.7:80 wrr\n"
                        + String.format("  -> %-28s %-7s %-6d %-10d %-10d%n", "127.0.0.1:" + server.port(), "Masq", 5, 0, 0)));
        assertThat(run("ldirectord", config.toString(), "show").out()).contains("127.0.0.1:" + server.port()).contains("up");

        Files.writeString(config, Files.readString(config) + "bogus\n");
        Result broken = run("ldirectord", config.toString(), "reload");
        assertThat(broken.status()).isEqualTo(2);
        assertThat(broken.err()).matches("(?s)Error \\[\\d+\\] reading file " + config + " at line 9: Unknown command bogus\\n.*");
        assertThat(pidFile).as("a broken config never removes a live daemon's pid file").exists();
        assertThat(run("ldirectord", config.toString(), "status").status()).isZero();

        Files.writeString(config, Files.readString(config).replace("masq 5", "masq 7").replace("bogus\n", ""));
        assertThat(run("ldirectord", config.toString(), "reload").status()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("lvsadm", "-L", "-n").out()).contains(" Masq    7 "));

        assertThat(run("ldirectord", config.toString(), "stop").status()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(pidFile) && !Files.exists(Path.of("/proc/" + pid)));
        assertThat(Files.readString(dir.resolve("ld.log")))
                .contains("Starting Linux Director v1.186-ha as daemon")
                .contains("Reloading Linux Director Daemon config on signal")
                .contains("Purged virtual server (stop): 192.0.2.7:80")
                .contains("Linux Director Daemon terminated on signal: TERM");
        assertThat(run("ldirectord", config.toString(), "status").status()).isEqualTo(3);
    }

    /**
     * Started as under nohup (HUP ignored, inherited by the daemon): a JVM would never install its HUP handler,
     * and `reload` would do nothing, silently. The daemon sets HUP back to its default before handling it.
     */
    @Test
    void reloadsOnHupEvenWhenStartedWithHupIgnored() throws Exception {
        List<String> command = List.of("sh", "-c", "trap '' HUP; exec \"$0\" \"$@\"",
                HOME.resolve("scripts/ldirectord").toString(), "--backend=memory", config.toString(), "start");
        Process starting = start(command);
        assertThat(starting.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(starting.exitValue()).as(new String(starting.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("lvsadm", "-L", "-n").out()).contains(" Masq    5 "));

        Files.writeString(config, Files.readString(config).replace("masq 5", "masq 7"));
        assertThat(run("ldirectord", config.toString(), "reload").status()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("lvsadm", "-L", "-n").out()).contains(" Masq    7 "));
        assertThat(Files.readString(dir.resolve("ld.log"))).contains("Reloading Linux Director Daemon config on signal");
    }

    @Test
    void hotStandbyChecksWithoutTheTableUntilStartAndStopReturnsItToStandby() throws Exception {
        String table = "IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n";
        String programmed = table + "TCP  192.0.2.7:80 wrr\n"
                + String.format("  -> %-28s %-7s %-6d %-10d %-10d%n", "127.0.0.1:" + server.port(), "Masq", 5, 0, 0);

        assertThat(run("ldirectord", "--backend=memory", config.toString(), "standby").status()).isZero();
        long pid = Long.parseLong(Files.readString(dir.resolve("run/ldirectord.www.cf.pid")).trim());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("ldirectord", config.toString(), "show").out()).contains("up"));
        Result standby = run("ldirectord", config.toString(), "status");
        assertThat(standby.status()).as("a standby is not running for heartbeat and LSB").isEqualTo(3);
        assertThat(standby.out()).startsWith("ldirectord for " + config + " is in standby with pid: " + pid)
                .doesNotContainIgnoringCase("running").doesNotContain("OK");
        assertThat(run("lvsadm", "-L", "-n").out()).isEqualTo(table);

        assertThat(run("ldirectord", config.toString(), "start").status()).isZero();
        // the real was known up before: start returns with the table already programmed
        assertThat(run("lvsadm", "-L", "-n").out()).isEqualTo(programmed);
        assertThat(run("ldirectord", config.toString(), "status").status()).isZero();

        assertThat(run("ldirectord", config.toString(), "stop").status()).isZero();
        assertThat(run("lvsadm", "-L", "-n").out()).isEqualTo(table);
        assertThat(run("ldirectord", config.toString(), "status").status()).isEqualTo(3);
        assertThat(Path.of("/proc/" + pid)).as("stop of an active hot standby keeps it running").exists();

        assertThat(run("ldirectord", config.toString(), "stop").status()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(Path.of("/proc/" + pid)));
        assertThat(Files.readString(dir.resolve("ld.log")))
                .contains("Leaving standby: programming the IPVS table from the current health of the real servers")
                .contains("Entering standby: IPVS table released, checking goes on");
    }

    @Test
    void drainUndrainAndWeightGoThroughTheDaemonAndSurviveStopAndStart() throws Exception {
        String real = "127.0.0.1:" + server.port();
        Result offline = run("ldirectord", config.toString(), "drain", real);
        assertThat(offline.status()).as(offline.toString()).isZero();
        assertThat(offline.out()).startsWith("Drained real server " + real + "\n")
                .contains("ldirectord is not running for " + config + ": edited node-local " + dir.resolve("local"));

        assertThat(run("ldirectord", "--backend=memory", config.toString(), "start").status()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("ldirectord", config.toString(), "show").out()).contains("[drained]"));
        assertThat(run("lvsadm", "-L", "-n").out()).doesNotContain(" Masq    5 ");

        Result undrain = run("ldirectord", config.toString(), "undrain", real);
        assertThat(undrain.status()).as(undrain.toString()).isZero();
        assertThat(undrain.out()).startsWith("Undrained real server " + real + "\n").contains("applied in the next round");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("lvsadm", "-L", "-n").out()).contains(" Masq    5 "));

        assertThat(run("ldirectord", config.toString(), "weight", real, "8").status()).isZero();
        assertThat(run("ldirectord", config.toString(), "drain", real).status()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("lvsadm", "-L", "-n").out()).contains(" Masq    0 "));

        Result unknown = run("ldirectord", config.toString(), "drain", "192.0.2.99:80");
        assertThat(unknown).isEqualTo(new Result(1, "", "unknown real server 192.0.2.99:80: not in " + config + "\n"));

        Path pidFile = dir.resolve("run/ldirectord.www.cf.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(run("ldirectord", config.toString(), "stop").status()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(Path.of("/proc/" + pid)));
        assertThat(run("ldirectord", "--backend=memory", config.toString(), "start").status()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(run("ldirectord", config.toString(), "show")
                .out()).containsPattern("up +weight 0 .*\\[drained weight override 8\\]"));

        Result list = run("ldirectord", config.toString(), "overrides");
        assertThat(list.status()).isZero();
        assertThat(list.out()).startsWith("Overrides: node-local " + dir.resolve("local"))
                .contains("  " + real + " drained weight=8 (set by ");
        assertThat(run("ldirectord", config.toString(), "undrain", real).status()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run("lvsadm", "-L", "-n").out()).contains(" Masq    8 "));
        long second = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(run("ldirectord", config.toString(), "stop").status()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(Path.of("/proc/" + second)));
    }

    @Test
    void executeCompanionsStartAndStopWithTheirParent() throws Exception {
        Path child = dir.resolve("child.cf");
        Files.writeString(child, "logfile=\"" + dir.resolve("child.log") + "\"\n"
                + "virtual=192.0.2.8:80\n\treal=127.0.0.1:" + server.port() + " masq 1\n\tchecktype=on\n");
        Files.writeString(config, "execute=" + child + "\n" + Files.readString(config));
        assertThat(run("ldirectord", "--backend=memory", config.toString(), "start").status()).isZero();
        Path childPid = dir.resolve("run/ldirectord.child.cf.pid");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> run("ldirectord", child.toString(), "status").status() == 0);
        long pid = Long.parseLong(Files.readString(childPid).trim());

        assertThat(run("ldirectord", config.toString(), "stop").status()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(Path.of("/proc/" + pid)));
        assertThat(run("ldirectord", child.toString(), "status").status()).isEqualTo(3);
    }

    @Test
    void usageErrorsAndMissingConfigsExitAsLdirectordDoes() throws Exception {
        Result noAction = run("ldirectord");
        assertThat(noAction.status()).isEqualTo(255);
        assertThat(noAction.out()).startsWith("Usage:\n");

        Result unknown = run("ldirectord", "--foo", "status");
        assertThat(unknown.status()).isEqualTo(255);
        assertThat(unknown.err()).isEqualTo("Unknown option: foo\n");

        Result missing = run("ldirectord", dir.resolve("nope.cf").toString(), "status");
        assertThat(missing).isEqualTo(new Result(1, "", "Config file " + dir.resolve("nope.cf") + " not found\n"));

        Result version = run("ldirectord", "-v");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("Linux Director v1.186-ha\n");
    }

    @Test
    void configtestPrintsEveryErrorAndStartRefusesTheFile() throws Exception {
        Files.writeString(config, "checkinterval=abc\nquiescent=maybe\nvirtual=192.0.2.7:80\n\treal=127.0.0.1:80 sideways\n");
        Result test = run("ldirectord", config.toString(), "configtest");
        assertThat(test.status()).isEqualTo(2);
        assertThat(test.err().lines().filter(l -> l.startsWith("Error [")).count()).isEqualTo(3);
        assertThat(test.err()).contains("at line 1: invalid check interval value")
                .contains("at line 2: quiescent must be 'yes' or 'no'");

        Result start = run("ldirectord", "--backend=memory", config.toString(), "start");
        assertThat(start.status()).isEqualTo(2);
        assertThat(start.err()).matches("Error \\[\\d+\\] reading file " + config + " at line 1: invalid check interval value\\n");
        assertThat(dir.resolve("run/ldirectord.www.cf.pid")).doesNotExist();
    }

    @Test
    void debugModeStaysInTheForegroundAndStopsOnTerm() throws Exception {
        Path stderrFile = dir.resolve("foreground.err");
        Process foreground = start(List.of("ldirectord", "-d", "--backend=memory", config.toString(), "start"), stderrFile);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> run("lvsadm", "-L", "-n").out().contains("Masq    5"));
            assertThat(dir.resolve("run/ldirectord.www.cf.pid")).as("no pid file with -d").doesNotExist();
            foreground.destroy();
            assertThat(foreground.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(foreground.exitValue()).isZero();
            String stderr = Files.readString(stderrFile);
            assertThat(stderr).contains("Starting Linux Director v1.186-ha with pid: " + foreground.pid())
                    .contains("Added real server: 127.0.0.1:" + server.port() + " (192.0.2.7:80) (Weight set to 5)")
                    .contains("Linux Director Daemon terminated on signal: TERM");
        } finally {
            foreground.destroyForcibly();
        }
    }

    private Result run(String... command) throws Exception {
        Process p = start(List.of(command));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    private Process start(List<String> command) throws IOException {
        return start(command, null);
    }

    private Process start(List<String> command, Path stderrFile) throws IOException {
        List<String> full = new ArrayList<>(command);
        if (!command.get(0).equals("sh")) {
            full.set(0, HOME.resolve("scripts").resolve(command.get(0)).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile());
        builder.environment().put("LVS_DIRECTOR_RUNDIR", dir.resolve("run").toString());
        builder.environment().put("LVS_DIRECTOR_CFGNAME", "www.cf");
        builder.environment().put("LVS_DIRECTOR_STATE_DIR", "none");
        builder.environment().put("LVS_DIRECTOR_LOCAL_DIR", dir.resolve("local").toString());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (stderrFile != null) {
            builder.redirectError(stderrFile.toFile());
        }
        return builder.start();
    }
}
