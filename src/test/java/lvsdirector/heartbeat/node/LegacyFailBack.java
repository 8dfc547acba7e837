package lvsdirector.heartbeat.node;

import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.START_SECONDS;
import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.logOf;
import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.report;
import static lvsdirector.heartbeat.node.HeartbeatResourcesIT.secondsUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Step 3 of {@link HeartbeatResourcesIT} in {@code auto_failback legacy}: the killed real node restarts while
 * our peer runs its group. Either it asks for the group ({@code ip-request}) and we release it, or, heartbeat's
 * own legacy race (docs/heartbeat-interop.md), it reaches comm-up before it has our status, answers itself
 * ({@code ip-request-resp dest=<itself>}) and starts the group without asking: then, exactly as a real
 * heartbeat holder, we keep it (both run it) and log the WARN.
 */
final class LegacyFailBack {
    static final String DOUBLE_OWNERSHIP_WARNING = "without asking (it saw no other active node at its start), but we run that group too";

    private final BiFunction<String, String, Path> marker;

    LegacyFailBack(BiFunction<String, String, Path> marker) {
        this.marker = marker;
    }

    /** Waits for the group on the restarted real node; true when it raced (the group then runs on both nodes). */
    boolean afterRealRestart(String scenario, RealHeartbeat real, JavaPeer ours, String group, long restarted) throws Exception {
        String key = "marker::" + group;
        double home = secondsUntil(() -> Files.exists(marker.apply(real.node, group)), START_SECONDS, restarted);
        double settled = secondsUntil(() -> !Files.exists(marker.apply(ours.node, group)) || logOf(ours).contains(DOUBLE_OWNERSHIP_WARNING),
                15, restarted);
        String ourLog = ours.currentLog();
        if (!Files.exists(marker.apply(ours.node, group))) {
            report(scenario, "fail-back: the restarted real node asked for its group and runs it %.2f s after its start (ours released it "
                    + "after %.2f s)", home, settled);
            assertThat(ourLog).contains(real.node + " asks for resource group " + key + ": releasing it").doesNotContain(DOUBLE_OWNERSHIP_WARNING);
            assertThat(Files.readAllLines(ours.dir.getParent().resolve("calls"))).containsSubsequence(ours.node + " " + group + " stop",
                    real.node + " " + group + " start");
            return false;
        }
        report(scenario, "heartbeat's legacy race: the restarted real node took its group without asking %.2f s after its start; "
                + "ours keeps it as a real holder does (both run it) and warned", home);
        assertThat(ourLog).contains("WARN: " + real.node + " took its resource group " + key + " " + DOUBLE_OWNERSHIP_WARNING)
                .doesNotContain(real.node + " asks for resource group " + key);
        assertThat(logOf(real)).contains("received ip-request-resp " + key + " OK yes");
        assertThat(marker.apply(ours.node, group)).exists();
        return true;
    }
}
