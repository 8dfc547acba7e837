package lvsdirector.metrics;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The observability endpoint: {@code /metrics} (Prometheus text), {@code /status} (JSON) and {@code /}
 * (the status page, which fetches {@code /status} every 2 s). Read-only: anything but GET/HEAD is 405.
 * Local users other than root, the director's and the status group's get 403 ({@link EndpointAccess}).
 */
public final class StatusHttpServer implements AutoCloseable {
    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PAGE = loadPage();

    private final HttpServer server;

    private StatusHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts listening; the future fails (e.g. address in use) with the endpoint in its message.
     *
     * @param status the current status, asked at each request; must be cheap and thread-safe
     */
    public static Future<StatusHttpServer> start(Vertx vertx, HttpEndpoint endpoint, DirectorMetrics metrics,
                                                 Supplier<StatusReport> status) {
        return start(vertx, endpoint, metrics, status, EndpointAccess.system(java.util.Optional.empty()));
    }

    /** Like {@link #start(Vertx, HttpEndpoint, DirectorMetrics, Supplier)}, serving whom {@code access} allows. */
    public static Future<StatusHttpServer> start(Vertx vertx, HttpEndpoint endpoint, DirectorMetrics metrics,
                                                 Supplier<StatusReport> status, EndpointAccess access) {
        HttpServer server = vertx.createHttpServer();
        server.requestHandler(request -> {
            InetSocketAddress client = inet(request.remoteAddress());
            InetSocketAddress local = inet(request.localAddress());
            // the socket tables can be large: read them off the event loop
            vertx.executeBlocking(() -> access.decide(client, local), false).onComplete(decided -> {
                EndpointAccess.Decision decision = decided.succeeded() ? decided.result()
                        : new EndpointAccess.Decision(false, "forbidden: cannot check who connected: "
                                + decided.cause().getMessage() + "\n");
                if (decision.allowed()) {
                    answer(request, metrics, status);
                } else {
                    request.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                            .end(decision.reason());
                }
            });
        });
        return server.listen(endpoint.port(), endpoint.host())
                .recover(e -> Future.failedFuture(new IOException("cannot listen on " + endpoint + ": " + e.getMessage(), e)))
                .map(StatusHttpServer::new);
    }

    /** The port actually bound (useful when the endpoint asked for port 0). */
    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private static InetSocketAddress inet(SocketAddress address) {
        try {
            // numeric text from the socket: no name lookup happens
            return new InetSocketAddress(InetAddress.getByName(address.hostAddress()), address.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }

    private static void answer(HttpServerRequest request, DirectorMetrics metrics, Supplier<StatusReport> status) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
            return;
        }
        try {
            switch (request.path()) {
                case "/metrics" -> send(request, PROMETHEUS_TYPE, metrics.scrape(status.get()));
                case "/status" -> send(request, "application/json", StatusJson.of(status.get()).encodePrettily());
                case "/", "/index.html" -> send(request, "text/html; charset=utf-8", PAGE);
                default -> request.response().setStatusCode(404).putHeader("Content-Type", "text/plain")
                        .end("not found: " + request.path() + " (try /, /status or /metrics)\n");
            }
        } catch (RuntimeException e) {
            // a broken status must not take the endpoint down; the caller sees why
            request.response().setStatusCode(500).putHeader("Content-Type", "text/plain").end("error: " + e + "\n");
        }
    }

    private static void send(HttpServerRequest request, String contentType, String body) {
        request.response().putHeader("Content-Type", contentType).putHeader("Cache-Control", "no-store").end(body);
    }

    private static String loadPage() {
        try (InputStream in = StatusHttpServer.class.getResourceAsStream("status.html")) {
            if (in == null) {
                throw new IllegalStateException("status.html missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
