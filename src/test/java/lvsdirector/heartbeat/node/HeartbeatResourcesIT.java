package lvsdirector.heartbeat.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * haresources with marker-file script resources, our peer paired with Debian's heartbeat 3.0.6 in two
 * network namespaces (sha1, bcast, {@code keepalive 1, deadtime 6, initdead 12}). Groups:
 * {@code nodea marker::A} and {@code nodeb marker::B}. Checked: initial acquisition, takeover after a
 * SIGKILL, fail-back (on) or not (off) when the killed node returns, standby from our side, graceful
 * shutdown of our peer handing over, the real node giving back our group when we return, and a SIGKILL of
 * our peer (the real node takes our group after deadtime; our restart is accepted as a new generation) and,
 * with {@code auto_failback on}, a partition longer than deadtime and its healing (spec §3.4: both sides
 * restart, each group ends on exactly one node; needs iptables).
 * In legacy mode the restarted real node may take its group without asking, as between two real nodes
 * ({@link LegacyFailBack}); {@code real+real/legacy} runs that reference pair ({@link RealPairSteps}, opt-in).
 * Also two of ours paired with the same groups ({@link #twoOfOursWithResources}).
 *
 * <p>CI runs two entries (real heartbeat primary with {@code auto_failback on}, ours
 * primary with {@code off}), about 70 s each on a loaded machine (the partition adds about 30 s to
 * the first), and the ours+ours pair with {@code on} (about 65 s with its partition); {@code -Dheartbeat.resources.matrix=all} runs all six role/mode combinations, or name entries: {@code -Dheartbeat.resources.matrix=real-primary/legacy,ours-primary/on}.
 */
class HeartbeatResourcesIT extends NamespacePairIT {
    private static final String TIMING = "keepalive 1\ndeadtime 6\nwarntime 3\ninitdead 12\nudpport 694\nbcast eth0\nnode nodea nodeb\n";
    private static final String KEYS = "auth 1\n1 sha1 ResourcesKey\n";
    private static final String HARESOURCES = "nodea marker::A\nnodeb marker::B\n";
    /** deadtime 6 after the last status (up to 1 s before the kill), plus the start of the marker script. */
    private static final double TAKEOVER_MAX_SECONDS = 6.0 + 3.0;
    /** Spec §8.2 step 6: dead 6-8 s after the last status, which left up to one keepalive (1 s) before the kill. */
    private static final double DEAD_MIN_SECONDS = 6.0 - 1.0;
    private static final double DEAD_MAX_SECONDS = 8.0;
    static final int START_SECONDS = 60;

    @BeforeAll
    static void partitionTool() {
        RealParts.assume(RealParts.executable(Netns.IPTABLES), "iptables (Debian package iptables) to cut the link between the namespaces");
    }

    @Override
    int logTail() {
        return 25;
    }

    @Override
    void afterNodes() throws Exception {
        if (Files.exists(calls())) {
            System.out.println("---- resource calls\n" + Files.readString(calls()));
        }
    }

    static Stream<String> scenarios() {
        if (System.getProperty("heartbeat.resources.matrix", "").equals("all")) {
            return Stream.of("real-primary/on", "real-primary/off", "real-primary/legacy", "ours-primary/on", "ours-primary/off",
                    "ours-primary/legacy");
        }
        return Stream.of(System.getProperty("heartbeat.resources.matrix", "real-primary/on,ours-primary/off").split(","))
                .map(String::strip).filter(e -> !e.isEmpty());
    }

    private Path calls() {
        return tmp.resolve("calls");
    }

    private Path marker(String node, String resource) {
        return tmp.resolve("on-" + node + "-" + resource);
    }

    /** A marker resource for one node: start/stop create/remove on-NODE-NAME, status prints heartbeat's words. */
    private String script(String node) {
        return """
                #!/bin/sh
                echo "%1$s $*" >> %2$s
                f=%3$s/on-%1$s-$1
                case "$2" in
                  start) touch "$f" ;;
                  stop) rm -f "$f" ;;
                  status) if [ -e "$f" ]; then echo "$1 running"; else echo "$1 stopped"; fi ;;
                esac
                exit 0
                """.formatted(node, calls(), tmp);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void haresourcesWithTheRealHeartbeat(String scenario) throws Exception {
        if (scenario.startsWith("real+real/")) {
            twoRealNodes(scenario);
            return;
        }
        boolean realPrimary = scenario.startsWith("real-primary");
        String mode = scenario.substring(scenario.indexOf('/') + 1);
        boolean legacy = mode.equals("legacy");
        // legacy: the home node always asks for its groups back (ip-request)
        boolean failback = !mode.equals("off");
        String haCf = TIMING + "auto_failback " + mode + "\n";
        // the primary is nodea in netns a
        RealHeartbeat real = new RealHeartbeat(netns, realPrimary ? netns.a : netns.b, realPrimary ? "nodea" : "nodeb",
                tmp.resolve("real"), haCf, KEYS);
        nodes.add(real);
        JavaPeer ours = new JavaPeer(netns, realPrimary ? netns.b : netns.a, realPrimary ? "nodeb" : "nodea", tmp.resolve("ours"),
                haCf, KEYS);
        nodes.add(ours);
        real.resources(HARESOURCES, "marker", script(real.node));
        ours.resources(HARESOURCES, "marker", script(ours.node));
        String realGroup = realPrimary ? "A" : "B";
        String ourGroup = realPrimary ? "B" : "A";
        // in legacy mode heartbeat keeps no rsc_hold bits (cl_status rscstatus says none): read its markers instead
        Supplier<String> realHolds = legacy ? () -> heldByMarkers(real.node, realGroup, ourGroup) : real::rscstatus;
        Supplier<String> holdings = () -> realHolds.get() + "/" + ours.rscstatus();

        // 1. both start: each acquires its own group. Our JVM starts first: a node that is still not heard
        // from after initdead (12 s) is declared dead and, with auto_failback off, keeps its groups away
        ours.start();
        secondsUntil(() -> logOf(ours).contains("info: local status init -> up"), START_SECONDS, System.nanoTime());
        real.start();
        double up = secondsUntil(holdings, "local/local", START_SECONDS);
        report(scenario, "both hold their own group %.2f s after start", up);
        assertThat(marker(real.node, realGroup)).exists();
        assertThat(marker(ours.node, ourGroup)).exists();
        assertThat(Files.readAllLines(calls())).containsSubsequence(ours.node + " " + ourGroup + " status", ours.node + " " + ourGroup + " start");

        // 2. SIGKILL of the real node: we take its group after deadtime
        TimeUnit.SECONDS.sleep(5);
        long killed = System.nanoTime();
        real.kill();
        Files.deleteIfExists(marker(real.node, realGroup));
        double takeover = secondsUntil(() -> Files.exists(marker(ours.node, realGroup)), 15, killed);
        report(scenario, "ours took over the killed real node's group %.2f s after the kill", takeover);
        assertThat(takeover).isLessThan(TAKEOVER_MAX_SECONDS);
        secondsUntil(ours::rscstatus, "all", 5);
        assertThat(ours.currentLog()).contains("WARN: node " + real.node + ": is dead").contains("Resources being acquired from " + real.node);

        // 3. the real node returns: fail-back (on) or not (off)
        long restarted = System.nanoTime();
        real.start();
        if (legacy) {
            boolean raced = new LegacyFailBack(this::marker).afterRealRestart(scenario, real, ours, realGroup, restarted);
            if (!raced) {
                secondsUntil(holdings, "local/local", 15);
            }
        } else if (failback) {
            double back = secondsUntil(() -> Files.exists(marker(real.node, realGroup)) && !Files.exists(marker(ours.node, realGroup)),
                    START_SECONDS, restarted);
            report(scenario, "fail-back: group back on the restarted real node %.2f s after its start", back);
            secondsUntil(holdings, "local/local", 15);
            assertThat(Files.readAllLines(calls())).containsSubsequence(ours.node + " " + realGroup + " stop",
                    real.node + " " + realGroup + " start");
        } else {
            secondsUntil(() -> real.nodestatus(ours.node) + "/" + ours.status(real.node), "active/active", START_SECONDS, restarted);
            secondsUntil(holdings, "none/all", 20);
            TimeUnit.SECONDS.sleep(3);
            assertThat(holdings.get()).isEqualTo("none/all");
            assertThat(marker(real.node, realGroup)).doesNotExist();
            report(scenario, "auto_failback off: the groups stayed on our peer");
            // hand the real node's group back so the rest starts from local/local
            assertThat(ours.command("standby", "foreign")).startsWith("rc 0: ok");
            secondsUntil(holdings, "local/local", 20);
        }

        // 4. standby from our side: the real node takes our group, then our takeover gets it back
        if (legacy) {
            assertThat(ours.command("standby", "all")).startsWith("rc 1: error: standby needs auto_failback on or off");
        } else {
            standbyAndTakeover(scenario, real, ours, holdings, ourGroup);
        }

        // 5. graceful stop of our peer: the real node takes our group at once, not after deadtime
        long stopped = System.nanoTime();

        assertThat(ours.stop()).isIn(0, 143);
        double handover = secondsUntil(() -> Files.exists(marker(real.node, ourGroup)), 10, stopped);
        report(scenario, "graceful stop of ours: real node runs our group %.2f s after the stop began", handover);
        assertThat(handover).isLessThan(5);
        assertThat(marker(ours.node, ourGroup)).doesNotExist();
        assertThat(real.logText()).contains("Received shutdown notice from '" + ours.node + "'");

        // 6. our peer returns: the real node (holding our group as foreign) gives it back when failback is on
        ours.start();
        if (failback) {
            secondsUntil(holdings, "local/local", START_SECONDS);
            assertThat(marker(ours.node, ourGroup)).exists();
            assertThat(marker(real.node, ourGroup)).doesNotExist();
        } else {
            secondsUntil(holdings, "all/none", START_SECONDS);
        }
        assertThat(ours.currentLog()).doesNotContain("Exception");

        // 7. SIGKILL of our peer: the real node takes our group after deadtime; we return as a restart
        ourPeerKilledAndBack(scenario, real, ours, holdings, ourGroup, failback);
        assertThat(real.logText()).doesNotContain("replay attack").doesNotContain("No reply to standby request");

        // 8. a partition longer than deadtime, healed: both sides restart, each group ends on its home node
        if (mode.equals("on")) {
            new PartitionSteps(netns, this::marker).withTheRealHeartbeat(scenario, real, ours, holdings);
        }
        assertThat(ours.logText()).doesNotContain("Exception");
        assertThat(ours.dir.resolve("fenced")).doesNotExist();
    }

    /**
     * Spec §8.2 step 6 with resources: the real node declares our killed peer dead 6-8 s after its last
     * status (up to one keepalive before the kill) and takes over our group; our restart is a new generation,
     * "Heartbeat restart", no replay, and with fail-back our group comes home again.
     */
    private void ourPeerKilledAndBack(String scenario, RealHeartbeat real, JavaPeer ours, Supplier<String> holdings, String ourGroup,
            boolean failback) throws Exception {
        if (!failback) {
            // auto_failback off left everything on the real node: take our group back so the kill costs us one
            assertThat(ours.command("takeover", "local")).startsWith("rc 0: ok");
            secondsUntil(holdings, "local/local", 20);
        }
        TimeUnit.SECONDS.sleep(5); // past the startup deadtime padding (deadtime + 2 s for the first 5 s)
        long generation = ours.generation();
        int seenBefore = logOf(real).length();
        long killed = System.nanoTime();
        ours.kill();
        Files.deleteIfExists(marker(ours.node, ourGroup)); // a dead node's resources die with it
        // the real node's log, read every 100 ms, dates the declaration better than a cl_status round trip
        double dead = secondsUntil(() -> logOf(real).indexOf("node " + ours.node + ": is dead", seenBefore) >= 0, 15, killed);
        double takeover = secondsUntil(() -> Files.exists(marker(real.node, ourGroup)), 15, killed);
        report(scenario, "SIGKILL of ours: real node declared it dead after %.2f s, ran our group after %.2f s", dead, takeover);
        assertThat(dead).isBetween(DEAD_MIN_SECONDS, DEAD_MAX_SECONDS);
        assertThat(takeover).isLessThan(TAKEOVER_MAX_SECONDS);

        long restarted = System.nanoTime();
        ours.start();
        secondsUntil(() -> real.nodestatus(ours.node) + "/" + ours.status(real.node), "active/active", START_SECONDS, restarted);
        assertThat(ours.generation()).isEqualTo(generation + 1);
        assertThat(real.logText().substring(seenBefore)).contains("Heartbeat restart on node " + ours.node)
                .doesNotContain("replay attack").doesNotContain("returning after partition");
        if (failback) {
            double back = secondsUntil(holdings, "local/local", START_SECONDS, restarted);
            report(scenario, "our restarted peer holds its group again %.2f s after its start", back);
            assertThat(marker(real.node, ourGroup)).doesNotExist();
        } else {
            secondsUntil(holdings, "all/none", 20);
        }
    }

    static Stream<String> pairModes() {
        return Stream.of(System.getProperty("heartbeat.resources.pair", "on").split(",")).map(String::strip).filter(e -> !e.isEmpty());
    }

    /**
     * Two of ours paired (nodea in netns a, nodeb in netns b), same groups and timing: takeover on a SIGKILL,
     * fail-back per auto_failback when the node returns, standby and hb_takeover. CI runs {@code on};
     * {@code -Dheartbeat.resources.pair=on,off,legacy} for more.
     */
    @ParameterizedTest(name = "ours+ours/{0}")
    @MethodSource("pairModes")
    void twoOfOursWithResources(String mode) throws Exception {
        String scenario = "ours+ours/" + mode;
        String haCf = TIMING + "auto_failback " + mode + "\n";
        JavaPeer a = new JavaPeer(netns, netns.a, "nodea", tmp.resolve("ours-a"), haCf, KEYS);
        nodes.add(a);
        JavaPeer b = new JavaPeer(netns, netns.b, "nodeb", tmp.resolve("ours-b"), haCf, KEYS);
        nodes.add(b);
        a.resources(HARESOURCES, "marker", script(a.node));
        b.resources(HARESOURCES, "marker", script(b.node));
        // rscstatus of legacy nodes is kept too (ours tracks the groups it runs)
        Supplier<String> holdings = () -> a.rscstatus() + "/" + b.rscstatus();

        a.start();
        b.start();
        double up = secondsUntil(holdings, "local/local", START_SECONDS);
        report(scenario, "both hold their own group %.2f s after start", up);

        TimeUnit.SECONDS.sleep(5); // past the startup deadtime padding
        long killed = System.nanoTime();
        a.kill();
        Files.deleteIfExists(marker("nodea", "A"));
        double takeover = secondsUntil(() -> Files.exists(marker("nodeb", "A")), 15, killed);
        report(scenario, "nodeb took over nodea's group %.2f s after the SIGKILL", takeover);
        assertThat(takeover).isBetween(DEAD_MIN_SECONDS, TAKEOVER_MAX_SECONDS);
        secondsUntil(b::rscstatus, "all", 5);

        long restarted = System.nanoTime();
        a.start();
        if (mode.equals("off")) {
            secondsUntil(() -> a.status("nodeb") + "/" + b.status("nodea"), "active/active", START_SECONDS, restarted);
            secondsUntil(holdings, "none/all", 20);
            TimeUnit.SECONDS.sleep(3);
            assertThat(holdings.get()).isEqualTo("none/all");
            assertThat(b.command("standby", "foreign")).startsWith("rc 0: ok");
        }
        double back = secondsUntil(holdings, "local/local", START_SECONDS, restarted);
        report(scenario, "group A home on the restarted nodea %.2f s after its start", back);
        assertThat(marker("nodeb", "A")).doesNotExist();
        assertThat(marker("nodea", "A")).exists();

        if (mode.equals("off")) {
            assertThat(b.command("standby", "all")).startsWith("rc 0: ok");
            double standby = secondsUntil(holdings, "all/none", 20);
            report(scenario, "standby of nodeb: nodea holds everything %.2f s later", standby);
            assertThat(marker("nodea", "B")).exists();
            assertThat(marker("nodeb", "B")).doesNotExist();
            assertThat(b.command("takeover", "local")).startsWith("rc 0: ok");
            secondsUntil(holdings, "local/local", 20);
        } else if (mode.equals("on")) {
            // nodea takes B, then, holding a stable peer's group with auto_failback on, offers it straight back
            int callsBefore = callLines().size();
            assertThat(b.command("standby", "all")).startsWith("rc 0: ok");
            secondsUntil(() -> callLines().size() >= callsBefore + 4 && holdings.get().equals("local/local"), 20, System.nanoTime());
            assertThat(callLines().subList(callsBefore, callLines().size()))
                    .containsSubsequence("nodeb B stop", "nodea B start", "nodea B stop", "nodeb B start");
            report(scenario, "standby of nodeb: B went to nodea and, auto_failback on, came back");
            new PartitionSteps(netns, this::marker).twoOfOurs(scenario, a, b, holdings);
        }
        assertThat(a.logText() + b.logText()).doesNotContain("Exception").doesNotContain("replay attack");
        assertThat(a.dir.resolve("fenced")).doesNotExist();
        assertThat(b.dir.resolve("fenced")).doesNotExist();
    }

    /**
     * The reference pair (opt-in): two real heartbeat nodes, the primary killed and restarted, in
     * {@code -Dheartbeat.resources.rounds} rounds (default 1) ({@link RealPairSteps}).
     */
    private void twoRealNodes(String scenario) throws Exception {
        String mode = scenario.substring(scenario.indexOf('/') + 1);
        int rounds = Integer.getInteger("heartbeat.resources.rounds", 1);
        List<String> endings = new RealPairSteps(netns, tmp, this::marker).failBack(scenario, rounds,
                TIMING + "auto_failback " + mode + "\n", KEYS, HARESOURCES, this::script, nodes);
        report(scenario, "after each fail-back group A ran on %s: on both nodes %d of %d times", endings,
                endings.stream().filter("both"::equals).count(), endings.size());
    }

    private void standbyAndTakeover(String scenario, RealHeartbeat real, JavaPeer ours, Supplier<String> holdings, String ourGroup)
            throws InterruptedException {
        assertThat(ours.command("standby", "all")).startsWith("rc 0: ok");
        double standby = secondsUntil(holdings, "all/none", 20);
        report(scenario, "standby: the real node holds everything %.2f s after our hb_standby", standby);
        assertThat(marker(real.node, ourGroup)).exists();
        assertThat(marker(ours.node, ourGroup)).doesNotExist();
        assertThat(ours.command("takeover", "local")).startsWith("rc 0: ok");
        double takeback = secondsUntil(holdings, "local/local", 20);
        report(scenario, "hb_takeover local: our group back %.2f s later", takeback);
        assertThat(marker(ours.node, ourGroup)).exists();
    }

    /** none, local, foreign or all from the marker files of {@code node}. */
    private String heldByMarkers(String node, String own, String other) {
        boolean local = Files.exists(marker(node, own));
        boolean foreign = Files.exists(marker(node, other));
        return local ? (foreign ? "all" : "local") : (foreign ? "foreign" : "none");
    }

    private List<String> callLines() {
        try {
            return Files.readAllLines(calls());
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    static String logOf(RealHeartbeat node) {
        try {
            return node.logText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    static String logOf(JavaPeer peer) {
        try {
            return peer.currentLog();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    static double secondsUntil(Supplier<String> probe, String expected, int maxSeconds) throws InterruptedException {
        return secondsUntil(probe, expected, maxSeconds, System.nanoTime());
    }

    static double secondsUntil(Supplier<String> probe, String expected, int maxSeconds, long startNanos)
            throws InterruptedException {
        String[] last = {""};
        try {
            return secondsUntil(() -> (last[0] = probe.get()).equals(expected), maxSeconds, startNanos);
        } catch (AssertionError e) {
            throw new AssertionError("expected [" + expected + "] within " + maxSeconds + " s, last saw [" + last[0] + "]");
        }
    }

    /** Seconds from {@code startNanos} until {@code condition} holds, polled every 100 ms. */
    static double secondsUntil(BooleanSupplier condition, int maxSeconds, long startNanos) throws InterruptedException {
        long deadline = startNanos + Duration.ofSeconds(maxSeconds).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - startNanos) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("condition not met within " + maxSeconds + " s");
    }

    static void report(String scenario, String format, Object... args) {
        System.out.printf("[heartbeat-resources] " + scenario + ": " + format + "%n", args);
    }
}
