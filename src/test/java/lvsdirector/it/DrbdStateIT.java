package lvsdirector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lvsdirector.state.StateDocument;
import lvsdirector.state.StateFile;
import lvsdirector.state.StateRead;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.Test;

/**
 * The DRBD state directory in two real kernels (DRBD 8.4.11 in user-mode-linux, resource r0 between nodea
 * and nodeb over a uml_switch or a loopback cable; shared/docs/drbd-sync.md §2b-2d, §4.4), one boot of the pair for all of:
 * the Secondary refuses to write; kill -9 of a writer and a kernel crash of the Primary mid-write leave a
 * parseable file with at least the last acknowledged seq (the second after the other node promoted
 * without --force and mounted); split brain is reported by the handler and {@code drbd-sync status}, and
 * its guided recovery reconnects with the survivor's file; one node alone comes up and, promoted, has a
 * usable state directory. Prints the promotion and mount timings.
 */
class DrbdStateIT {
    private static final String STATE = "/run/lvs-state";
    private static final String LOCAL = "/run/lvs-local";
    private static final String DRBD = "scripts/uml/drbd.sh ";
    private static final String MARKER = LOCAL + "/drbd-split-brain.r0";

    private Path dir;

    @Test
    void stateDirectoryInTwoKernels() throws Exception {
        RealParts.assume(RealParts.executable("/usr/sbin/drbdadm") || RealParts.executable("/sbin/drbdadm"),
                "drbdadm (Debian package drbd-utils)");
        long boot = System.nanoTime();
        try (UmlPair pair = UmlPair.boot(300, Map.of("UML_DRBD", "1"))) {
            dir = Files.createTempDirectory(Path.of("/tmp"), "drbd-state");
            try {
                UmlAgent a = pair.a();
                UmlAgent b = pair.b();
                log("pair booted in %d ms", (System.nanoTime() - boot) / 1_000_000);
                phase("DRBD set-up", () -> setUp(a, b));
                phase("(a) Secondary guard", () -> secondaryRefuses(b));
                phase("(b) kill -9", () -> killMinus9MidWrite(a));
                phase("(d) split brain", () -> splitBrainAndGuidedRecovery(a, b));
                phase("(b) kernel crash", () -> kernelCrashMidWriteThenTakeover(a, b));
                phase("(c) cold start", () -> coldStartAlone(b));
            } finally {
                deleteTree(dir);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void phase(String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        log("%s: %d ms", name, (System.nanoTime() - start) / 1_000_000);
    }

    private void setUp(UmlAgent a, UmlAgent b) throws Exception {
        Files.writeString(dir.resolve("lvs-director.conf"), "state_directory = " + STATE + "\nlocal_state_directory = "
                + LOCAL + "\ndrbd_resource = r0\ndrbd_device = /dev/drbd0\n");
        String handler = UmlAgent.HOME.resolve("drbd-sync/handlers/split-brain") + " --config " + dir.resolve("lvs-director.conf");
        for (UmlAgent node : List.of(a, b)) {
            String n = node == a ? "1" : "2";
            node.ok(DRBD + "net " + n + " && " + DRBD + "syslog " + dir.resolve("syslog-" + n + ".txt")
                    + " && mkdir -p " + STATE + " " + LOCAL);
        }
        a.ok(DRBD + "setup " + dir.resolve("drbd") + " '" + handler + "'");
        b.ok(DRBD + "setup " + dir.resolve("drbd") + " '" + handler + "'");
        a.ok(DRBD + "initial-sync 60 && " + DRBD + "mkfs && " + DRBD + "mount " + STATE);
        b.ok(DRBD + "await 'cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate' 30");
    }

    /** (a) The director's state writer on the Secondary: refused, with the role, and nothing written. */
    private void secondaryRefuses(UmlAgent b) throws Exception {
        UmlAgent.Result r = b.run(writer("1 guard persistence.json"), Duration.ofSeconds(90));
        assertThat(r.status()).as(r.output()).isEqualTo(3);
        assertThat(r.output()).contains("refused: DRBD r0 is Secondary (ro:Secondary/Primary) and " + STATE
                + " is not mounted; not writing persistence.json").doesNotContain("ack ");
        assertThat(b.ok("ls -A " + STATE + " " + LOCAL)).doesNotContain("persistence", ".tmp");
        assertThat(b.run("mount /dev/drbd0 /mnt").output()).contains("Wrong medium type");
        log("(a) Secondary refused: %s", r.output().strip());
    }

    /** (b) kill -9 of a writer looping on the Primary: the file parses with seq >= the last acknowledged. */
    private void killMinus9MidWrite(UmlAgent a) throws Exception {
        Path acks = dir.resolve("acks-kill.txt");
        a.ok(writer("0 kill persistence.json") + " > " + acks + " 2>&1 & echo $! > /run/writer.pid");
        long lastAck = awaitAcks(acks, 25);
        a.ok("kill -9 $(cat /run/writer.pid)");
        lastAck = lastAck(acks);
        StateDocument doc = copyAndRead(a, "kill");
        boolean tmpLeft = a.run("test -e " + STATE + "/.persistence.json.tmp").status() == 0;
        log("(b) kill -9 after ack %d: file seq %d (temp file left: %s)", lastAck, doc.seq(), tmpLeft);
        assertThat(doc.seq()).isGreaterThanOrEqualTo(lastAck);
        assertThat(doc.payload().getString("writer_tag")).isEqualTo("kill");
        assertThat(doc.payload().getJsonArray("templates")).hasSize(300);
    }

    /** (d) Both nodes Primary and writing while disconnected, reconnect: handler, status 2, guided recovery. */
    private void splitBrainAndGuidedRecovery(UmlAgent a, UmlAgent b) throws Exception {
        a.ok("drbdadm disconnect r0");
        b.ok(DRBD + "await 'cs:WFConnection ro:Secondary/Unknown' 30 && " + DRBD + "promote 10 && " + DRBD + "mount " + STATE);
        // both sides write at once (one JVM start of wall time instead of two)
        java.util.concurrent.CompletableFuture<String> bWrites = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return b.ok(writer("2 b-split persistence.json b-only.json"));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        String aWrites = a.ok(writer("3 a-split persistence.json"));
        assertThat(bWrites.get(120, java.util.concurrent.TimeUnit.SECONDS)).contains("ack b-only.json");
        long survivorSeq = lastAck(aWrites);
        a.ok("drbdadm connect r0");
        a.ok(DRBD + "await 'cs:StandAlone' 30 && until [ -e " + MARKER + " ]; do sleep 0.1; done");
        b.ok(DRBD + "await 'cs:StandAlone' 30 && until [ -e " + MARKER + " ]; do sleep 0.1; done");
        assertThat(a.ok("head -n 1 " + MARKER)).startsWith("DRBD r0: split brain detected on nodea with peer nodeb (192.168.77.2)");
        awaitHostFile(dir.resolve("syslog-2.txt"), "lvs-director-drbd");
        assertThat(Files.readString(dir.resolve("syslog-2.txt"))).contains("<26>", "lvs-director-drbd[",
                "DRBD r0: split brain detected on nodeb with peer nodea (192.168.77.1)");

        UmlAgent.Result status = a.run(drbdSync("status"), Duration.ofSeconds(90));
        log("(d) drbd-sync status on nodea during the split brain (exit %d):%n%s", status.status(), status.output().strip());
        assertThat(status.status()).isEqualTo(2);
        assertThat(status.output()).contains("  connection: StandAlone",
                "  on nodeb (victim):   umount " + STATE + " (if mounted); drbdadm secondary r0; drbdadm connect --discard-my-data r0",
                "  on nodea (survivor): drbdadm connect r0", "status: SPLIT BRAIN");

        b.ok("umount " + STATE + "; drbdadm secondary r0; drbdadm connect --discard-my-data r0");
        a.ok("drbdadm connect r0");
        a.ok(DRBD + "await 'cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate' 60");
        b.ok(DRBD + "await 'cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate' 60");
        UmlAgent.Result healthy = a.run(drbdSync("status"), Duration.ofSeconds(90));
        assertThat(healthy.status()).as(healthy.output()).isZero();
        assertThat(healthy.output()).contains("(resolved since: connected)", "status: healthy");

        // the survivor's file is what the victim has now
        a.ok("umount " + STATE + " && drbdadm secondary r0");
        b.ok(DRBD + "promote 10 && " + DRBD + "mount " + STATE);
        StateDocument onVictim = copyAndRead(b, "victim");
        assertThat(onVictim.payload().getString("writer_tag")).isEqualTo("a-split");
        assertThat(onVictim.node()).isEqualTo("nodea");
        assertThat(onVictim.seq()).isEqualTo(survivorSeq);
        assertThat(b.run("test -e " + STATE + "/b-only.json").status()).isEqualTo(1);
        b.ok("umount " + STATE + " && drbdadm secondary r0");
        a.ok(DRBD + "promote 10 && " + DRBD + "mount " + STATE);
        log("(d) split brain: marker + syslog on both nodes, status exit 2, recovery -> Connected UpToDate/UpToDate, "
                + "the victim holds the survivor's persistence.json (seq %d)", survivorSeq);
    }

    /** (b) The Primary's kernel dies mid-write; the other node promotes (no --force), mounts, reads. */
    private void kernelCrashMidWriteThenTakeover(UmlAgent a, UmlAgent b) throws Exception {
        Path acks = dir.resolve("acks-crash.txt");
        a.ok(writer("0 crash persistence.json") + " > " + acks + " 2>&1 &");
        awaitAcks(acks, 25);
        Path crashAt = dir.resolve("crash-at");
        assertThatThrownBy(() -> a.run("echo $(( $(date +%s%N) / 1000000 )) > " + crashAt + "; echo o > /proc/sysrq-trigger",
                Duration.ofSeconds(60))).hasMessageStartingWith("the UML kernel ended");
        long crashed = Long.parseLong(Files.readString(crashAt).strip());
        long lastAck = lastAck(acks);
        long[] promote = longs(b.ok(DRBD + "promote 30"));
        long[] mount = longs(b.ok(DRBD + "mount " + STATE));
        StateDocument doc = copyAndRead(b, "crash");
        log("(b) kernel crash of the Primary after ack %d: nodeb `drbdadm primary r0` took %d ms (%d tries, %d ms after "
                        + "the crash), mount %d ms; file seq %d", lastAck, promote[1] - promote[0], promote[2],
                promote[1] - crashed, mount[1] - mount[0], doc.seq());
        assertThat(doc.seq()).isGreaterThanOrEqualTo(lastAck);
        assertThat(doc.payload().getString("writer_tag")).isEqualTo("crash");
        assertThat(b.ok("cat /proc/drbd")).contains("ro:Primary/Unknown ds:UpToDate/DUnknown");
    }

    /** (c) Cold start: nodeb alone (nodea is gone) comes up, promotes without --force, writes state. */
    private void coldStartAlone(UmlAgent b) throws Exception {
        long before = copyAndRead(b, "before-cold").seq();
        b.ok("umount " + STATE + " && drbdadm down r0");
        long up = System.nanoTime();
        b.ok("drbdadm up r0 && " + DRBD + "await 'cs:WFConnection ro:Secondary/Unknown ds:UpToDate/DUnknown' 30");
        long upMs = (System.nanoTime() - up) / 1_000_000;
        UmlAgent.Result waiting = b.run(drbdSync("status"), Duration.ofSeconds(90));
        assertThat(waiting.status()).as(waiting.output()).isEqualTo(1);
        assertThat(waiting.output()).contains("  connection: WFConnection", "(earlier; now cs:WFConnection)", "state directory " + STATE + ": not mounted",
                "status: degraded");
        long[] promote = longs(b.ok(DRBD + "promote 30"));
        long[] mount = longs(b.ok(DRBD + "mount " + STATE));
        String wrote = b.ok(writer("1 cold persistence.json"));
        assertThat(wrote.strip()).isEqualTo("ack persistence.json " + (before + 1));
        StateDocument doc = copyAndRead(b, "cold");
        assertThat(doc.node()).isEqualTo("nodeb");
        log("(c) cold start alone: up %d ms, `drbdadm primary r0` %d ms (%d tries), mount %d ms, state seq %d -> %d",
                upMs, promote[1] - promote[0], promote[2], mount[1] - mount[0], before, doc.seq());
    }

    private String javaPrefix() {
        return "env PATH=" + System.getProperty("java.home") + "/bin:$PATH LVS_DIRECTOR_STATE_DIR=" + STATE
                + " LVS_DIRECTOR_LOCAL_DIR=" + LOCAL + " ";
    }

    private String writer(String args) {
        return javaPrefix() + "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + UmlAgent.HOME.resolve("target/test-classes")
                + ":" + UmlAgent.HOME.resolve("target/classes") + ":'" + UmlAgent.HOME.resolve("target/lib") + "/*' "
                + StateWriterTool.class.getName() + " " + args;
    }

    private String drbdSync(String args) {
        return javaPrefix() + "LVS_DIRECTOR_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' "
                + UmlAgent.HOME.resolve("scripts/drbd-sync") + " " + args + " --config " + dir.resolve("lvs-director.conf");
    }

    /** Copies the state directory's persistence.json out of the kernel and reads it as the director would. */
    private StateDocument copyAndRead(UmlAgent node, String label) throws Exception {
        Path copy = dir.resolve(label);
        node.ok("mkdir -p " + copy + " && cp " + STATE + "/persistence.json " + copy + "/");
        StateRead read = new StateFile(copy, "persistence.json", 1, "host", java.time.Clock.systemUTC()).read();
        assertThat(read).as(String.valueOf(read.problem())).isInstanceOf(StateRead.Present.class);
        return ((StateRead.Present) read).document();
    }

    /** Waits until the writer acknowledged {@code atLeast} writes; returns the last acknowledged seq. */
    private static long awaitAcks(Path acks, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(acks) && Files.readString(acks).lines().filter(l -> l.startsWith("ack ")).count() >= atLeast) {
                return lastAck(acks);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + atLeast + " acknowledged writes within 90 s:\n"
                + (Files.exists(acks) ? Files.readString(acks) : "(no output)"));
    }

    private static long lastAck(Path acks) throws Exception {
        return lastAck(Files.readString(acks));
    }

    /** The seq of the last complete "ack NAME SEQ" line (a line cut by the kill has no newline yet). */
    private static long lastAck(String text) {
        long last = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("ack ") && text.contains(line + "\n")) {
                last = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return last;
    }

    private static void awaitHostFile(Path file, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no \"" + text + "\" in " + file);
    }

    private static long[] longs(String text) {
        String[] words = text.strip().split("\\s+");
        long[] values = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            values[i] = Long.parseLong(words[i]);
        }
        return values;
    }

    private static void log(String format, Object... args) {
        System.out.println("[DrbdStateIT] " + String.format(format, args).replace("\n", "\n[DrbdStateIT] "));
    }

    private static void deleteTree(Path root) throws Exception {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
