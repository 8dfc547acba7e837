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
import java.util.function.Supplier;

/**
 * The partition steps of {@link HeartbeatResourcesIT}: the heartbeat traffic between the namespaces is cut
 * for longer than deadtime ({@link Netns#partition}) and healed, with the groups' marker files as the
 * resources to check.
 */
final class PartitionSteps {
    private final Netns netns;
    private final BiFunction<String, String, Path> marker;

    /** @param marker the marker file of (node, group): it exists while the node runs the group */
    PartitionSteps(Netns netns, BiFunction<String, String, Path> marker) {
        this.netns = netns;
        this.marker = marker;
    }

    /**
     * Spec §3.4 against heartbeat 3.0.6: each side declares the other dead during the partition and takes its
     * group; after the heal each logs "returning after partition" and restarts (heartbeat re-executes
     * itself after deadtime + 1 s of silence, ours starts a new membership lifetime 2 s after the return), both
     * with a new generation. Afterwards each group runs on exactly one node, its home node (auto_failback on).
     */
    void withTheRealHeartbeat(String scenario, RealHeartbeat real, JavaPeer ours, Supplier<String> holdings)
            throws Exception {
        TimeUnit.SECONDS.sleep(5); // past the startup deadtime padding of the last restart
        long realGeneration = real.generation();
        long ourGeneration = ours.generation();
        int realSeen = logOf(real).length();
        long cut = System.nanoTime();
        netns.partition(true);
        boolean healed = false;
        try {
            double split = secondsUntil(() -> Files.exists(marker.apply(real.node, "A")) && Files.exists(marker.apply(real.node, "B"))
                    && Files.exists(marker.apply(ours.node, "A")) && Files.exists(marker.apply(ours.node, "B")), 20, cut);
            report(scenario, "partition: both declared the other dead and run both groups %.2f s after the cut", split);
            long heal = System.nanoTime();
            netns.partition(false);
            healed = true;
            double seen = secondsUntil(() -> logOf(real).indexOf("Cluster node " + ours.node + " returning after partition.", realSeen) >= 0
                    && logOf(ours).contains("CRIT: Cluster node " + real.node + " returning after partition."), 15, heal);
            double settled = secondsUntil(() -> onExactlyOneNode(real.node, ours.node, "A") && onExactlyOneNode(real.node, ours.node, "B")
                    && holdings.get().equals("local/local"), START_SECONDS, heal);
            report(scenario, "healed: both logged the return after %.2f s; each group on exactly one node %.2f s after the heal "
                    + "(real generation %d -> %d, ours %d -> %d)", seen, settled, realGeneration, real.generation(), ourGeneration,
                    ours.generation());
        } finally {
            if (!healed) {
                netns.partition(false);
            }
        }
        TimeUnit.SECONDS.sleep(3);
        assertThat(onExactlyOneNode(real.node, ours.node, "A") && onExactlyOneNode(real.node, ours.node, "B")).isTrue();
        assertThat(ours.generation()).as("our peer restarted").isEqualTo(ourGeneration + 1);
        assertThat(real.generation()).as("the real heartbeat restarted").isGreaterThan(realGeneration);
        assertThat(ours.currentLog()).contains("info: Heartbeat restart triggered.");
        assertThat(real.nodestatus(ours.node) + "/" + ours.status(real.node)).isEqualTo("active/active");
    }

    private boolean onExactlyOneNode(String nodeA, String nodeB, String group) {
        return Files.exists(marker.apply(nodeA, group)) != Files.exists(marker.apply(nodeB, group));
    }

    /**
     * Spec §3.4: a partition longer than deadtime makes each node declare the other dead and take its group
     * (both hold everything). When it heals, each sees a peer it declared dead return with the same
     * generation: it logs heartbeat's lines, gives up its resources 2 s later and restarts with a new
     * generation; the groups are negotiated again and each then runs on exactly one node, its home node.
     */
    void twoOfOurs(String scenario, JavaPeer a, JavaPeer b, Supplier<String> holdings) throws Exception {
        long generationA = a.generation();
        long generationB = b.generation();
        long cut = System.nanoTime();
        netns.partition(true);
        boolean healed = false;
        try {
            double split = secondsUntil(holdings, "all/all", 20, cut);
            report(scenario, "partition: both declared the other dead and hold everything %.2f s after the cut", split);
            assertThat(marker.apply("nodea", "B")).exists();
            assertThat(marker.apply("nodeb", "A")).exists();
            long heal = System.nanoTime();
            netns.partition(false);
            healed = true;
            double seen = secondsUntil(() -> logOf(a).contains("CRIT: Cluster node nodeb returning after partition.")
                    && logOf(b).contains("CRIT: Cluster node nodea returning after partition."), 10, heal);
            double back = secondsUntil(holdings, "local/local", START_SECONDS, heal);
            report(scenario, "healed: both logged the return after %.2f s, each holds only its own group again %.2f s after the heal",
                    seen, back);
        } finally {
            if (!healed) {
                netns.partition(false);
            }
        }
        assertThat(marker.apply("nodea", "A")).exists();
        assertThat(marker.apply("nodeb", "B")).exists();
        assertThat(marker.apply("nodea", "B")).doesNotExist();
        assertThat(marker.apply("nodeb", "A")).doesNotExist();
        for (JavaPeer node : List.of(a, b)) {
            assertThat(node.currentLog()).contains("WARN: Deadtime value may be too small.", "info: Heartbeat restart triggered.");
        }
        assertThat(a.generation()).isEqualTo(generationA + 1);
        assertThat(b.generation()).isEqualTo(generationB + 1);
        assertThat(a.status("nodeb") + "/" + b.status("nodea")).isEqualTo("active/active");
    }
}
