package lvsdirector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The director as the hardened unit runs it, in a real kernel: an unprivileged user (nobody) whose only
 * capabilities are ambient CAP_NET_ADMIN and CAP_NET_RAW (setpriv, as systemd's AmbientCapabilities= does).
 * It programs IPVS and runs ICMP (raw socket: unprivileged ping sockets are switched off in its namespace)
 * and connect checks, which the table shows: reals that answer are in, reals that do not are out. Without
 * the capabilities (or with CAP_NET_ADMIN alone while a check pings) it refuses to start and names the
 * one it misses.
 */
class UnprivilegedDirectorIT {
    private static final String NOBODY = "--reuid=65534 --regid=65534 --clear-groups";
    private static final String CAPS = " --inh-caps=+net_admin,+net_raw --ambient-caps=+net_admin,+net_raw";
    private static final String ADMIN_ONLY = " --inh-caps=+net_admin --ambient-caps=+net_admin";
    private static final String WRITABLE = "/run/unprivileged";

    @Test
    @Timeout(420)
    void withOnlyNetAdminAndNetRawTheDirectorProgramsIpvsAndChecksWithoutThemItNamesTheMissingCapability() throws Exception {
        Directors.requirePackagedDirector();
        RealParts.assume(RealParts.executable("/usr/bin/setpriv"), "/usr/bin/setpriv (util-linux)");
        try (UmlAgent uml = UmlAgent.boot(400)) {
            Path app = publicCopyOfTheDirector(uml.dir());
            Path config = app.resolve("unprivileged.cf");
            Files.writeString(config, CONFIG);
            uml.ok("scripts/uml/rig.sh backend-topology && scripts/uml/rig.sh director-ns director 10.0.2.1"
                    + " && ip netns exec director sysctl -qw net.ipv4.ping_group_range='1 0'"
                    // what the unit's RuntimeDirectory=, CacheDirectory= and PrivateTmp= give it, on UML's own tmpfs: files the
                    // unprivileged user creates through hostfs would be created by the host's root
                    + " && mkdir -p " + WRITABLE + "/run " + WRITABLE + "/jna " + WRITABLE + "/tmp"
                    + " && chmod 0777 " + WRITABLE + "/run " + WRITABLE + "/jna " + WRITABLE + "/tmp");

            UmlAgent.Result refused = uml.run(start(app, config, NOBODY, app.resolve("nocaps.err")) + "; echo exit=$?",
                    Duration.ofSeconds(180));
            String refusedLog = Files.readString(app.resolve("nocaps.err"));
            assertThat(refused.output()).as(refusedLog).contains("exit=1");
            assertThat(refusedLog).contains("cannot start: the kernel IPVS backend needs CAP_NET_ADMIN, which this process"
                    + " (uid 65534) does not have; run it as root or grant it in its systemd unit with"
                    + " AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW");
            // a ping check, no unprivileged ping sockets here, and only CAP_NET_ADMIN: refused up front, CAP_NET_RAW named
            UmlAgent.Result noRaw = uml.run(start(app, config, NOBODY + ADMIN_ONLY, app.resolve("noraw.err")) + "; echo exit=$?",
                    Duration.ofSeconds(180));
            String noRawLog = Files.readString(app.resolve("noraw.err"));
            assertThat(noRaw.output()).as(noRawLog).contains("exit=1");
            assertThat(noRawLog).contains("cannot start: ping checks (checktype=ping, or connect on a UDP virtual) need"
                    + " CAP_NET_RAW, which this process (uid 65534) does not have, and net.ipv4.ping_group_range (1 0)");

            long pid = Long.parseLong(uml.ok(start(app, config, NOBODY + CAPS, app.resolve("director.err")) + " & echo $!").trim());
            String credentials = uml.ok("grep -E '^(Uid|CapEff|CapAmb):' /proc/" + pid + "/status");
            assertThat(credentials).containsPattern("Uid:\\s+65534\\s").containsPattern("CapEff:\\s+0000000000003000")
                    .containsPattern("CapAmb:\\s+0000000000003000");
            // JVM start inside UML on a loaded host can take a minute: no bound is asserted on it
            await(uml, "-t 10.0.2.100:80", "PRESENT", "10.0.2.11:80 +Masq +1 ", 180);
            await(uml, "-t 10.0.2.100:8080", "PRESENT", "10.0.2.12:8080 +Masq +1 ", 60);
            String table = uml.ok("ip netns exec director ipvsadm -L -n");
            assertThat(table).as("reals whose checks fail stay out").doesNotContain("10.0.2.19").doesNotContain("10.0.2.13:8081");
            String log = Files.readString(app.resolve("director.err"));
            assertThat(log).doesNotContain("CAP_NET_RAW").doesNotContain("permission denied");

            assertThat(uml.ok(Directors.stop(pid, Duration.ofSeconds(20))).trim()).as("stops on TERM").isEqualTo("gone");
            assertThat(uml.ok("ip netns exec director ipvsadm -S -n")).as("cleanstop as the unprivileged user").isEmpty();
        }
    }

    private static final String CONFIG = """
            checkinterval=1
            checktimeout=2
            quiescent=no

            virtual=10.0.2.100:80
            \treal=10.0.2.11:80 masq
            \treal=10.0.2.19:80 masq
            \tchecktype=ping
            \tscheduler=rr

            virtual=10.0.2.100:8080
            \treal=10.0.2.12:8080 masq
            \treal=10.0.2.13:8081 masq
            \tchecktype=connect
            \tscheduler=rr
            """;

    /** Runs the director in the foreground (-d) in the director namespace through setpriv with {@code options}. */
    private static String start(Path app, Path config, String options, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "cd " + app + " && ip netns exec director setpriv " + options + " env LVS_DIRECTOR_RUNDIR=" + WRITABLE + "/run"
                + " " + java + " -Djna.tmpdir=" + WRITABLE + "/jna -Djava.io.tmpdir=" + WRITABLE + "/tmp -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                + " --enable-native-access=ALL-UNNAMED -Dlvsdirector.program=ldirectord"
                + " -cp '" + app.resolve("lvs-director.jar") + ":" + app.resolve("lib") + "/*' lvsdirector.cli.LdirectordMain"
                + " -d --backend=kernel " + config + " start > " + log + " 2>&1";
    }

    /**
     * The jar and its libraries where the unprivileged user can read them
     * (the project itself may live under a directory only root can enter, e.g. /root in CI).
     */
    private static Path publicCopyOfTheDirector(Path scratch) throws IOException {
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
        Path app = Files.createDirectory(scratch.resolve("app"));
        Path lib = Files.createDirectory(app.resolve("lib"));
        Path target = UmlAgent.HOME.resolve("target");
        try (Stream<Path> jars = Files.list(target)) {
            Path jar = jars.filter(f -> f.getFileName().toString().matches("lvs-director-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow();
            Files.copy(jar, app.resolve("lvs-director.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (Stream<Path> libraries = Files.list(target.resolve("lib"))) {
            for (Path library : libraries.toList()) {
                Files.copy(library, lib.resolve(library.getFileName()));
            }
        }
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        return app;
    }

    private static void await(UmlAgent uml, String service, String presence, String regex, int seconds) throws Exception {
        String command = "scripts/uml/rig.sh await-line director '" + service + "' " + presence + " '" + regex + "' " + seconds;
        uml.run(command, Duration.ofSeconds(seconds + 30)).requireSuccess(command);
    }
}
