package lvsdirector.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import lvsdirector.netlink.unix.UnixDatagramReceiver;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The .deb as an administrator gets it: packaging/build-deb.sh builds it, dpkg installs it into a scratch
 * root (maintainer scripts run chroot-free with DPKG_ROOT), and the installed files are exercised: entry
 * points, configtest, systemd-analyze verify on the units, the daemon's sd_notify under its own pid, the
 * LSB init script and ocf-tester on the OCF agent (in-memory backend, private run directory).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class PackagingIT {
    private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));
    private static final String AGENT = "usr/lib/ocf/resource.d/lvs-director/ldirectord";
    private static final List<String> UNITS = List.of("lvs-ldirectord.service", "lvs-ldirectord@www.cf.service",
            "lvs-heartbeat.service", "lvs-drbd-sync.service");

    private Path deb;
    private Path root;
    private Path work;
    private Path config;
    private String version;
    private final List<Path> runDirectories = new ArrayList<>();

    @BeforeAll
    void buildAndInstall() throws Exception {
        for (String tool : List.of("/usr/bin/dpkg-deb", "/usr/bin/dpkg", "/usr/bin/systemd-analyze",
                "/usr/sbin/ocf-tester", "/usr/bin/xmllint", "/usr/bin/unshare")) {
            RealParts.assume(RealParts.executable(tool), tool);
        }
        RealParts.assume(RealParts.isRoot(), "root (dpkg --root installs files owned by root)");
        Command build = Command.run(List.of(PROJECT.resolve("packaging/build-deb.sh").toString(), "--no-build"));
        assertThat(build.status()).as(build.transcript()).isZero();
        deb = Path.of(build.out().strip());
        version = deb.getFileName().toString().replaceFirst("^lvs-director_(.*)_all\\.deb$", "$1");

        // world-readable: ocf-tester runs the agent's meta-data as "nobody"
        root = worldReadableTempDirectory("lvs-director-root");
        work = worldReadableTempDirectory("lvs-director-work");
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.createDirectories(root.resolve("etc"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        Command install = Command.run(List.of("dpkg", "--root=" + root, "--force-depends", "--force-script-chrootless",
                "--log=/dev/null", "-i", deb.toString()));
        assertThat(install.status()).as(install.transcript()).isZero();

        config = work.resolve("www.cf");
        Files.writeString(config, "checktimeout=1\ncheckinterval=2\nquiescent=no\nlogfile=\"" + work.resolve("ldirectord.log")
                + "\"\n\nvirtual=192.0.2.20:80\n\treal=127.0.0.1:18181 gate\n\tservice=http\n\tchecktype=connect\n");
    }

    @AfterAll
    void cleanUp() throws IOException {
        for (Path run : runDirectories) {
            killDaemonsOf(run, work.toString());
        }
        for (Path dir : new Path[] {root, work}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void thePackageNamesItsVersionAndOwnsNoFileOfDebiansLdirectordOrHeartbeat() throws Exception {
        Command fields = Command.run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Architecture", "Version"));
        assertThat(fields.out()).contains("Package: lvs-director\n", "Architecture: all\n", "Version: " + version + "\n");

        List<String> ours = Command.run(List.of("dpkg", "--root=" + root, "-L", "lvs-director")).out().lines().toList();
        assertThat(ours).contains("/usr/sbin/lvs-ldirectord", "/usr/sbin/lvsadm", "/usr/sbin/lvs-heartbeat",
                "/usr/sbin/lvs-drbd-sync", "/lib/systemd/system/lvs-drbd-sync.service", "/usr/share/lvs-director/lvs-director.jar", "/lib/systemd/system/lvs-ldirectord.service",
                "/etc/init.d/lvs-ldirectord", "/" + AGENT, "/etc/logrotate.d/lvs-director",
                "/usr/share/man/man8/lvs-ldirectord.8.gz", "/etc/ha.d/resource.d/lvs-ldirectord",
                "/usr/share/lvs-director/drbd-sync/handlers/split-brain", "/usr/share/lvs-director/drbd-sync/r0.res.sample");
        for (String debianPackage : List.of("ldirectord", "heartbeat")) {
            Command theirs = Command.run(List.of("dpkg", "-L", debianPackage));
            if (theirs.status() == 0) {
                List<String> theirFiles = theirs.out().lines().filter(f -> !Files.isDirectory(Path.of(f))).toList();
                assertThat(ours).as("files shared with Debian's %s", debianPackage).doesNotContainAnyElementsOf(theirFiles);
            }
        }
    }

    @Test
    void theMaintainerScriptsCreateTheUserAndHeartbeatsResourceName() throws Exception {
        assertThat(Files.readString(root.resolve("etc/passwd"))).containsPattern("(?m)^lvs-director:x:\\d+:\\d+:");
        // absolute links, as heartbeat's ResourceManager runs them on the installed system
        assertThat(Files.readSymbolicLink(root.resolve("etc/ha.d/resource.d/ldirectord")))
                .isEqualTo(Path.of("/usr/sbin/lvs-ldirectord"));
        assertThat(Files.readSymbolicLink(root.resolve("etc/ha.d/resource.d/lvs-ldirectord")))
                .isEqualTo(Path.of("/usr/sbin/lvs-ldirectord"));
        Command status = Command.run(List.of("dpkg", "--root=" + root, "-s", "lvs-director"));
        assertThat(status.out()).contains("Status: install ok installed");
    }

    @Test
    void theStateDirectoriesBelongToTheDirectorsUserAndTheDrbdMountPointIsEmpty() throws Exception {
        String user = Files.readString(root.resolve("etc/passwd")).lines().filter(l -> l.startsWith("lvs-director:"))
                .findFirst().orElseThrow();
        int uid = Integer.parseInt(user.split(":")[2]);
        int gid = Integer.parseInt(user.split(":")[3]);
        for (String dir : List.of("var/lib/lvs-director/local", "var/lib/lvs-director/state")) {
            Path path = root.resolve(dir);
            assertThat(path).as(dir).isDirectory();
            assertThat(Files.getAttribute(path, "unix:uid")).as("owner of %s", dir).isEqualTo(uid);
            assertThat(Files.getAttribute(path, "unix:gid")).as("group of %s", dir).isEqualTo(gid);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as("mode of %s", dir)
                    .isEqualTo("rwxr-x---");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/lib/lvs-director"))))
                .isEqualTo("rwxr-xr-x");
        try (Stream<Path> inside = Files.list(root.resolve("var/lib/lvs-director/state"))) {
            assertThat(inside).as("the DRBD mount point ships empty").isEmpty();
        }
        assertThat(Command.run(List.of("dpkg", "--root=" + root, "-L", "lvs-director")).out().lines())
                .contains("/usr/lib/tmpfiles.d/lvs-director.conf");
    }

    @Test
    void theInstalledEntryPointsRunAndPrintTheirVersion() throws Exception {
        Command ldirectord = installed("usr/sbin/lvs-ldirectord", "--version");
        assertThat(ldirectord.status()).as(ldirectord.transcript()).isZero();
        assertThat(ldirectord.out()).startsWith("Linux Director v1.186-ha\nlvs-director " + version.replace('~', '-') + ",");

        Command heartbeat = installed("usr/sbin/lvs-heartbeat", "--version");
        assertThat(heartbeat.status()).as(heartbeat.transcript()).isZero();
        assertThat(heartbeat.out()).isEqualTo("lvs-director heartbeat tools " + version.replace('~', '-') + "\n");
    }

    @Test
    void configtestOfTheInstalledCommandAcceptsAGoodFileAndNamesTheErrorOfABadOne() throws Exception {
        Command good = installed("usr/sbin/lvs-ldirectord", config.toString(), "configtest");
        assertThat(good.status()).as(good.transcript()).isZero();
        assertThat(good.out()).isEqualTo(config + ": 0 errors, 0 warnings\n");

        Path bad = work.resolve("bad.cf");
        Files.writeString(bad, "checkinterval=2\nvirtual=192.0.2.21:80\n\treal=127.0.0.1:80 gate\n\tchecktype=sometimes\n");
        Command broken = installed("usr/sbin/lvs-ldirectord", bad.toString(), "configtest");
        assertThat(broken.status()).as(broken.transcript()).isEqualTo(2);
        assertThat(broken.err()).containsPattern("Error \\[\\d+\\] reading file " + bad + " at line 4: ");
    }

    @Test
    void systemdAnalyzeVerifyAcceptsTheUnitsWithoutAWarning() throws Exception {
        // the scratch root lacks the base system the units refer to: systemd's targets and slices, /bin/kill
        Path units = root.resolve("lib/systemd/system");
        try (Stream<Path> hostUnits = Files.list(Path.of("/lib/systemd/system"))) {
            for (Path unit : hostUnits.filter(p -> p.toString().matches(".*\\.(target|slice)$")).toList()) {
                if (Files.notExists(units.resolve(unit.getFileName()))) {
                    Files.copy(unit, units.resolve(unit.getFileName()));
                }
            }
        }
        Files.createDirectories(root.resolve("usr/bin"));
        if (Files.notExists(root.resolve("usr/bin/kill"))) {
            Files.copy(Path.of("/usr/bin/kill"), root.resolve("usr/bin/kill"));
        }
        if (Files.notExists(root.resolve("bin"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        }
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + root));
        UNITS.forEach(u -> command.add("lib/systemd/system/" + u));
        // MANPATH: verify also checks that Documentation=man:... pages exist, here the installed ones
        Command verify = Command.run(Map.of("MANPATH", root.resolve("usr/share/man").toString()), root, command);

        assertThat(verify.status()).as(verify.transcript()).isZero();
        assertThat(verify.out() + verify.err()).as(verify.transcript()).isEmpty();
    }

    @Test
    void theInstalledDaemonNotifiesSystemdUnderItsOwnPidAroundReloadAndStop() throws Exception {
        Path run = runDirectory("run-notify");
        String socket = work.resolve("notify.sock").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket, 60_000)) {
            ProcessBuilder builder = new ProcessBuilder(root.resolve("usr/sbin/lvs-ldirectord").toString(),
                    "--foreground", "--backend=memory", config.toString(), "start")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("NOTIFY_SOCKET", socket);
            builder.environment().put("LVS_DIRECTOR_RUNDIR", run.toString());
            Process daemon = builder.start();
            try {
                // MAINPID is the pid systemd started: the entry point exec's the JVM, so NotifyAccess=main works
                assertThat(systemd.receive()).startsWith("READY=1\nMAINPID=" + daemon.pid() + "\n");
                assertThat(Files.readString(run.resolve("ldirectord.www.cf.pid"))).isEqualTo(daemon.pid() + "\n");

                assertThat(Command.run(List.of("kill", "-HUP", Long.toString(daemon.pid()))).status()).isZero();
                assertThat(systemd.receive()).startsWith("RELOADING=1\n");
                assertThat(systemd.receive()).startsWith("READY=1\nMAINPID=" + daemon.pid() + "\n")
                        .contains("STATUS=running: reloaded");

                daemon.destroy();
                assertThat(systemd.receive()).startsWith("STOPPING=1\n");
                assertThat(daemon.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(daemon.exitValue()).isZero();
                assertThat(run.resolve("ldirectord.www.cf.pid")).doesNotExist();
            } finally {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void theLsbInitScriptReadsDebiansDefaultsFileAndManagesTheDaemon() throws Exception {
        Path run = runDirectory("run-lsb");
        Path script = root.resolve("etc/init.d/lvs-ldirectord");
        Map<String, String> environment = Map.of("LVS_DIRECTOR_PREFIX", root.toString(), "LVS_DIRECTOR_RUNDIR", run.toString());

        Files.createDirectories(root.resolve("etc/default"));
        Files.writeString(root.resolve("etc/default/ldirectord"), "CONFIG_FILE=" + work.resolve("missing.cf") + "\n");
        Command noConfig = Command.run(environment, work, List.of(script.toString(), "start"));
        assertThat(noConfig.status()).as(noConfig.transcript()).isZero();
        assertThat(noConfig.out() + noConfig.err()).contains("No configuration file found, doing nothing.");

        Files.writeString(root.resolve("etc/default/ldirectord"), "CONFIG_FILE=" + config + "\n");
        assertThat(Command.run(environment, work, List.of(script.toString(), "status")).status()).isEqualTo(3);
        // a network namespace of its own: with IPVS in the kernel, "auto" would otherwise edit the host's table
        Command start = Command.run(environment, work, List.of("unshare", "--net", script.toString(), "start"));
        assertThat(start.status()).as(start.transcript()).isZero();
        Command running = Command.run(environment, work, List.of(script.toString(), "status"));
        assertThat(running.status()).as(running.transcript()).isZero();
        assertThat(running.err()).contains("ldirectord for " + config + " is running with pid: ");

        OptionalLong pid = pidIn(run.resolve("ldirectord.www.cf.pid"));
        assertThat(Command.run(environment, work, List.of(script.toString(), "stop")).status()).isZero();
        ProcessHandle.of(pid.orElseThrow()).ifPresent(p -> p.onExit().join());
        assertThat(Command.run(environment, work, List.of(script.toString(), "status")).status()).isEqualTo(3);
        assertThat(Command.run(environment, work, List.of(script.toString(), "bogus")).status()).isEqualTo(2);
    }

    @Test
    void ocfTesterPassesTheResourceAgent() throws Exception {
        Path run = runDirectory("run-ocf");
        Command tester = Command.run(Map.of(), work, List.of("ocf-tester", "-n", "lvs",
                "-o", "configfile=" + config, "-o", "binary=" + root.resolve("usr/sbin/lvs-ldirectord"),
                "-o", "backend=memory", "-o", "rundir=" + run, root.resolve(AGENT).toString()));

        assertThat(tester.status()).as(tester.transcript()).isZero();
        assertThat(tester.out()).contains(root.resolve(AGENT) + " passed all tests");
        assertThat(run.resolve("ldirectord.www.cf.pid")).doesNotExist();
    }

    @Test
    void theOcfAgentRejectsABrokenConfigurationAsMisconfigured() throws Exception {
        Path bad = work.resolve("broken.cf");
        Files.writeString(bad, "virtual=192.0.2.22:80\n\treal=127.0.0.1:80 sideways\n");
        Map<String, String> environment = Map.of("OCF_ROOT", "/usr/lib/ocf", "OCF_RESKEY_configfile", bad.toString(),
                "OCF_RESKEY_binary", root.resolve("usr/sbin/lvs-ldirectord").toString(),
                "OCF_RESKEY_backend", "memory", "OCF_RESKEY_rundir", runDirectory("run-ocf-bad").toString());

        assertThat(Command.run(environment, work, List.of(root.resolve(AGENT).toString(), "validate-all")).status())
                .isEqualTo(6);
        assertThat(Command.run(environment, work, List.of(root.resolve(AGENT).toString(), "start")).status())
                .isEqualTo(6);
        Map<String, String> missingBinary = new java.util.HashMap<>(environment);
        missingBinary.put("OCF_RESKEY_binary", work.resolve("absent").toString());
        assertThat(Command.run(missingBinary, work, List.of(root.resolve(AGENT).toString(), "validate-all")).status())
                .isEqualTo(5);
    }

    private Command installed(String entryPoint, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve(entryPoint).toString());
        command.addAll(List.of(arguments));
        return Command.run(Map.of("LVS_DIRECTOR_RUNDIR", runDirectory("run-cli").toString()), work, command);
    }

    private Path runDirectory(String name) throws IOException {
        Path run = Files.createDirectories(work.resolve(name));
        runDirectories.add(run);
        return run;
    }

    private static OptionalLong pidIn(Path pidFile) throws IOException {
        return Files.exists(pidFile) ? OptionalLong.of(Long.parseLong(Files.readString(pidFile).strip())) : OptionalLong.empty();
    }

    /** Kills what the pid files name, if it is a daemon of this test (its command line names our config). */
    private static void killDaemonsOf(Path run, String workDirectory) throws IOException {
        if (!Files.isDirectory(run)) {
            return;
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                pidIn(pidFile).ifPresent(pid -> ProcessHandle.of(pid)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(workDirectory)).orElse(false))
                        .ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                }));
            }
        }
    }

    private static Path worldReadableTempDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
