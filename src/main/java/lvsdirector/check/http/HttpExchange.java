package lvsdirector.check.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.HttpCheck;
import lvsdirector.check.ProbeFailures;
import lvsdirector.support.InetAddrs;

/**
 * One HTTP check: request, up to {@value #MAX_REDIRECTS} redirects, capped body read, verdict. The whole
 * exchange is bounded by the check's timeout ("500 Timeout Alarm", as ldirectord's alarm()).
 */
final class HttpExchange {
    /** LWP's default max_redirect, which ldirectord inherits. */
    static final int MAX_REDIRECTS = 7;
    /**
     * ldirectord's User-Agent (LWP's). Operators filter health checks out of access logs by it, so a drop-in
     * replacement keeps it.
     */
    static final String USER_AGENT = "libwww-perl/6.68";
    /** A mismatching body becomes the failure message; keep log lines bounded. */
    static final int MESSAGE_LIMIT = 8192;

    static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClientAgent client;
    private final HttpCheck check;
    private final int bodyLimit;
    private final ReceivePatterns patterns;
    private final Promise<CheckResult> verdict = Promise.promise();
    private final long start;
    /** Every connection this check opened (one per redirect hop), all closed when the verdict is in. */
    private final List<HttpClientConnection> open = new ArrayList<>();
    private int redirects;

    HttpExchange(HttpClientAgent client, HttpCheck check, int bodyLimit, ReceivePatterns patterns) {
        this(client, check, bodyLimit, patterns, System.nanoTime(), 0);
    }

    /** Takes over a check begun at {@code start} (System.nanoTime) that already followed {@code redirects}. */
    HttpExchange(HttpClientAgent client, HttpCheck check, int bodyLimit, ReceivePatterns patterns, long start,
                 int redirects) {
        this.client = client;
        this.check = check;
        this.bodyLimit = bodyLimit;
        this.patterns = patterns;
        this.start = start;
        this.redirects = redirects;
    }

    Future<CheckResult> run() {
        return run(URI.create(check.url()), check.hostHeader());
    }

    /** Requests {@code uri}, within what is left of the check's timeout. */
    Future<CheckResult> run(URI uri, String hostHeader) {
        Vertx vertx = Vertx.currentContext() != null ? Vertx.currentContext().owner() : null;
        if (vertx == null) {
            throw new IllegalStateException("HTTP checks must be started on a Vert.x context");
        }
        long left = Math.max(1, check.timeout().toMillis() - ProbeFailures.since(start).toMillis());
        long timer = vertx.setTimer(left, id -> verdict.tryComplete(ProbeFailures.timeout(ProbeFailures.since(start))));
        verdict.future().onComplete(ar -> {
            vertx.cancelTimer(timer);
            open.forEach(HttpClientConnection::close);
        });
        send(uri, hostHeader);
        return verdict.future();
    }

