package lvsdirector.check.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import lvsdirector.check.CheckResult;
import lvsdirector.check.HttpCheck;

/**
 * Runs http, https and http_proxy negotiate checks on one shared Vert.x HTTP client. The client has no
 * keep-alive (every probe opens a fresh connection, as LWP does), no decompression, no redirect handling
 * of its own (see {@link HttpExchange}) and no TLS verification (ldirectord upstream checks real servers by
 * IP address and never verifies their certificates).
 */
public final class HttpProber implements AutoCloseable {
    /** Bodies are matched up to this many bytes; the rest is never read. */
    public static final int DEFAULT_BODY_LIMIT = 1 << 20;

    private static final int IDLE_CLOSE_SECONDS = 60;

    private final HttpClient client;
    private final int bodyLimit;
    private final ReceivePatterns patterns = new ReceivePatterns();

    public HttpProber(Vertx vertx) {
        this(vertx, DEFAULT_BODY_LIMIT);
    }

    public HttpProber(Vertx vertx, int bodyLimit) {
        if (bodyLimit < 1) {
            throw new IllegalArgumentException("bodyLimit must be >= 1");
        }
        this.bodyLimit = bodyLimit;
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(false)
                .setDecompressionSupported(false)
                .setTrustAll(true)
                .setVerifyHost(false)
                .setForceSni(false)
                // a safety net: no connection of a check outlives a check by long
                .setIdleTimeout(IDLE_CLOSE_SECONDS);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(64));
    }

    /** Must be called on a Vert.x context; the returned future completes on it. */
    public Future<CheckResult> probe(HttpCheck check) {
        return new HttpExchange(client, check, bodyLimit, patterns).run();
    }

    @Override
    public void close() {
        client.close();
    }
}
