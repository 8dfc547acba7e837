package lvsdirector.check.text;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ProbeFailures;
import lvsdirector.support.InetAddrs;

/**
 * One check's run over TCP: a single deadline for the whole conversation (expiry = "500 Timeout Alarm"),
 * every connection it opens closed when the verdict is in, and failures turned into results.
 */
final class Exchange {
    /** Longest reply line accepted; real servers' lines are far shorter (SMTP allows 512 bytes). */
    static final int MAX_LINE = 8192;
    /** Most bytes read on a control connection before the server is called broken. */
    static final long MAX_CONTROL_BYTES = 1 << 20;

    /** What to say on the connection; a failed future (ideally a {@link TextFailure}) is a "down". */
    @FunctionalInterface
    interface Dialogue {
        Future<CheckResult> talk(Exchange exchange, LineChannel channel);
    }

    private static final ClientSSLOptions NO_VERIFICATION = new ClientSSLOptions()
            .setTrustAll(true).setHostnameVerificationAlgorithm("");

    private final Vertx vertx;
    private final NetClient client;
    private final Duration timeout;
    private final long start = System.nanoTime();
    private final Promise<CheckResult> verdict = Promise.promise();
    private final List<LineChannel> open = new ArrayList<>();

    private Exchange(Vertx vertx, NetClient client, Duration timeout) {
        this.vertx = vertx;
        this.client = client;
        this.timeout = timeout;
    }

    static Future<CheckResult> run(Vertx vertx, NetClient client, InetAddress address, int port, boolean tls,
                                   Duration timeout, Dialogue dialogue) {
        Exchange exchange = new Exchange(vertx, client, timeout);
        exchange.start(address, port, tls, dialogue);
        return exchange.verdict.future();
    }

    private void start(InetAddress address, int port, boolean tls, Dialogue dialogue) {
        long timer = vertx.setTimer(timeout.toMillis(), id -> verdict.tryComplete(ProbeFailures.timeout(latency())));
        verdict.future().onComplete(ar -> {
            vertx.cancelTimer(timer);
            open.forEach(LineChannel::close);
        });
        String hostPort = InetAddrs.hostPort(address, port);
        connect(address, port, tls, MAX_CONTROL_BYTES).onComplete(connected -> {
            if (connected.failed()) {
                verdict.tryComplete(ProbeFailures.cantConnect(hostPort, connected.cause(), latency()));
                return;
            }
            Future<CheckResult> talked;
            try {
                talked = dialogue.talk(this, connected.result());
            } catch (RuntimeException e) {
                talked = Future.failedFuture(e);
            }
            talked.onComplete(ar -> verdict.tryComplete(ar.succeeded() ? ar.result() : failure(ar.cause())));
        });
    }

    /** Opens a further connection (an FTP data connection), closed with the exchange. */
    Future<LineChannel> connect(InetAddress address, int port, boolean tls, long maxBytes) {
        ConnectOptions options = new ConnectOptions()
                .setRemoteAddress(SocketAddress.inetSocketAddress(port, InetAddrs.numeric(address)))
                .setTimeout((int) Math.max(1, remainingMillis()));
        if (tls) {
            options.setSsl(true).setSslOptions(NO_VERIFICATION);
        }
        return client.connect(options).map(socket -> {
            LineChannel channel = new LineChannel(socket, MAX_LINE, maxBytes);
            if (verdict.future().isComplete()) {
                channel.close();
            } else {
                open.add(channel);
            }
            return channel;
        });
    }

    CheckResult ok(String message) {
        return CheckResult.ok(message, latency());
    }

    private CheckResult failure(Throwable error) {
        if (error instanceof TextFailure failure) {
            return failure.result(latency());
        }
        FailureReason reason = ProbeFailures.reasonOf(error);
        return CheckResult.failed(reason == FailureReason.ERROR ? FailureReason.BAD_RESPONSE : reason,
                ProbeFailures.describe(error), latency());
    }

    private long remainingMillis() {
        return timeout.toMillis() - latency().toMillis();
    }

    private Duration latency() {
        return ProbeFailures.since(start);
    }
}
