package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import lvsdirector.heartbeat.transport.BadPackets;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthMethod;
import lvsdirector.heartbeat.wire.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our peer paired with Debian's heartbeat 3.0.6 (and with itself) in two network namespaces, timing
 * {@code keepalive 1, deadtime 6, warntime 3, initdead 12} as in the spec's interop plan (§8.2). Needs root,
 * iproute2, util-linux (unshare, nsenter) and the heartbeat package.
 */
class HeartbeatInteropIT extends NamespacePairIT {
    private static final String TIMING = "keepalive 1\ndeadtime 6\nwarntime 3\ninitdead 12\nudpport 694\n";
    private static final String NODES = "node nodea nodeb\n";
    /** Dead declared after the last status; the last status left up to one keepalive before the kill. */
    private static final double DEAD_MIN_SECONDS = 6.0 - 1.0 - 0.3;
    private static final double DEAD_MAX_SECONDS = 6.0 + 3.0;
    /** A JVM start on a loaded 2-core machine took up to 20 s; heartbeat itself needs about 1.5 s. */
    private static final int START_SECONDS = 60;


    private static String authkeys(String line) {
        return "auth 1\n" + line + "\n";
    }

    private RealHeartbeat real(String media, String keys) throws Exception {
        RealHeartbeat real = new RealHeartbeat(netns, netns.a, "nodea", tmp.resolve("real-a"), TIMING + media + NODES, keys);
        nodes.add(real);
        return real;
    }

    private JavaPeer ours(String ns, String node, String media, String keys) throws Exception {
        JavaPeer peer = new JavaPeer(netns, ns, node, tmp.resolve("ours-" + node), TIMING + media + NODES, keys);
        nodes.add(peer);
        return peer;
    }

    @Test
    void sha1OverBcastWithTheRealHeartbeat() throws Exception {
        String keys = authkeys("1 sha1 InteropKey-sha1");
        RealHeartbeat real = real("bcast eth0\n", keys);
        JavaPeer ours = ours(netns.b, "nodeb", "bcast eth0\n", keys);
        bothActive(real, ours);
        hostilePacketsChangeNothing(real, ours, new AuthKey(1, AuthMethod.SHA1, "InteropKey-sha1"));
        realSeesOursDieAndComeBack(real, ours);

        assertThat(ours.stop()).isIn(0, 143);
        assertThat(ours.currentLog()).contains("info: shutdone sent: nodeb leaves the cluster").doesNotContain("Exception");
        double gone = secondsUntil(() -> real.nodestatus("nodeb"), "dead", 12);
        report("sha1/bcast: real node declared the gracefully stopped peer dead after %.2f s", gone);
        assertThat(gone).isLessThan(DEAD_MAX_SECONDS + 1);
        ours.start();
        secondsUntil(() -> real.nodestatus("nodeb") + "/" + ours.status("nodea"), "active/active", START_SECONDS);

        ourPeerSeesRealDie(real, ours);
    }

    @Test
    void md5OverUcastWithTheRealHeartbeat() throws Exception {
        shortRun("md5", "ucast");
    }

