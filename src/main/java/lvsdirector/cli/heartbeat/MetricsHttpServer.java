package lvsdirector.cli.heartbeat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import lvsdirector.metrics.EndpointAccess;
import lvsdirector.metrics.HttpEndpoint;

/**
 * The peer's {@code /metrics} endpoint (Prometheus text). Read-only: anything but GET/HEAD is 405; local
 * users other than root and the peer's own get 403 ({@link EndpointAccess}), as on the director's.
 */
final class MetricsHttpServer implements AutoCloseable {
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts listening; the future fails (e.g. address in use) with the endpoint in its message. */
    static Future<MetricsHttpServer> start(Vertx vertx, HttpEndpoint endpoint, Supplier<String> scrape, EndpointAccess access) {
        HttpServer server = vertx.createHttpServer();
        server.requestHandler(request -> {
            InetSocketAddress client = inet(request.remoteAddress());
            InetSocketAddress local = inet(request.localAddress());
            vertx.executeBlocking(() -> access.decide(client, local), false).onComplete(decided -> {
                if (decided.succeeded() && decided.result().allowed()) {
                    answer(request, scrape);
                } else {
                    String reason = decided.succeeded() ? decided.result().reason()
                            : "forbidden: cannot check who connected: " + decided.cause().getMessage() + "\n";
                    request.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8").end(reason);
                }
            });
        });
        return server.listen(endpoint.port(), endpoint.host())
                .recover(e -> Future.failedFuture(new IOException("cannot listen on " + endpoint + ": " + e.getMessage(), e)))
                .map(MetricsHttpServer::new);
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void answer(HttpServerRequest request, Supplier<String> scrape) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
        } else if (!request.path().equals("/metrics")) {
            request.response().setStatusCode(404).putHeader("Content-Type", "text/plain")
                    .end("not found: " + request.path() + " (try /metrics)\n");
        } else {
            try {
                request.response().putHeader("Content-Type", PROMETHEUS_TYPE).putHeader("Cache-Control", "no-store")
                        .end(scrape.get());
            } catch (RuntimeException e) {
                request.response().setStatusCode(500).putHeader("Content-Type", "text/plain").end("error: " + e + "\n");
            }
        }
    }

    private static InetSocketAddress inet(SocketAddress address) {
        try {
            // numeric text from the socket: no name lookup happens
            return new InetSocketAddress(InetAddress.getByName(address.hostAddress()), address.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }
}
