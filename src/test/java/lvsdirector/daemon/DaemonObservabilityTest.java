package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lvsdirector.check.scheduler.VertxHealthChecker;
import lvsdirector.config.ConfigLocator;
import lvsdirector.config.ParserOptions;
import lvsdirector.director.SideEffects;
import lvsdirector.metrics.HttpEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon wires metrics and the endpoint: a started daemon serves its virtuals on /status, counts
 * its rounds and operations on /metrics, and counts reloads by outcome. Checks are checktype=on/off, so
 * no real server is needed.
 */
@Timeout(60)
class DaemonObservabilityTest {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private DirectorDaemon daemon;
    private Thread runner;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop("TERM");
            runner.join(30_000);
        }
    }

    private Path start(Optional<HttpEndpoint> endpoint) throws Exception {
        Path config = dir.resolve("obs.cf");
        Files.writeString(config, "checkinterval=1\nquiescent=no\nlogfile=\"" + dir.resolve("ld.log") + "\"\n\n"
                + "virtual=192.0.2.7:80\n\treal=127.0.0.1:8001 masq 2\n\treal=127.0.0.1:8002 masq 5\n\tchecktype=on\n\n"
                + "virtual=192.0.2.8:80\n\treal=127.0.0.1:8003 masq 1\n\tchecktype=off\n");
        ConfigLocator.Location location = new ConfigLocator(List.of()).locate(Optional.of(config.toString()));
        daemon = new DirectorDaemon(new DaemonOptions(location, "memory", false, dir.resolve("run"), null, false),
                (context, listener) -> new VertxHealthChecker(context.owner(), context, listener),
                vertx -> SideEffects.NONE, ParserOptions.system()).withHttpEndpoint(endpoint);
        runner = new Thread(daemon::run, "observability-daemon");
        runner.start();
        return config;
    }

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    @Test
    void statusAndMetricsDescribeTheRunningDirector() throws Exception {
        Path config = start(Optional.of(HttpEndpoint.loopback(0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> daemon.httpPort() > 0 && "running".equals(
                new JsonObject(get("/status")).getString("status")));

        JsonArray virtuals = new JsonObject(get("/status")).getJsonArray("virtuals");
        assertThat(virtuals.stream().map(v -> ((JsonObject) v).getString("id")))
                .containsExactly("tcp:192.0.2.7:80", "tcp:192.0.2.8:80");
        JsonObject first = virtuals.getJsonObject(0);
        assertThat(first.getInteger("liveReals")).isEqualTo(2);
        assertThat(first.getJsonArray("reals").getJsonObject(1).getInteger("weight")).isEqualTo(5);

        String metrics = get("/metrics");
        assertThat(metrics)
                .contains("lvsdirector_real_up{real=\"127.0.0.1:8002\",virtual=\"tcp:192.0.2.7:80\"} 1.0")
                .contains("lvsdirector_real_weight{real=\"127.0.0.1:8002\",virtual=\"tcp:192.0.2.7:80\"} 5.0")
                .contains("lvsdirector_virtual_live_reals{virtual=\"tcp:192.0.2.7:80\"} 2.0")
                .contains("lvsdirector_rounds_total{kind=\"start\",result=\"ok\"} 1.0")
                .contains("lvsdirector_ipvs_operations_total{operation=\"add_service\"} 2.0")
                .contains("lvsdirector_check_duration_seconds_count{real=\"127.0.0.1:8001\",result=\"success\",virtual=\"tcp:192.0.2.7:80\"}")
                .containsPattern("lvsdirector_last_successful_round_timestamp_seconds \\d\\.\\d+E9");

        Files.writeString(config, Files.readString(config).replace("masq 5", "masq 6"));
        daemon.reload().toCompletionStage().toCompletableFuture().get();
        Files.writeString(config, Files.readString(config) + "bogus=1\n");
        assertThat(daemon.reload().toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(10));
        assertThat(get("/metrics"))
                .contains("lvsdirector_reloads_total{outcome=\"applied\"} 1.0")
                .contains("lvsdirector_reloads_total{outcome=\"rejected\"} 1.0")
                .contains("lvsdirector_ipvs_operations_total{operation=\"edit_destination\"} 1.0")
                .contains("lvsdirector_real_weight{real=\"127.0.0.1:8002\",virtual=\"tcp:192.0.2.7:80\"} 6.0");
    }

    @Test
    void offMeansNoEndpointButMetricsStillCount() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try (Observability off = Observability.start(vertx, Optional.empty(), () -> null, () -> StateView.NONE,
                lvsdirector.metrics.EndpointAccess.system(Optional.empty()),
                org.slf4j.LoggerFactory.getLogger(DaemonObservabilityTest.class))) {
            assertThat(off.port()).isEqualTo(-1);
        } finally {
            vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void operationNamesAreSnakeCase() {
        assertThat(MetricsObserver.operationName(new lvsdirector.ipvs.IpvsOperation.DeleteService(
                new lvsdirector.ipvs.ServiceKey.Fwmark(1, false)))).isEqualTo("delete_service");
    }
}
