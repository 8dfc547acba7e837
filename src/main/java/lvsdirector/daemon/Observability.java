package lvsdirector.daemon;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import lvsdirector.director.DirectorObserver;
import lvsdirector.director.DirectorSnapshot;
import lvsdirector.metrics.DirectorMetrics;
import lvsdirector.metrics.EndpointAccess;
import lvsdirector.metrics.HttpEndpoint;
import lvsdirector.metrics.StatusHttpServer;
import org.slf4j.Logger;

/**
 * The daemon's metrics and its HTTP endpoint. An endpoint that cannot be bound is logged and left off:
 * observability never stops the director.
 */
final class Observability implements AutoCloseable {
    private final DirectorMetrics metrics;
    private final StatusHttpServer server;

    private Observability(DirectorMetrics metrics, StatusHttpServer server) {
        this.metrics = metrics;
        this.server = server;
    }

    /**
     * Metrics always; the endpoint when one is configured and it binds within a few seconds.
     *
     * @param state the state directory's view (DRBD role, unmatched overrides), asked at each request
     */
    static Observability start(Vertx vertx, Optional<HttpEndpoint> endpoint, Supplier<DirectorSnapshot> snapshot,
                               Supplier<StateView> state, EndpointAccess access, Logger log) {
        return start(vertx, endpoint, snapshot, state, () -> HeartbeatView.NOT_ASKED, access, log);
    }

    /** As above, with the heartbeat peer's view (asked at each request; must only read a cached value). */
    static Observability start(Vertx vertx, Optional<HttpEndpoint> endpoint, Supplier<DirectorSnapshot> snapshot,
                               Supplier<StateView> state, Supplier<HeartbeatView> heartbeat, EndpointAccess access,
                               Logger log) {
        Clock clock = Clock.systemUTC();
        DirectorMetrics metrics = new DirectorMetrics(clock);
        if (endpoint.isEmpty()) {
            return new Observability(metrics, null);
        }
        try {
            StatusHttpServer server = StatusHttpServer.start(vertx, endpoint.get(), metrics,
                    () -> StatusReports.from(snapshot.get(), state.get(), heartbeat.get(), metrics, clock), access)
                    .await(10, TimeUnit.SECONDS);
            log.info("Status page, /status and /metrics on http://"
                    + new HttpEndpoint(endpoint.get().host(), server.port()) + "/");
            return new Observability(metrics, server);
        } catch (Exception e) {
            log.info("HTTP status endpoint off: " + e.getMessage());
            return new Observability(metrics, null);
        }
    }

    /** The setting of the process (property or environment); a bad one is logged and means off. */
    static Optional<HttpEndpoint> configuredEndpoint(Logger log) {
        try {
            return HttpEndpoint.configured(System.getenv());
        } catch (IllegalArgumentException e) {
            log.info(e.getMessage() + "; HTTP status endpoint off");
            return Optional.empty();
        }
    }

    DirectorObserver observer() {
        return new MetricsObserver(metrics);
    }

    void reloaded(DirectorMetrics.ReloadOutcome outcome) {
        metrics.reloadFinished(outcome);
    }

    /** The bound port, or -1 when the endpoint is off. */
    int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