    /**
     * The rest of the matrix on demand: {@code -Dheartbeat.matrix=crc/mcast,sha1/ucast,...} (auth method
     * sha1|md5|crc / medium bcast|ucast|mcast), each a short run like the md5/ucast one.
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("extraMatrix")
    void extraMatrixEntry(String entry) throws Exception {
        String[] parts = entry.split("/");
        shortRun(parts[0], parts[1]);
    }

    static Stream<String> extraMatrix() {
        String wanted = System.getProperty("heartbeat.matrix", "");
        return Arrays.stream(wanted.split(",")).map(String::strip).filter(e -> !e.isEmpty());
    }

    private void shortRun(String method, String medium) throws Exception {
        String keyLine = switch (method) {
            case "sha1" -> "1 sha1 InteropKey-sha1";
            case "md5" -> "1 md5 Md5-Interop-Key";
            case "crc" -> "1 crc";
            default -> throw new IllegalArgumentException("auth method " + method + ": use sha1, md5 or crc");
        };
        String keys = authkeys(keyLine);
        RealHeartbeat real = real(mediumLine(medium, Netns.ADDRESS_B), keys);
        JavaPeer ours = ours(netns.b, "nodeb", mediumLine(medium, Netns.ADDRESS_A), keys);
        bothActive(real, ours);
        realSeesOursDieAndComeBack(real, ours);
        ourPeerSeesRealDie(real, ours);
    }

    private static String mediumLine(String medium, String peerAddress) {
        return switch (medium) {
            case "bcast" -> "bcast eth0\n";
            case "ucast" -> "ucast eth0 " + peerAddress + "\n";
            case "mcast" -> "mcast eth0 239.0.0.43 694 1 0\n";
            default -> throw new IllegalArgumentException("medium " + medium + ": use bcast, ucast or mcast");
        };
    }

    @Test
    void twoOfOursOverMcastWithCrc() throws Exception {
        String keys = authkeys("1 crc");
        String media = "mcast eth0 239.0.0.43 694 1 0\n";
        JavaPeer a = ours(netns.a, "nodea", media, keys);
        JavaPeer b = ours(netns.b, "nodeb", media, keys);
        a.start();
        b.start();
        double up = secondsUntil(() -> a.status("nodeb") + "/" + b.status("nodea"), "active/active", START_SECONDS);
        report("crc/mcast ours+ours: both active %.2f s after start", up);

        pastStartupDeadtimePadding();
        long t0 = System.nanoTime();
        b.kill();
        double dead = secondsUntil(() -> a.status("nodeb"), "dead", 12, t0);
        report("crc/mcast ours+ours: SIGKILL of nodeb detected after %.2f s", dead);
        assertThat(dead).isBetween(DEAD_MIN_SECONDS, DEAD_MAX_SECONDS);

        b.start();
        secondsUntil(() -> a.status("nodeb") + "/" + b.status("nodea"), "active/active", START_SECONDS);
        assertThat(a.currentLog()).contains("Heartbeat restart on node nodeb").doesNotContain("replay attack");

        // 143: the JVM ends by SIGTERM once the shutdown hook (shutdone, files) has run
        assertThat(a.stop()).isIn(0, 143);
        assertThat(a.currentLog()).contains("info: shutdone sent: nodea leaves the cluster");
        double gone = secondsUntil(() -> b.status("nodea"), "dead", 12);
        report("crc/mcast ours+ours: graceful stop of nodea seen dead after %.2f s", gone);
    }

    private void bothActive(RealHeartbeat real, JavaPeer ours) throws Exception {
        real.start();
        ours.start();
        double up = secondsUntil(() -> real.nodestatus("nodeb") + "/" + ours.status("nodea"), "active/active", START_SECONDS);
        report("%s: both see each other active %.2f s after start", ours.dir.getFileName(), up);
        assertThat(real.logText()).doesNotContain("authentication failed").doesNotContain("bad node");
    }

    private void realSeesOursDieAndComeBack(RealHeartbeat real, JavaPeer ours) throws Exception {
        long generation = ours.generation();
        pastStartupDeadtimePadding();
        long t0 = System.nanoTime();
        ours.kill();
        double dead = secondsUntil(() -> real.nodestatus("nodeb"), "dead", 12, t0);
        report("real heartbeat declared our SIGKILLed peer dead after %.2f s (deadtime 6)", dead);
        assertThat(dead).isBetween(DEAD_MIN_SECONDS, DEAD_MAX_SECONDS);
        assertThat(real.logText()).contains("node nodeb: is dead");

        ours.start();
        double back = secondsUntil(() -> real.nodestatus("nodeb") + "/" + ours.status("nodea"), "active/active", START_SECONDS);
        report("restarted peer active on both sides after %.2f s", back);
        assertThat(ours.generation()).isEqualTo(generation + 1);
        assertThat(real.logText()).contains("Heartbeat restart on node nodeb")
                .doesNotContain("replay attack").doesNotContain("returning after partition");
    }

    private void ourPeerSeesRealDie(RealHeartbeat real, JavaPeer ours) throws Exception {
        long t0 = System.nanoTime();
        real.kill();
        double dead = secondsUntil(() -> ours.status("nodea"), "dead", 12, t0);
        report("our peer declared the SIGKILLed real heartbeat dead after %.2f s", dead);
        assertThat(dead).isBetween(DEAD_MIN_SECONDS, DEAD_MAX_SECONDS);
        assertThat(ours.currentLog()).contains("WARN: node nodea: is dead");
        assertThat(ours.alive()).isTrue();
    }

    private void hostilePacketsChangeNothing(RealHeartbeat real, JavaPeer ours, AuthKey key) throws Exception {
        long realGeneration = real.generation();
        Message fromA = BadPackets.status("nodea", realGeneration, 1);
        List<byte[]> packets = List.of(
                BadPackets.forged(fromA, key),
                BadPackets.truncated(fromA, key),
                BadPackets.unauthenticated(fromA, key),
                BadPackets.signed(BadPackets.status("nodea", realGeneration - 1, 1), key),
                BadPackets.signed(BadPackets.status("nodex", realGeneration, 1), key));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PacketInjector.class.getName(), Netns.ADDRESS_B, "694"));
        packets.forEach(p -> command.add(HexFormat.of().formatHex(p)));
        Process injector = new ProcessBuilder(netns.exec(netns.a, command)).inheritIO().start();
        assertThat(injector.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(injector.exitValue()).isZero();
        TimeUnit.MILLISECONDS.sleep(1500);

        String log = ours.currentLog();
        String from = "ERROR: dropped packet from " + Netns.ADDRESS_A + ":";
        assertThat(log).containsPattern(java.util.regex.Pattern.quote(from) + "\\d+: signature mismatch: outer sha1 token")
                .containsPattern(java.util.regex.Pattern.quote(from) + "\\d+: truncated")
                .containsPattern(java.util.regex.Pattern.quote(from) + "\\d+: unsigned")
                .contains("from node nodea: attempted replay attack, dropped (status)")
                .containsPattern(java.util.regex.Pattern.quote(from) + "\\d+: bad node \\[nodex\\] in message")
                .doesNotContain("Heartbeat restart on node nodea").doesNotContain("nodea: is dead");
        assertThat(ours.alive()).isTrue();
        assertThat(ours.status("nodea")).isEqualTo("active");
        assertThat(real.nodestatus("nodeb")).isEqualTo("active");
        assertThat(real.logText()).doesNotContain("replay attack");
        report("5 hostile packets (forged, truncated, unsigned, replayed generation, unknown node) logged and dropped");
    }

    /**
     * For its first 5 s a node advertises deadtime + 2 s (as heartbeat does); a node killed in that window is
     * rightly declared dead only after 8 s. Wait it out so the kill measures the plain deadtime.
     */
    private static void pastStartupDeadtimePadding() throws InterruptedException {
        TimeUnit.SECONDS.sleep(5);
    }

    private static double secondsUntil(Supplier<String> probe, String expected, int maxSeconds) throws InterruptedException {
        return secondsUntil(probe, expected, maxSeconds, System.nanoTime());
    }

    /** Seconds from {@code startNanos} until {@code probe} returns {@code expected}, polled every 100 ms. */
    private static double secondsUntil(Supplier<String> probe, String expected, int maxSeconds, long startNanos)
            throws InterruptedException {
        long deadline = startNanos + Duration.ofSeconds(maxSeconds).toNanos();
        String last = "";
        while (System.nanoTime() - deadline < 0) {
            last = probe.get();
            if (last.equals(expected)) {
                return (System.nanoTime() - startNanos) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("expected [" + expected + "] within " + maxSeconds + " s, last saw [" + last + "]");
    }

    private static void report(String format, Object... args) {
        System.out.printf("[heartbeat-interop] " + format + "%n", args);
    }
}
