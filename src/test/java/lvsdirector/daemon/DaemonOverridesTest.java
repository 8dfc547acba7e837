package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lvsdirector.check.scheduler.VertxHealthChecker;
import lvsdirector.config.ConfigLocator;
import lvsdirector.config.ParserOptions;
import lvsdirector.director.SideEffects;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.metrics.HttpEndpoint;
import lvsdirector.state.OverrideStore;
import lvsdirector.state.ServerRef;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overrides through a running daemon (in-memory IPVS, checktype=on): the control request persists them,
 * the table follows within a round, show, /status and /metrics report them, reloads keep them, a DRBD
 * Secondary refuses, and a takeover that mounts the DRBD directory brings its overrides in.
 */
@Timeout(90)
class DaemonOverridesTest {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private Path config;
    private Path procDrbd;
    private Path procMounts;
    private StateSettings settings;
    private DirectorDaemon daemon;
    private Thread runner;

    @BeforeEach
    void start() throws Exception {
        config = dir.resolve("ov.cf");
        Files.writeString(config, "checkinterval=1\nquiescent=no\nlogfile=\"" + dir.resolve("ld.log") + "\"\n\n"
                + "virtual=192.0.2.7:80\n\treal=127.0.0.1:8001 masq 2\n\treal=127.0.0.1:8002 masq 5\n\tchecktype=on\n");
        procDrbd = dir.resolve("proc-drbd");
        procMounts = dir.resolve("proc-mounts");
        Files.writeString(procMounts, "/dev/sda1 / ext4 rw 0 0\n");
        Files.createDirectories(dir.resolve("state"));
        settings = new StateSettings(dir.resolve("state"), dir.resolve("local"), "r0", Path.of("/dev/drbd0"), procDrbd,
                procMounts, "nodeA");
        ConfigLocator.Location location = new ConfigLocator(List.of()).locate(Optional.of(config.toString()));
        daemon = new DirectorDaemon(new DaemonOptions(location, "memory", false, dir.resolve("run"), null, false),
                (context, listener) -> new VertxHealthChecker(context.owner(), context, listener),
                vertx -> SideEffects.NONE, ParserOptions.system())
                .withHttpEndpoint(Optional.of(HttpEndpoint.loopback(0))).withStateSettings(settings);
        runner = new Thread(daemon::run, "overrides-daemon");
        runner.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> daemon.httpPort() > 0
                && "running".equals(new JsonObject(get("/status")).getString("status")));
    }

    @AfterEach
    void stop() throws Exception {
        daemon.stop("TERM");
        runner.join(30_000);
    }

    private record Reply(int status, String text) {}

    private Reply control(String... request) {
        StringWriter text = new StringWriter();
        int status;
        try (PrintWriter out = new PrintWriter(text)) {
            status = daemon.handleControl(List.of(request), out);
        }
        return new Reply(status, text.toString());
    }

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private int tableWeight(int port) throws Exception {
        for (ServiceEntry s : daemon.backend().services()) {
            for (DestinationEntry d : daemon.backend().destinations(s.service().key())) {
                if (d.destination().port() == port) {
                    return d.destination().weight();
                }
            }
        }
        return -1;
    }

    @Test
    void drainAndWeightApplyWithinARoundAndShowEverywhere() throws Exception {
        Reply drained = control("drain", "alice", "127.0.0.1:8001");
        assertThat(drained.status()).as(drained.text()).isZero();
        assertThat(drained.text()).startsWith("Drained real server 127.0.0.1:8001\n")
                .contains("(stored in node-local " + dir.resolve("local"));
        assertThat(control("weight", "bob", "127.0.0.1:8002", "9").status()).isZero();
        // The table changes on the IPVS worker thread; the weights `show` prints come from the snapshot the
        // director publishes after that, on its own context: wait for both.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(tableWeight(8001)).isZero();
            assertThat(tableWeight(8002)).isEqualTo(9);
            assertThat(control("show").text())
                    .containsPattern("127\\.0\\.0\\.1:8001 +up +weight 0 .*\\[drained\\]")
                    .containsPattern("127\\.0\\.0\\.1:8002 +up +weight 9 .*\\[weight override 9\\]");
        });
        JsonObject real = new JsonObject(get("/status")).getJsonArray("virtuals").getJsonObject(0)
                .getJsonArray("reals").getJsonObject(0);
        assertThat(real.getBoolean("drained")).isTrue();
        assertThat(real.getString("health")).isEqualTo("up");
        assertThat(get("/metrics"))
                .contains("lvsdirector_real_drained{real=\"127.0.0.1:8001\",virtual=\"tcp:192.0.2.7:80\"} 1.0")
                .contains("lvsdirector_real_drained{real=\"127.0.0.1:8002\",virtual=\"tcp:192.0.2.7:80\"} 0.0")
                .contains("lvsdirector_real_weight_override{real=\"127.0.0.1:8002\",virtual=\"tcp:192.0.2.7:80\"} 9.0")
                .contains("lvsdirector_overrides_unmatched 0.0");
        JsonObject stored = new JsonObject(Files.readString(dir.resolve("local/overrides.json")));
        assertThat(stored.getLong("seq")).isEqualTo(2);
        assertThat(stored.getJsonArray("overrides").getJsonObject(0).getString("set_by")).isEqualTo("alice");

        assertThat(control("undrain", "alice", "127.0.0.1").status()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> tableWeight(8001) == 2);
    }

    @Test
    void unknownServersAndBadInputAreRejectedWithoutWriting() {
        Reply unknown = control("drain", "alice", "127.0.0.1:8001", "10.9.9.9");
        assertThat(unknown).isEqualTo(new Reply(1, "unknown real server 10.9.9.9: not in " + config + "\n"));
        assertThat(control("weight", "alice", "127.0.0.1:8001").text()).startsWith("weight: every real server needs a weight");
        assertThat(control("weight", "alice", "127.0.0.1:8001", "70000").text())
                .isEqualTo("illegal weight '70000': 0..65535 or 'configured'\n");
        assertThat(control("drain", "alice", "--virtual=tcp:192.0.2.99:80", "127.0.0.1").text())
                .isEqualTo("unknown virtual server tcp:192.0.2.99:80: not in " + config + "\n");
        assertThat(control("drain", "alice", "web1").status()).isEqualTo(1);
        assertThat(dir.resolve("local/overrides.json")).doesNotExist();
    }

    @Test
    void aReloadKeepsOverridesAndReportsThoseOfRemovedServersAsUnmatched() throws Exception {
        assertThat(control("drain", "alice", "127.0.0.1:8002").status()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> tableWeight(8002) == 0);
        Files.writeString(config, Files.readString(config).replace("\treal=127.0.0.1:8002 masq 5\n", "")
                .replace("masq 2", "masq 3"));
        daemon.reload().toCompletionStage().toCompletableFuture().get();
        assertThat(control("overrides", "alice").text()).contains("127.0.0.1:8002 drained (set by alice")
                .contains("[unmatched: no such real server in " + config + "]");
        assertThat(control("show").text()).contains("Unmatched override: 127.0.0.1:8002 drained");
        assertThat(get("/metrics")).contains("lvsdirector_overrides_unmatched 1.0");

        Files.writeString(config, Files.readString(config).replace("masq 3\n", "masq 3\n\treal=127.0.0.1:8002 masq 5\n"));
        daemon.reload().toCompletionStage().toCompletableFuture().get();
        // back in the config, still drained: no weight (a drained real that comes up is not added at 0
        // unless readdquiescent=yes, as for any quiescent real)
        await().atMost(Duration.ofSeconds(5)).until(() -> tableWeight(8001) == 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> control("show").text()
                .matches("(?s).*127\\.0\\.0\\.1:8002 +up +weight 0 .*\\[drained\\].*"));
        assertThat(tableWeight(8002)).isLessThanOrEqualTo(0);
        assertThat(control("show").text()).doesNotContain("Unmatched override");
    }

    @Test
    void aSecondaryRefusesAndATakeoverBringsTheDrbdDirectorysOverrides() throws Exception {
        Files.writeString(procDrbd, "version: 8.4.11 (api:1/proto:86-101)\n"
                + " 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n");
        Reply refused = control("drain", "alice", "127.0.0.1:8001");
        assertThat(refused).isEqualTo(new Reply(OverrideCommand.REFUSED, "DRBD r0 is Secondary (ro:Secondary/Primary) and "
                + dir.resolve("state") + " is not mounted; not writing overrides.json\n"));

        // the peer had drained 8002 in the shared directory; then this node takes over
        Files.writeString(procDrbd, "version: 8.4.11 (api:1/proto:86-101)\n"
                + " 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----\n");
        Files.writeString(procMounts, "/dev/sda1 / ext4 rw 0 0\n/dev/drbd0 " + dir.resolve("state") + " ext4 rw 0 0\n");
        new OverrideStore(new StateDirectory(settings, Clock.systemUTC()))
                .update(o -> o.drain(ServerRef.parse("127.0.0.1:8002"), null, "peer", Instant.now()));
        await().atMost(Duration.ofSeconds(5)).until(() -> tableWeight(8002) == 0);
        assertThat(new JsonObject(get("/status")).getString("drbd")).isEqualTo("Primary r0 (WFConnection)");
        assertThat(control("show").text()).contains("\nState directory (DRBD): Primary r0 (WFConnection)\n")
                .containsPattern("\nHeartbeat: [^\n]+\n");
        assertThat(new JsonObject(Files.readString(dir.resolve("state/owner.json"))).getString("owner")).isEqualTo("nodeA");
        assertThat(tableWeight(8001)).isEqualTo(2);
    }
}