    private void send(URI uri, String hostHeader) {
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        String host = unbracket(uri.getHost());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        long remaining = Math.max(1, check.timeout().toMillis() - ProbeFailures.since(start).toMillis());
        RequestOptions options = new RequestOptions()
                .setMethod(check.method() == HttpCheck.Method.HEAD ? HttpMethod.HEAD : HttpMethod.GET)
                // Vert.x wants IPv6 literals bracketed here, as in the URL
                .setHost(uri.getHost()).setPort(port).setSsl(ssl).setURI(pathOf(uri))
                .setFollowRedirects(false)
                .setConnectTimeout(remaining).setIdleTimeout(remaining)
                .putHeader("User-Agent", USER_AGENT);
        boolean plainProxy = check.viaProxy() && !ssl;
        if (plainProxy) {
            // absolute-form request line to the proxy, on a plain connection to it
            options.setURI(uri.toString());
        }
        String target = check.viaProxy() ? InetAddrs.hostPort(check.address(), check.port())
                : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        HttpConnectOptions connectOptions = new HttpConnectOptions()
                .setHost(plainProxy ? InetAddrs.numeric(check.address()) : host)
                .setPort(plainProxy ? check.port() : port)
                .setSsl(ssl)
                .setConnectTimeout(remaining);
        if (check.viaProxy() && ssl) {
            // https through the proxy: a CONNECT tunnel, then TLS to the origin
            connectOptions.setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP)
                    .setHost(InetAddrs.numeric(check.address())).setPort(check.port()));
        }
        // a connection of its own, not the client's pool: a pooled connection whose waiter gave up (deadline
        // before the pool handed it out) stays idle in the pool, and its connect attempt outlives the check
        client.connect(connectOptions).onComplete(connected -> {
            if (connected.failed()) {
                complete(withStatus(ProbeFailures.cantConnect(target, connected.cause(), ProbeFailures.since(start))));
                return;
            }
            HttpClientConnection connection = connected.result();
            // failures reach the request/response handlers; without this Vert.x also logs them as errors
            connection.exceptionHandler(e -> { });
            if (!own(connection)) {
                return;
            }
            connection.request(options).onComplete(ar -> {
                if (ar.failed()) {
                    complete(sendFailure(ar.cause()));
                    return;
                }
                HttpClientRequest request = ar.result();
                if (hostHeader != null) {
                    HostAndPort authority = HostAndPort.parseAuthority(hostHeader, -1);
                    request.authority(authority != null ? authority : HostAndPort.authority(hostHeader));
                }
                request.send().onComplete(sent -> {
                    if (sent.failed()) {
                        complete(sendFailure(sent.cause()));
                    } else {
                        onResponse(uri, request, sent.result());
                    }
                });
            });
        });
    }

    /** Keeps the connection to close with the verdict; closes it now (false) if the verdict is already in. */
    private boolean own(HttpClientConnection connection) {
        if (verdict.future().isComplete()) {
            connection.close();
            return false;
        }
        open.add(connection);
        return true;
    }

    private void onResponse(URI uri, HttpClientRequest request, HttpClientResponse response) {
        int status = response.statusCode();
        String location = response.getHeader("Location");
        if (REDIRECTS.contains(status) && location != null && redirects < MAX_REDIRECTS) {
            URI next;
            try {
                next = uri.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                discard(response);
                complete(badRedirect(location, start));
                return;
            }
            redirects++;
            discard(response);
            // LWP sends the new URL's own authority as Host after a redirect
            send(next, null);
            return;
        }
        String statusLine = status + " " + response.statusMessage();
        Buffer body = Buffer.buffer();
        response.exceptionHandler(e -> complete(incompleteBody(e, start)));
        response.handler(chunk -> {
            if (verdict.future().isComplete()) {
                return;
            }
            int room = bodyLimit - body.length();
            if (chunk.length() < room) {
                body.appendBuffer(chunk);
                return;
            }
            body.appendBuffer(chunk, 0, room);
            complete(verdictOf(status, statusLine, body));
            discard(response);
        });
        response.endHandler(v -> complete(verdictOf(status, statusLine, body)));
    }

    private CheckResult verdictOf(int status, String statusLine, Buffer body) {
        return verdict(check, patterns, status, statusLine, body.toString(StandardCharsets.ISO_8859_1), start);
    }

    /**
     * The verdict on a complete (or capped) answer: a 2xx status, then {@code receive} searched in the body
     * (read as ISO-8859-1, one char per byte); a mismatching body becomes the message, cut to MESSAGE_LIMIT.
     */
    static CheckResult verdict(HttpCheck check, ReceivePatterns patterns, int status, String statusLine, String body,
                               long start) {
        if (status < 200 || status > 299) {
            return CheckResult.failed(FailureReason.BAD_RESPONSE, statusLine, ProbeFailures.since(start));
        }
        if (check.receive().isEmpty()) {
            return CheckResult.ok(statusLine, ProbeFailures.since(start));
        }
        if (check.method() == HttpCheck.Method.HEAD) {
            return CheckResult.failed(FailureReason.MISMATCH, statusLine + " (HEAD has no body to match receive)",
                    ProbeFailures.since(start));
        }
        if (patterns.of(check.receive()).matcher(body).find()) {
            return CheckResult.ok(statusLine, ProbeFailures.since(start));
        }
        String message = body.length() > MESSAGE_LIMIT ? body.substring(0, MESSAGE_LIMIT) + "..." : body;
        return CheckResult.failed(FailureReason.MISMATCH, message, ProbeFailures.since(start));
    }

    private CheckResult sendFailure(Throwable error) {
        return sendFailure(error, start);
    }

    /** The request could not be sent or its answer not read: LWP's words, a status of 500. */
    static CheckResult sendFailure(Throwable error, long start) {
        if (error instanceof HttpClosedException) {
            return serverClosed(start);
        }
        FailureReason reason = ProbeFailures.reasonOf(error);
        if (reason == FailureReason.ERROR) {
            reason = FailureReason.BAD_RESPONSE;
        }
        return CheckResult.failed(reason, "500 " + ProbeFailures.describe(error), ProbeFailures.since(start));
    }

    static CheckResult serverClosed(long start) {
        return CheckResult.failed(FailureReason.BAD_RESPONSE,
                "500 Server closed connection without sending any data back", ProbeFailures.since(start));
    }

    static CheckResult incompleteBody(Throwable error, long start) {
        return CheckResult.failed(FailureReason.BAD_RESPONSE,
                "500 Incomplete response body (" + ProbeFailures.describe(error) + ")", ProbeFailures.since(start));
    }

    static CheckResult badRedirect(String location, long start) {
        return CheckResult.failed(FailureReason.BAD_RESPONSE, "500 Bad redirect location: " + location,
                ProbeFailures.since(start));
    }

    static CheckResult withStatus(CheckResult r) {
        return new CheckResult(r.success(), "500 " + r.message(), r.latency(), r.forced(), r.reason());
    }

    private void complete(CheckResult result) {
        verdict.tryComplete(result);
    }

    /** Stops reading a response we no longer need; the connection is not reused anyway. */
    private static void discard(HttpClientResponse response) {
        response.exceptionHandler(e -> { });
        response.handler(null);
        response.request().reset();
    }

    /** "host:port" of a URL as LWP names it in "Can't connect to ..." (IPv6 bracketed, default port filled in). */
    static String hostPortOf(URI uri) {
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        String host = unbracket(uri.getHost());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String pathOf(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
