package lvsdirector.heartbeat.node;

import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.START_SECONDS;
import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.logOf;
import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.report;
import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.secondsUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The reference for our legacy fail-back: two of Debian's heartbeat 3.0.6 (nodea in netns a, nodeb in netns b)
 * with the same ha.cf timing, groups and marker scripts as {@link HeartbeatResourcesIT}. nodea is killed,
 * nodeb takes group A, nodea restarts; what follows (who runs A afterwards) is what heartbeat itself does.
 * Opt-in only ({@code -Dheartbeat.resources.matrix=real+real/legacy}): it says how heartbeat behaves, which
 * our peer must then match, and it does not test our code.
 */
final class RealPairSteps {
    /** How long the restarted nodea is watched after both run their groups or A runs twice. */
    static final int WATCH_SECONDS = 10;

    private final Netns netns;
    private final Path tmp;
    private final BiFunction<String, String, Path> marker;

    RealPairSteps(Netns netns, Path tmp, BiFunction<String, String, Path> marker) {
        this.netns = netns;
        this.tmp = tmp;
        this.marker = marker;
    }

    /**
     * Runs {@code rounds} rounds, each with two freshly started nodes and two fail-backs: nodeb starts alone
     * and, after initdead, runs A too; nodea starts (fail-back 1); nodea is killed, nodeb takes A, nodea
     * restarts (fail-back 2, skipped when the first one raced). Returns where A ended after each fail-back:
     * {@code "nodea"} (nodea asked, nodeb released A) or {@code "both"} (nodea answered itself, nodeb kept A).
     */
    List<String> failBack(String scenario, int rounds, String haCf, String keys, String haresources, Function<String, String> script,
            List<AutoCloseable> nodes) throws Exception {
        String debug = System.getProperty("heartbeat.resources.debug", "");
        String nodeCf = haCf + (debug.isEmpty() ? "" : "debug " + debug + "\n");
        List<String> endings = new java.util.ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            RealHeartbeat a = new RealHeartbeat(netns, netns.a, "nodea", tmp.resolve("real-a-" + round), nodeCf, keys);
            nodes.add(a);
            RealHeartbeat b = new RealHeartbeat(netns, netns.b, "nodeb", tmp.resolve("real-b-" + round), nodeCf, keys);
            nodes.add(b);
            a.resources(haresources, "marker", script.apply("nodea"));
            b.resources(haresources, "marker", script.apply("nodeb"));
            try {
                oneRound(scenario + " round " + round, a, b, endings);
            } finally {
                a.kill();
                b.kill();
                for (String node : List.of("nodea", "nodeb")) {
                    for (String group : List.of("A", "B")) {
                        Files.deleteIfExists(marker.apply(node, group));
                    }
                }
            }
        }
        return endings;
    }

    private void oneRound(String scenario, RealHeartbeat a, RealHeartbeat b, List<String> endings) throws Exception {
        // alone after initdead nodeb takes A (mach_down); B, its own group, goes through its self-answered
        // ip-request-resp, which heartbeat sometimes loses at this point ("NV failure (msgfromsteam)"): only A counts
        b.start();
        double alone = secondsUntil(() -> where("A").equals("nodeb"), START_SECONDS, System.nanoTime());
        report(scenario, "nodeb alone runs A %.2f s after its start (B on %s)", alone, where("B"));
        String first = homeNodeStarts(scenario + " (first start)", a, b);
        endings.add(first);
        if (first.equals("both")) {
            return;
        }
        TimeUnit.SECONDS.sleep(5);
        long killed = System.nanoTime();
        a.kill();
        Files.deleteIfExists(marker.apply("nodea", "A"));
        double takeover = secondsUntil(() -> Files.exists(marker.apply("nodeb", "A")), 15, killed);
        report(scenario, "nodeb took over the killed nodea's group %.2f s after the kill", takeover);
        endings.add(homeNodeStarts(scenario + " (restart)", a, b));
    }

    /** nodea starts while nodeb runs A: where A runs {@link #WATCH_SECONDS} later, checked against both logs. */
    private String homeNodeStarts(String scenario, RealHeartbeat a, RealHeartbeat b) throws Exception {
        int seenA = logOf(a).length();
        int seenB = logOf(b).length();
        long started = System.nanoTime();
        a.start();
        double took = secondsUntil(() -> Files.exists(marker.apply("nodea", "A")), START_SECONDS, started);
        TimeUnit.SECONDS.sleep(WATCH_SECONDS);
        String ended = where("A");
        String aAfter = logOf(a).substring(seenA);
        String bAfter = logOf(b).substring(seenB);
        report(scenario, "nodea runs A %.2f s after its start; %d s later A runs on: %s", took, WATCH_SECONDS, ended);
        report(scenario, "nodea's legacy lines:%n%s", legacyLines(aAfter));
        report(scenario, "nodeb's legacy lines:%n%s", legacyLines(bAfter));
        // the two endings heartbeat has: nodea asked and nodeb released A, or nodea answered itself and nodeb kept A
        assertThat(aAfter).contains("received ip-request-resp marker::A OK yes");
        if (ended.equals("nodea")) {
            assertThat(bAfter).contains("rc.d/ip-request ip-request").contains("Releasing resource group: nodea marker::A");
        } else {
            assertThat(ended).isEqualTo("both");
            assertThat(bAfter).doesNotContain("rc.d/ip-request ip-request").doesNotContain("Releasing resource group: nodea marker::A");
        }
        return ended;
    }

    /** nodea, nodeb, both or none, from the marker files of {@code group}. */
    String where(String group) {
        boolean onA = Files.exists(marker.apply("nodea", group));
        boolean onB = Files.exists(marker.apply("nodeb", group));
        return onA ? (onB ? "both" : "nodea") : (onB ? "nodeb" : "none");
    }

    /** The log lines that tell the legacy exchange: status changes, comm-up, requests, resource acquisition. */
    static String legacyLines(String log) {
        StringBuilder lines = new StringBuilder();
        log.lines().filter(l -> l.contains("ip-request") || l.contains("Comm_now_up") || l.contains("Status update")
                || l.contains("esource") || l.contains("restart") || l.contains("is dead") || l.contains("givegroup")
                || l.contains("takegroup") || l.contains("marker")).forEach(l -> lines.append("  ").append(l).append('\n'));
        return lines.toString();
    }
}
