package lvsdirector.check.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lvsdirector.check.CheckResult;
import lvsdirector.check.HttpCheck;

/**
 * Runs http, https and http_proxy negotiate checks on shared Vert.x HTTP clients (one per check timeout). The client has no
 * keep-alive and no pooling (every probe opens and closes a connection of its own, as LWP does), no decompression, no redirect handling
 * of its own (see {@link HttpExchange}) and no TLS verification (ldirectord upstream checks real servers by
 * IP address and never verifies their certificates).
 */
public final class HttpProber implements AutoCloseable {
    /** Bodies are matched up to this many bytes; the rest is never read. */
    public static final int DEFAULT_BODY_LIMIT = 1 << 20;

    private static final int IDLE_CLOSE_SECONDS = 60;

    private final VertxInternal vertx;
    private final ChannelFactory<? extends Channel> channels;
    private final HttpClientOptions options;
    /**
     * One client per check timeout: only the client's own connect timeout bounds the TCP connect (the
     * per-connection one does not), and a connect left to Vert.x's 60 s default holds its socket long after
     * the check gave up. Configurations use a handful of distinct timeouts.
     */
    private final Map<Long, HttpClientAgent> clients = new ConcurrentHashMap<>();
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
        this.vertx = (VertxInternal) vertx;
        this.channels = this.vertx.transport().channelFactory(false);
        this.options = new HttpClientOptions()
                .setKeepAlive(false)
                .setDecompressionSupported(false)
                .setTrustAll(true)
                .setVerifyHost(false)
                .setForceSni(false)
                // a safety net: no connection of a check outlives a check by long
                .setIdleTimeout(IDLE_CLOSE_SECONDS);
    }

    /**
     * Must be called on a Vert.x context; the returned future completes on it. Plain http to an address
     * literal runs on a bare channel ({@link PlainHttpExchange}); https, http_proxy and host names on the
     * Vert.x client.
     */
    public Future<CheckResult> probe(HttpCheck check) {
        URI uri = URI.create(check.url());
        InetAddress literal = check.https() || check.viaProxy() || uri.getHost() == null ? null
                : NetUtil.createInetAddressFromIpAddressString(HttpExchange.unbracket(uri.getHost()));
        if (literal == null || Vertx.currentContext() == null) {
            return new HttpExchange(clientFor(check.timeout()), check, bodyLimit, patterns).run();
        }
        InetSocketAddress target = new InetSocketAddress(literal, uri.getPort() > 0 ? uri.getPort() : 80);
        return new PlainHttpExchange(check, uri, target, bodyLimit, patterns,
                (next, start) -> new HttpExchange(clientFor(check.timeout()), check, bodyLimit, patterns, start, 1)
                        .run(next, null))
                .run(vertx.getOrCreateContext(), channels);
    }

    private HttpClientAgent clientFor(Duration timeout) {
        long millis = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return clients.computeIfAbsent(millis,
                ms -> vertx.createHttpClient(new HttpClientOptions(options).setConnectTimeout((int) (long) ms)));
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClientAgent::close);
        clients.clear();
    }
}
