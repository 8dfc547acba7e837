package lvsdirector.cli.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lvsdirector.heartbeat.node.NodeStatus;
import lvsdirector.metrics.EndpointAccess;
import lvsdirector.metrics.HttpEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The peer's /metrics over real HTTP on loopback, read by this (allowed) user. */
class MetricsHttpServerTest {
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HeartbeatMetrics metrics = new HeartbeatMetrics(List.of("nodea", "nodeb"), "nodeb");
    private MetricsHttpServer server;

    @BeforeEach
    void start() throws Exception {
        HeartbeatMetrics.PeerState state = new HeartbeatMetrics.PeerState(
                Map.of("nodea", NodeStatus.DEAD, "nodeb", NodeStatus.ACTIVE), "all", Map.of("peer_down", 2L),
                Map.of("signature_mismatch", 3L));
        server = MetricsHttpServer.start(vertx, HttpEndpoint.loopback(0), () -> metrics.scrape(state),
                EndpointAccess.system(Optional.empty())).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePeerStateAsPrometheusText() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("lvsheartbeat_node_status{node=\"nodea\",status=\"dead\"} 1.0")
                .contains("lvsheartbeat_node_status{node=\"nodeb\",status=\"active\"} 1.0")
                .contains("lvsheartbeat_takeovers_total{kind=\"peer_down\"} 2.0")
                .contains("lvsheartbeat_takeovers_total{kind=\"failback\"} 0.0")
                .contains("lvsheartbeat_resources_held{side=\"foreign\"} 1.0")
                .contains("lvsheartbeat_packets_dropped_total{reason=\"signature_mismatch\"} 3.0");
    }

    @Test
    void otherPathsAre404AndWritesAre405() throws Exception {
        assertThat(send("GET", "/status").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/metrics").statusCode()).isEqualTo(405);
    }
}
