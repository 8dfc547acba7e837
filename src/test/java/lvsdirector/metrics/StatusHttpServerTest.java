package lvsdirector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real loopback HTTP: paths, content types, methods, and a status that throws. */
class StatusHttpServerTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final Vertx vertx = Vertx.vertx();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final DirectorMetrics metrics = new DirectorMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
    final AtomicReference<StatusReport> status = new AtomicReference<>();
    StatusHttpServer server;

    @BeforeEach
    void start() throws Exception {
        StatusReport.Real down = new StatusReport.Real("127.0.0.1:8001", StatusReport.Health.DOWN, 0,
                "Connection refused", NOW, new StatusReport.LastFailure("refused", "Connection refused", NOW));
        StatusReport.Real unchecked = new StatusReport.Real("127.0.0.1:8002", StatusReport.Health.UNKNOWN, null, null,
                null, null);
        StatusReport.Virtual web = new StatusReport.Virtual("tcp:192.0.2.1:80", "192.0.2.1:80", true,
                List.of(down, unchecked));
        status.set(new StatusReport("running", NOW, List.of(web), StatusReport.NOT_AVAILABLE, StatusReport.NOT_AVAILABLE));
        server = StatusHttpServer.start(vertx, HttpEndpoint.loopback(0), metrics, () -> {
            StatusReport s = status.get();
            if (s == null) {
                throw new IllegalStateException("no status");
            }
            return s;
        }).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<String> r = send("GET", "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains(StatusHttpServer.PROMETHEUS_TYPE);
        assertThat(r.body()).contains("# TYPE lvsdirector_real_weight gauge")
                .contains("lvsdirector_virtual_fallback_active{virtual=\"tcp:192.0.2.1:80\"} 1.0");
    }

    @Test
    void statusIsJsonWithEveryField() throws Exception {
        HttpResponse<String> r = send("GET", "/status");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        JsonObject json = new JsonObject(r.body());
        assertThat(json.getString("status")).isEqualTo("running");
        assertThat(json.getString("heartbeat")).isEqualTo("n/a");
        assertThat(json.getString("drbd")).isEqualTo("n/a");
        assertThat(json.getString("generatedAt")).isEqualTo("2026-11-25T12:00:00Z");
        JsonObject v = json.getJsonArray("virtuals").getJsonObject(0);
        assertThat(v.getString("id")).isEqualTo("tcp:192.0.2.1:80");
        assertThat(v.getBoolean("fallbackActive")).isTrue();
        assertThat(v.getInteger("liveReals")).isZero();
        JsonObject down = v.getJsonArray("reals").getJsonObject(0);
        assertThat(down.getString("server")).isEqualTo("127.0.0.1:8001");
        assertThat(down.getString("health")).isEqualTo("down");
        assertThat(down.getInteger("weight")).isZero();
        assertThat(down.getString("since")).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(down.getJsonObject("lastFailure").getString("reason")).isEqualTo("refused");
        JsonObject unchecked = v.getJsonArray("reals").getJsonObject(1);
        assertThat(unchecked.getString("health")).isEqualTo("unknown");
        assertThat(unchecked.containsKey("weight")).isTrue();
        assertThat(unchecked.getValue("weight")).isNull();
        assertThat(unchecked.getValue("lastFailure")).isNull();
        assertThat(json.getValue("stateDirectory")).isNull();
    }

    @Test
    void statusCarriesTheHeartbeatStateAndTheStateDirectory() throws Exception {
        StatusReport.StateDirectory state = new StatusReport.StateDirectory("shared", true, NOW.toEpochMilli(),
                "Primary r0, /var/lib/lvs-director/state",
                new StatusReport.Drbd("r0", 0, "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown"), true,
                List.of(new StatusReport.StateFileInfo("overrides.json", 7, NOW, "nodea", null),
                        new StatusReport.StateFileInfo("broken.json", -1, null, null, "unreadable: x")));
        status.set(new StatusReport("running", NOW, List.of(), "active (nodea; peer nodeb up; resources: local)",
                "Primary r0 (StandAlone)", List.of(), state, "active"));
        JsonObject json = new JsonObject(send("GET", "/status").body());
        assertThat(json.getString("heartbeat")).isEqualTo("active (nodea; peer nodeb up; resources: local)");
        assertThat(json.getString("heartbeatState")).isEqualTo("active");
        JsonObject sd = json.getJsonObject("stateDirectory");
        assertThat(sd.getString("placement")).isEqualTo("shared");
        assertThat(sd.getString("detail")).isEqualTo("Primary r0, /var/lib/lvs-director/state");
        assertThat(sd.getString("lastWrite")).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(sd.getBoolean("splitBrain")).isTrue();
        assertThat(sd.getJsonObject("drbd").getMap()).containsEntry("connection", "StandAlone")
                .containsEntry("role", "Primary").containsEntry("peerRole", "Unknown").containsEntry("disk", "UpToDate")
                .containsEntry("peerDisk", "DUnknown").containsEntry("minor", 0).containsEntry("resource", "r0");
        JsonObject file = sd.getJsonArray("files").getJsonObject(0);
        assertThat(file.getMap()).containsEntry("name", "overrides.json").containsEntry("seq", 7)
                .containsEntry("writtenAt", "2026-11-25T12:00:00Z").containsEntry("node", "nodea");
        JsonObject broken = sd.getJsonArray("files").getJsonObject(1);
        assertThat(broken.getValue("seq")).isNull();
        assertThat(broken.getString("problem")).isEqualTo("unreadable: x");
        assertThat(send("GET", "/metrics").body()).contains("lvsdirector_heartbeat_info{state=\"active\"} 1")
                .contains("lvsdirector_daemon_state{drbd=\"Primary r0 (StandAlone)\",heartbeat=\"active\",status=\"running\"} 1.0")
                .contains("lvsdirector_state_split_brain 1.0")
                .contains("lvsdirector_state_file_seq{file=\"overrides.json\"} 7.0");
    }

    @Test
    void theRootIsTheSelfContainedStatusPage() throws Exception {
        HttpResponse<String> r = send("GET", "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(r.body()).contains("<title>lvs-director status</title>").contains("fetch(\"status\"")
                .contains("setInterval(refresh, 2000)")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void unknownPathsAre404AndWritesAre405() throws Exception {
        HttpResponse<String> missing = send("GET", "/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("not found: /nope");
        HttpResponse<String> post = send("POST", "/status");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void aBrokenStatusAnswers500AndTheEndpointStaysUp() throws Exception {
        status.set(null);
        HttpResponse<String> r = send("GET", "/status");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("no status");
        assertThat(send("GET", "/").statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressInUseFailsWithTheEndpointNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpEndpoint endpoint = HttpEndpoint.loopback(taken.getLocalPort());
            assertThatThrownBy(() -> StatusHttpServer.start(vertx, endpoint, metrics, status::get).await(10, TimeUnit.SECONDS))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
